import type { GraphQLSchema } from 'graphql';
import { guardedQuery } from '../../access/guarded-query';
import type { StoredRule } from '../../access/rules';
import { SENSITIVE_FIELDS } from '../../access/sensitive-fields';
import { ACTIONS, SUBJECTS } from '../../access/subjects';
import type { RequestContext } from '../../graphql/context';
import { RoleGrant } from '../staff/role-grant.entity';
import { fieldsFrom } from '../staff/role.service';
import { effectivePermissions, whoCan, type EffectiveRule, type WhoCanQuestion } from './permissions.service';
import type { AccessCatalogView, EffectivePermissionsView, EffectiveRuleView, WhoCanEntryView } from './permissions.types';

function ruleView({ grantId, roleName, roleLabel, rule }: EffectiveRule): EffectiveRuleView {
  const r: StoredRule = rule;
  return {
    grantId,
    roleName,
    roleLabel,
    action: [r.action].flat(),
    subject: [r.subject].flat(),
    fields: r.fields ?? null,
    conditions: r.conditions ?? null,
    inverted: r.inverted === true,
    reason: r.reason ?? null,
  };
}

export async function effectivePermissionsView(ctx: RequestContext, staffId: string): Promise<EffectivePermissionsView> {
  const found = await effectivePermissions(ctx, staffId);
  return { ...found, rules: found.rules.map(ruleView), withdrawn: found.withdrawn.map(ruleView) };
}

export async function whoCanView(ctx: RequestContext, question: WhoCanQuestion): Promise<WhoCanEntryView[]> {
  const entries = await whoCan(ctx, question);
  const ids = [...new Set(entries.flatMap((e) => e.grants.map((g) => g.grantId)))];
  const readable = ids.length ? await guardedQuery(ctx, RoleGrant, 'g').andWhere('g.id IN (:...ids)', { ids }).getMany() : [];
  const byId = new Map(readable.map((g) => [g.id, g]));
  return entries.map(({ staff, grants }) => ({
    staff,
    grantIds: grants.map((g) => g.grantId),
    roles: [...new Set(grants.map((g) => g.roleName))],
    grants: grants.map((g) => byId.get(g.grantId)).filter((g): g is RoleGrant => !!g),
  }));
}

export function catalog(schema: GraphQLSchema): AccessCatalogView {
  const fieldsOf = fieldsFrom(schema);
  return {
    actions: [...ACTIONS],
    subjects: SUBJECTS.map((name) => ({ name, fields: (fieldsOf(name) ?? []).sort(), sensitiveFields: Object.keys(SENSITIVE_FIELDS[name] ?? {}) })),
    placeholders: ['${staff.id}', '${staff.branchId}'],
  };
}
