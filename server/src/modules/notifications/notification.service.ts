import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { Notification } from './notification.entity';

export interface NewNotification {
  kind: string;
  complaintId: number | null;
  title: string;
  body: string;
}

/** One notification per recipient, in the caller's transaction (so it exists only if the change does). */
export async function notify(em: EntityManager, staffIds: Iterable<number>, message: NewNotification, at: Date = now()): Promise<number> {
  const rows = [...new Set(staffIds)].map((staffId) => ({ staffId, ...message, title: message.title.slice(0, 200), body: message.body.slice(0, 1000), createdAt: at, readAt: null }));
  if (rows.length) await em.insert(Notification, rows);
  return rows.length;
}

// Notifications are always the caller's own: no permission rule can widen that, so none is consulted.
function mine(ctx: RequestContext, unreadOnly: boolean) {
  const qb = ctx.db.getRepository(Notification).createQueryBuilder('n').where('n.staffId = :me', { me: ctx.staff!.id });
  if (unreadOnly) qb.andWhere('n.readAt IS NULL');
  return qb;
}

export function listMine(ctx: RequestContext, unreadOnly: boolean, page: number, perPage: number): Promise<Notification[]> {
  return mine(ctx, unreadOnly).orderBy('n.id', 'DESC').skip(page * perPage).take(perPage).getMany();
}

export const countMine = (ctx: RequestContext, unreadOnly: boolean) => mine(ctx, unreadOnly).getCount();

export async function markRead(ctx: RequestContext, id: string): Promise<Notification> {
  const numeric = Number(id);
  if (!Number.isSafeInteger(numeric) || numeric <= 0) throw notFound();
  return inTransaction(ctx.db, async (em) => {
    const found = await em.getRepository(Notification).findOne({ where: { id: numeric, staffId: ctx.staff!.id } });
    if (!found) throw notFound();
    if (!found.readAt) {
      found.readAt = now();
      await em.update(Notification, { id: found.id }, { readAt: found.readAt });
    }
    return found;
  });
}

export async function markAllRead(ctx: RequestContext): Promise<number> {
  return inTransaction(ctx.db, async (em) => {
    const result = await em.update(Notification, { staffId: ctx.staff!.id, readAt: IsNull() }, { readAt: now() });
    return result.affected ?? 0;
  });
}
