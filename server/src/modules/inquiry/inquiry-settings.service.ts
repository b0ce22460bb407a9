import type { DataSource, EntityManager } from 'typeorm';
import { assertCanWrite } from '../../access/write-guard';
import { findGuarded } from '../../access/guarded-query';
import { inTransaction } from '../../db/transaction';
import { updateVersioned } from '../../db/versioned-update';
import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { auditChanges, changedFields } from '../audit/changes';
import { InquirySettings } from './inquiry-settings.entity';
import type { UpdateInquirySettingsArgs } from './inquiry.inputs';

const SUBJECT = 'InquirySettings';

/** The settings as the inquiry itself reads them: no caller's rules apply to a channel request. */
export async function loadInquirySettings(db: DataSource | EntityManager): Promise<InquirySettings> {
  const found = await db.getRepository(InquirySettings).findOne({ where: { id: 1 } });
  if (!found) throw new Error('the inquiry settings are missing: run the migrations');
  return found;
}

export const getInquirySettings = (ctx: RequestContext) => findGuarded(ctx, InquirySettings, 1);

export async function updateInquirySettings(ctx: RequestContext, args: UpdateInquirySettingsArgs): Promise<InquirySettings> {
  const { version, ...input } = args;
  await inTransaction(ctx.db, async (em) => {
    const current = await findGuarded(ctx, InquirySettings, 1, 'read', em);
    const fields = changedFields(current, input as Partial<InquirySettings>);
    const changes = Object.fromEntries(fields.map((f) => [f, (input as Record<string, unknown>)[f]])) as Partial<InquirySettings>;
    assertCanWrite(ctx.ability, 'update', current, fields);
    if (version !== current.version) throw new AppError('STALE_VERSION');
    if (fields.length === 0) return;
    const after = Object.assign(new InquirySettings(), current, changes);
    await updateVersioned(em, InquirySettings, current, version, changes);
    await recordAudit(em, ctx, { action: 'inquiry_settings.update', subjectType: SUBJECT, subjectId: 1, changes: auditChanges(SUBJECT, current, after, fields) });
  });
  return getInquirySettings(ctx);
}
