import crypto from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { mask, type SensitiveKind } from '../../access/mask';
import { blindIndex } from '../../db/field-crypto';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ComplaintEvent } from '../complaints/complaint-event.entity';
import { Complaint } from '../complaints/complaint.entity';
import { Customer } from '../customers/customer.entity';
import { CustomerStatus } from '../customers/customer.enums';
import { InquiryLock } from '../inquiry/inquiry-lock.entity';
import { PolicyInquiry } from '../inquiry/policy-inquiry.entity';
import { QueryPassword } from '../inquiry/query-password.entity';
import { Policy } from '../policies/policy.entity';
import { CustomerConsent } from './customer-consent.entity';
import { DataRightsRequest } from './data-rights-request.entity';
import { redactAuditTrail } from './redact-audit';
import { scrub, scrubJson } from './anonymise-text';

export const ANONYMISED_NAME = '已匿名化';

export interface AnonymisationReport {
  customerId: number;
  customerFields: string[];
  policiesTouched: number;
  queryPasswordsRemoved: number;
  complaints: number;
  complaintEvents: number;
  inquiryLogLines: number;
  consentNotes: number;
  requestNotes: number;
  auditEntriesRedacted: number;
  /** Audit entries chained before redaction existed: they cannot be changed without breaking the chain. */
  auditEntriesKept: number;
}

/**
 * The values that identify the customer, as they are now and as they were: the record's, those the
 * complaints give for them, former names and birth dates kept in the audit trail — and the masks of
 * the sensitive ones, which are still partial identifiers. Longest first, so a longer value is
 * scrubbed before a shorter one inside it.
 */
async function personalValues(em: EntityManager, customer: Customer, complaints: Complaint[], names: string[]): Promise<string[]> {
  const values = new Set<string>();
  const add = (v: unknown) => typeof v === 'string' && v.trim().length >= 2 && values.add(v.trim());
  for (const field of ['name', 'idNumber', 'phone', 'email', 'address', 'birthDate'] as const) add(customer[field]);
  if (customer.birthDate) add(customer.birthDate.replace(/-/g, ''));
  names.forEach(add);
  for (const c of complaints) [c.complainantName, c.complainantPhone, c.complainantEmail, c.complainantAddress].forEach(add);
  const trail = await em.getRepository(AuditEntry).find({ where: { subjectType: 'Customer', subjectId: String(customer.id) } });
  for (const entry of trail) {
    for (const field of ['name', 'birthDate']) {
      const change = entry.changes?.[field] as { from?: unknown; to?: unknown } | undefined;
      add(change?.from);
      add(change?.to);
    }
  }
  const kinds: Array<[string | null, SensitiveKind]> = [[customer.idNumber, 'idNumber'], [customer.phone, 'phone'], [customer.email, 'email'], [customer.address, 'address']];
  for (const c of complaints) kinds.push([c.complainantPhone, 'phone'], [c.complainantEmail, 'email'], [c.complainantAddress, 'address']);
  for (const [value, kind] of kinds) if (value) add(mask(kind, value));
  values.delete(ANONYMISED_NAME);
  return [...values].sort((a, b) => b.length - a.length);
}

const COMPLAINT_TEXT = ['summary', 'details', 'resolution', 'returnCallNote', 'notAcceptedReason', 'withdrawalReason', 'extensionReason', 'regulatorReport', 'headOfficeReport'] as const;

/**
 * Irreversibly removes a customer's personal data, keeping every row that statistics count: the customer
 * stays (kind, branch, source, status anonymised) so policy, complaint and inquiry counts do not change,
 * but the name, identity and contact data are replaced by nothing that leads back to the person — the
 * blind indexes too, whose keyed hashes would still match the old values. Runs in the caller's transaction.
 */
export async function anonymiseCustomer(em: EntityManager, customerId: number): Promise<AnonymisationReport> {
  const customer = await em.getRepository(Customer).findOneOrFail({ where: { id: customerId } });
  const complaints = await em
    .getRepository(Complaint)
    .createQueryBuilder('c')
    .where('c.complainantCustomerId = :cid', { cid: customerId })
    .orWhere(customer.phoneHash ? 'c.complainantPhoneHash = :phone' : '1 = 0', { phone: customer.phoneHash })
    .getMany();
  // Beneficiaries named on their policies, and the customer named as a beneficiary on others.
  const policies = await em
    .getRepository(Policy)
    .createQueryBuilder('p')
    .where('p.holderId = :cid OR p.insuredId = :cid OR p.beneficiaries LIKE :benef', { cid: customerId, benef: `%"customerId":${customerId}%` })
    .getMany();
  // Beneficiaries were recorded for the customer's contracts: their names go with them.
  const beneficiaryNames = policies.flatMap((p) => p.beneficiaries.filter((b) => p.holderId === customerId || p.insuredId === customerId || Number(b.customerId) === customerId).map((b) => b.name));
  const old = await personalValues(em, customer, complaints, beneficiaryNames);
  const token = crypto.randomBytes(16).toString('hex');
  const customerFields = ['name', 'idNumber', 'phone', 'email', 'address', 'occupation', 'birthDate', 'marketingConsent', 'sharingConsent', 'status'];
  await em
    .createQueryBuilder()
    .update(Customer)
    .set({
      name: ANONYMISED_NAME,
      // Unique and never derivable from the person: the column is required and its blind index unique.
      idNumber: `ANON-${token}`,
      idNumberHash: blindIndex('anonymised', token),
      phone: null,
      phoneHash: null,
      email: null,
      address: null,
      occupation: null,
      birthDate: null,
      marketingConsent: false,
      marketingConsentAt: null,
      sharingConsent: false,
      sharingConsentAt: null,
      status: CustomerStatus.anonymised,
      version: () => 'version + 1',
    } as never)
    .where('id = :id', { id: customerId })
    .execute();

  let policiesTouched = 0;
  for (const p of policies) {
    const own = p.holderId === customerId || p.insuredId === customerId;
    const beneficiaries = p.beneficiaries.map((b) => (own || Number(b.customerId) === customerId ? { ...b, name: ANONYMISED_NAME } : b));
    if (JSON.stringify(beneficiaries) === JSON.stringify(p.beneficiaries)) continue;
    await em.update(Policy, { id: p.id }, { beneficiaries });
    policiesTouched += 1;
  }
  const own = policies.filter((p) => p.holderId === customerId || p.insuredId === customerId);
  const ownIds = own.map((p) => p.id);
  const queryPasswordsRemoved = ownIds.length ? ((await em.delete(QueryPassword, { policyId: In(ownIds) })).affected ?? 0) : 0;
  if (own.length) await em.delete(InquiryLock, { policyNumber: In(own.map((p) => p.policyNumber)) });
  // Who called about the policy (an IP address) is personal data too; channel, outcome and timing stay for the indicators.
  const inquiryLogLines = ownIds.length ? ((await em.update(PolicyInquiry, { policyId: In(ownIds) }, { sourceIp: null })).affected ?? 0) : 0;

  for (const c of complaints) {
    const text = Object.fromEntries(COMPLAINT_TEXT.map((f) => [f, scrub(c[f] as string | null, old)]));
    await em.update(Complaint, { id: c.id }, { ...text, complainantName: ANONYMISED_NAME, complainantPhone: null, complainantPhoneHash: null, complainantEmail: null, complainantAddress: null });
  }
  const events = complaints.length ? await em.getRepository(ComplaintEvent).find({ where: { complaintId: In(complaints.map((c) => c.id)) } }) : [];
  let complaintEvents = 0;
  for (const e of events) {
    const note = scrub(e.note, old);
    const data = scrubJson(e.data, old);
    if (note === e.note && JSON.stringify(data) === JSON.stringify(e.data)) continue;
    await em.update(ComplaintEvent, { id: e.id }, { note, data: data as never });
    complaintEvents += 1;
  }

  let consentNotes = 0;
  for (const k of await em.getRepository(CustomerConsent).find({ where: { customerId } })) {
    if (k.note && scrub(k.note, old) !== k.note) {
      await em.update(CustomerConsent, { id: k.id }, { note: scrub(k.note, old) });
      consentNotes += 1;
    }
  }
  let requestNotes = 0;
  for (const r of await em.getRepository(DataRightsRequest).find({ where: { customerId } })) {
    if (r.note && scrub(r.note, old) !== r.note) {
      await em.update(DataRightsRequest, { id: r.id }, { note: scrub(r.note, old) });
      requestNotes += 1;
    }
  }
  const audit = await redactAuditTrail(em, { customerId, policyIds: policies.map((p) => p.id), complaintIds: complaints.map((c) => c.id) }, old);
  return {
    customerId,
    customerFields,
    policiesTouched,
    queryPasswordsRemoved,
    complaints: complaints.length,
    complaintEvents,
    inquiryLogLines,
    consentNotes,
    requestNotes,
    auditEntriesRedacted: audit.redacted,
    auditEntriesKept: audit.legacy,
  };
}
