import { findGuarded } from '../../access/guarded-query';
import { assertCanWrite } from '../../access/write-guard';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import { Customer } from '../customers/customer.entity';
import { CustomerConsent } from './customer-consent.entity';
import { ConsentKind } from './data-rights.enums';
import type { RecordConsentArgs } from './data-rights.inputs';
import { SharingAgreementCustomer } from './sharing-agreement.entity';

const CUSTOMER_FIELDS = {
  [ConsentKind.marketing]: { flag: 'marketingConsent', at: 'marketingConsentAt' },
  [ConsentKind.third_party_sharing]: { flag: 'sharingConsent', at: 'sharingConsentAt' },
} as const;

/** The consent history of a customer the caller may read, latest first. */
export async function consentsOf(ctx: RequestContext, customerId: number): Promise<CustomerConsent[]> {
  if (!ctx.ability.can('read', 'CustomerConsent')) return [];
  return ctx.db.getRepository(CustomerConsent).find({ where: { customerId }, order: { at: 'DESC', id: 'DESC' } });
}

/**
 * A consent given or withdrawn, kept in the history with its date, channel and text version; the
 * customer record shows the latest one. Withdrawing third-party sharing ends the customer's coverage
 * by every sharing agreement.
 */
export async function recordConsent(ctx: RequestContext, args: RecordConsentArgs): Promise<CustomerConsent> {
  const at = args.at ?? now();
  if (at.getTime() > now().getTime() + 60_000) throw invalidInput({ at: 'cannot be in the future' });
  const id = await inTransaction(ctx.db, async (em) => {
    const customer = await findGuarded(ctx, Customer, args.customerId, 'read', em);
    const draft = Object.assign(new CustomerConsent(), {
      customerId: customer.id,
      kind: args.kind,
      granted: args.granted,
      at,
      channel: args.channel,
      textVersion: args.textVersion.trim(),
      recordedById: ctx.staff!.id,
      note: args.note?.trim() || null,
      createdAt: now(),
    });
    assertCanWrite(ctx.ability, 'create', draft, []);
    const saved = await em.save(draft);
    // A consent recorded late (a paper form) must not overwrite a newer one on the customer record.
    const newer = await em
      .getRepository(CustomerConsent)
      .createQueryBuilder('k')
      .where('k.customerId = :cid AND k.kind = :kind AND k.id <> :id', { cid: customer.id, kind: args.kind, id: saved.id })
      .andWhere('k.at > :at', { at: at.toISOString().replace('T', ' ').replace('Z', '') })
      .getExists();
    const fields = CUSTOMER_FIELDS[args.kind];
    let endedSharing = 0;
    if (!newer) {
      await em
        .createQueryBuilder()
        .update(Customer)
        .set({ [fields.flag]: args.granted, [fields.at]: args.granted ? at : null, version: () => 'version + 1', updatedAt: now() } as never)
        .where('id = :id', { id: customer.id })
        .execute();
      if (args.kind === ConsentKind.third_party_sharing && !args.granted) {
        endedSharing = (await em.delete(SharingAgreementCustomer, { customerId: customer.id })).affected ?? 0;
      }
    }
    await recordAudit(em, ctx, {
      action: 'customer.consent',
      subjectType: 'Customer',
      subjectId: customer.id,
      changes: { kind: args.kind, granted: args.granted, channel: args.channel, textVersion: saved.textVersion, at: at.toISOString(), current: !newer, sharingAgreementsEnded: endedSharing },
    });
    return saved.id;
  });
  return ctx.db.getRepository(CustomerConsent).findOneByOrFail({ id });
}
