import { Arg, Args, ArgsType, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import { applyFilters, applySortAndPage, filterBy, ListArgs, ListMetadata, SortOrder, type ListSpec } from '../../graphql/list';
import { likePrefix } from '../customers/customer.list';
import { Branch } from './branch.entity';

@InputType('BranchFilter')
class BranchFilter {
  @Field(() => String, { nullable: true })
  @MaxLength(64)
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  @MaxLength(16)
  code?: string;
}

@ArgsType()
class BranchListArgs extends ListArgs {
  @Field(() => BranchFilter, { nullable: true })
  filter?: BranchFilter | null;
}

const spec: ListSpec<Branch> = {
  subject: 'Branch',
  alias: 'b',
  sortable: { id: 'b.id', code: 'b.code', name: 'b.name' },
  defaultSort: { field: 'code', order: SortOrder.ASC },
  filters: {
    q: { field: 'name', apply: (qb, value, p) => void qb.andWhere(`(b.name LIKE :${p} OR b.code LIKE :${p})`, { [p]: likePrefix(String(value)) }) },
    ids: filterBy.ids('b'),
    code: filterBy.equals('b', 'code'),
  },
};

const listQuery = (ctx: RequestContext, args: BranchListArgs) => applyFilters(ctx, guardedQuery(ctx, Branch, 'b'), spec, args.filter);

@Resolver(() => Branch)
export class BranchResolver {
  @Query(() => [Branch])
  @Allow('read', 'Branch')
  allBranches(@Args() args: BranchListArgs, @Ctx() ctx: RequestContext) {
    return applySortAndPage(ctx, listQuery(ctx, args), spec, args).getMany();
  }

  @Query(() => ListMetadata)
  @Allow('read', 'Branch')
  async _allBranchesMeta(@Args() args: BranchListArgs, @Ctx() ctx: RequestContext) {
    return { count: await listQuery(ctx, args).getCount() };
  }

  @Query(() => Branch, { name: 'Branch' })
  @Allow('read', 'Branch')
  branch(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return findGuarded(ctx, Branch, id);
  }
}
