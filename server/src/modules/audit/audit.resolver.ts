import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { applyFilters, applySortAndPage, filterBy, ListArgs, ListMetadata, SortOrder, type ListSpec } from '../../graphql/list';
import { RowCount } from '../../graphql/list-count';
import { AuditEntry, AuditOutcome } from './audit-entry.entity';
import { recordedVerification } from '../dashboard/audit-runs';
import { VerificationTrigger } from '../dashboard/audit-verification-run.entity';

@InputType('AuditEntryFilter')
export class AuditEntryFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  staffId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  action?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  subjectType?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(64)
  subjectId?: string;

  @Field(() => AuditOutcome, { nullable: true })
  outcome?: AuditOutcome;

  @Field(() => Date, { nullable: true })
  at_gte?: Date;

  @Field(() => Date, { nullable: true })
  at_lte?: Date;
}

@ArgsType()
class AuditEntryListArgs extends ListArgs {
  @Field(() => AuditEntryFilter, { nullable: true })
  filter?: AuditEntryFilter | null;
}

@ObjectType('AuditChainVerification')
class AuditChainVerification {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int)
  checked: number;

  @Field(() => ID, { nullable: true })
  firstBrokenId: number | null;

  @Field(() => String, { nullable: true })
  problem: string | null;
}

export const auditListSpec: ListSpec<AuditEntry> = {
  subject: 'AuditEntry',
  alias: 'a',
  sortable: { id: 'a.id', at: 'a.at', seq: 'a.seq', action: 'a.action' },
  defaultSort: { field: 'seq', order: SortOrder.DESC },
  filters: {
    ids: filterBy.ids('a'),
    staffId: filterBy.equals('a', 'staffId'),
    action: filterBy.equals('a', 'action'),
    subjectType: filterBy.equals('a', 'subjectType'),
    subjectId: filterBy.equals('a', 'subjectId'),
    outcome: filterBy.equals('a', 'outcome'),
    at_gte: filterBy.range('a', 'at', '>='),
    at_lte: filterBy.range('a', 'at', '<='),
  },
};

export const auditListQuery = (ctx: RequestContext, args: Pick<AuditEntryListArgs, 'filter'>) => applyFilters(ctx, guardedQuery(ctx, AuditEntry, 'a'), auditListSpec, args.filter);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => [AuditEntry])
  @Allow('read', 'AuditEntry')
  allAuditEntries(@Args() args: AuditEntryListArgs, @Ctx() ctx: RequestContext) {
    return applySortAndPage(ctx, auditListQuery(ctx, args), auditListSpec, args).getMany();
  }

  @Query(() => ListMetadata)
  @Allow('read', 'AuditEntry')
  _allAuditEntriesMeta(@Args() args: AuditEntryListArgs, @Ctx() ctx: RequestContext) {
    return new RowCount(auditListQuery(ctx, args));
  }

  @Query(() => AuditEntry, { name: 'AuditEntry' })
  @Allow('read', 'AuditEntry')
  auditEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return findGuarded(ctx, AuditEntry, id);
  }

  @Query(() => AuditChainVerification, { description: 'Walks the whole audit chain and names the first broken entry' })
  @Allow('read', 'AuditEntry')
  verifyAuditChain(@Ctx() ctx: RequestContext) {
    return recordedVerification(ctx.db, { trigger: VerificationTrigger.api, staffId: ctx.staff!.id, staffName: ctx.staff!.displayName });
  }
}
