import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation';
import type { RequestContext } from '../../graphql/context';
import * as permissions from './permissions.view';
import { AccessCatalogView, EffectivePermissionsView, WhoCanEntryView } from './permissions.types';

/** Effective permissions, who-can and the rule catalogue: computed the way the API computes every request's rights. */
@Resolver()
export class PermissionsResolver {
  @Query(() => EffectivePermissionsView, { description: 'A staff member\'s merged rules and which grant gives what' })
  @Allow('read', 'RoleGrant')
  effectivePermissions(@Arg('staffId', () => ID) staffId: string, @Ctx() ctx: RequestContext) {
    return permissions.effectivePermissionsView(ctx, staffId);
  }

  @Query(() => [WhoCanEntryView], { description: 'Active staff who can do action on subject (one field, one record), and through which grants' })
  @Allow('read', 'RoleGrant')
  whoCan(
    @Arg('action', () => String) action: string,
    @Arg('subject', () => String) subject: string,
    @Arg('field', () => String, { nullable: true }) field: string | null,
    @Arg('id', () => ID, { nullable: true, description: 'One record, looked up as the caller may read it' }) id: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return permissions.whoCanView(ctx, { action, subject, field, id });
  }

  @Query(() => AccessCatalogView)
  @Allow('read', 'Role')
  accessCatalog(@Info() info: GraphQLResolveInfo) {
    return permissions.catalog(info.schema);
  }
}
