import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { Policy } from '../policies/policy.entity';
import { Staff } from '../staff/staff.entity';
import { loadClockContext, type ClockContext } from './complaint-deadlines';
import { authorityOf } from './complaint.rules';
import type { Actor } from './complaint.workflow';

/**
 * What a complaint page or list needs once per request, not once per row: the deadline policy and
 * calendar for the clocks, and batched, row-guarded lookups of the staff and policies it points at.
 */
interface RequestCache {
  clocks?: Promise<ClockContext>;
  staff?: DataLoader<number, Staff | null>;
  policy?: DataLoader<number, Policy | null>;
}

const caches = new WeakMap<RequestContext, RequestCache>();

function cacheOf(ctx: RequestContext): RequestCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = {}));
  return cache;
}

export function requestClockContext(ctx: RequestContext): Promise<ClockContext> {
  const cache = cacheOf(ctx);
  cache.clocks ??= loadClockContext(ctx.db.manager, ctx.config.defaultTimezone);
  return cache.clocks;
}

function guardedLoader<T extends ObjectLiteral & { id: number }>(ctx: RequestContext, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await guardedQuery(ctx, entity, 'r').andWhere('r.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A staff member the caller may read (agents see only themselves), else null. */
export function loadStaff(ctx: RequestContext, id: number | null): Promise<Staff | null> {
  if (!id) return Promise.resolve(null);
  const cache = cacheOf(ctx);
  cache.staff ??= guardedLoader(ctx, Staff);
  return cache.staff.load(id);
}

export function loadPolicy(ctx: RequestContext, id: number | null): Promise<Policy | null> {
  if (!id) return Promise.resolve(null);
  const cache = cacheOf(ctx);
  cache.policy ??= guardedLoader(ctx, Policy);
  return cache.policy.load(id);
}

/** The caller as the workflow sees them: who they are and how much compensation they may approve. */
export function actorOf(ctx: RequestContext, cc: ClockContext): Actor {
  return { staffId: ctx.staff?.id ?? 0, authorityFen: authorityOf(ctx.staff?.roles ?? [], cc.policy.approvalLimits) };
}
