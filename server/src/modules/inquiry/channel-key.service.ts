import { findGuarded, guardedQuery } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AppError, invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { InquiryChannelKey } from './channel-key.entity';
import { ChannelKeyStatus, SELF_SERVICE_CHANNELS, type InquiryChannel } from './inquiry.enums';
import type { CreateChannelKeyArgs } from './inquiry.inputs';
import { channelKeyHash, generateChannelKey } from './inquiry.rules';

const SUBJECT = 'InquiryChannelKey';
/** Two at once: the new key is deployed while the old one still works, then the old one is retired. */
export const MAX_ACTIVE_KEYS_PER_CHANNEL = 2;
export const CHANNEL_KEY_HEADER = 'x-channel-key';

export function listChannelKeys(ctx: RequestContext): Promise<InquiryChannelKey[]> {
  return guardedQuery(ctx, InquiryChannelKey, 'k').orderBy('k.channel', 'ASC').addOrderBy('k.id', 'DESC').getMany();
}

export async function createChannelKey(ctx: RequestContext, args: CreateChannelKeyArgs): Promise<{ key: InquiryChannelKey; secret: string }> {
  if (!(SELF_SERVICE_CHANNELS as readonly string[]).includes(args.channel)) {
    throw invalidInput({ channel: 'keys are for the website and the app; hotline and counter inquiries are made by staff' });
  }
  const secret = generateChannelKey(args.channel);
  const at = now();
  const draft = Object.assign(new InquiryChannelKey(), {
    channel: args.channel,
    label: args.label.trim(),
    keyPrefix: secret.slice(0, 12),
    keyHash: channelKeyHash(secret),
    status: ChannelKeyStatus.active,
    createdById: ctx.staff!.id,
    retiredAt: null,
    retiredById: null,
    lastUsedAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
  assertCanWrite(ctx.ability, 'create', draft, ['channel', 'label']);
  const id = await inTransaction(ctx.db, async (em) => {
    const active = await em.getRepository(InquiryChannelKey).count({ where: { channel: args.channel, status: ChannelKeyStatus.active } });
    if (active >= MAX_ACTIVE_KEYS_PER_CHANNEL) throw new AppError('CHANNEL_KEY_LIMIT');
    const saved = await em.save(draft);
    await recordAudit(em, ctx, { action: 'inquiry_channel_key.create', subjectType: SUBJECT, subjectId: saved.id, changes: { channel: saved.channel, label: saved.label, keyPrefix: saved.keyPrefix } });
    return saved.id;
  });
  return { key: await findGuarded(ctx, InquiryChannelKey, id), secret };
}

export async function retireChannelKey(ctx: RequestContext, id: string): Promise<InquiryChannelKey> {
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, InquiryChannelKey, id, 'read', em);
    assertCanWrite(ctx.ability, 'update', current, ['status']);
    if (current.status === ChannelKeyStatus.retired) throw new AppError('CHANNEL_KEY_RETIRED');
    const at = now();
    await em.update(InquiryChannelKey, { id: current.id }, { status: ChannelKeyStatus.retired, retiredAt: at, retiredById: ctx.staff!.id, version: current.version + 1, updatedAt: at });
    await recordAudit(em, ctx, { action: 'inquiry_channel_key.retire', subjectType: SUBJECT, subjectId: current.id, changes: { channel: current.channel, keyPrefix: current.keyPrefix, lastUsedAt: current.lastUsedAt?.toISOString() ?? null } });
  });
  return findGuarded(ctx, InquiryChannelKey, id);
}

/**
 * The channel a request's key belongs to, or CHANNEL_KEY_INVALID. The key is looked up by its hash, so
 * the lookup itself learns nothing from how far a wrong key matched.
 */
export async function authenticateChannel(ctx: Pick<RequestContext, 'db' | 'req'>): Promise<{ id: number; channel: InquiryChannel }> {
  const header = ctx.req.headers[CHANNEL_KEY_HEADER];
  const presented = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!presented || presented.length > 200) throw new AppError('CHANNEL_KEY_INVALID');
  const key = await ctx.db.getRepository(InquiryChannelKey).findOne({ where: { keyHash: channelKeyHash(presented) } });
  if (!key || key.status !== ChannelKeyStatus.active) throw new AppError('CHANNEL_KEY_INVALID');
  // Last use is what tells the administrator that traffic has moved to the new key; a minute's precision is plenty.
  const at = now();
  if (!key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await inTransaction(ctx.db, (em) => em.update(InquiryChannelKey, { id: key.id }, { lastUsedAt: at }));
  }
  return { id: key.id, channel: key.channel };
}
