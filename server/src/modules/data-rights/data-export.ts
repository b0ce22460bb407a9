import { In, type EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ComplaintEvent } from '../complaints/complaint-event.entity';
import { Complaint } from '../complaints/complaint.entity';
import type { Customer } from '../customers/customer.entity';
import { PolicyInquiry } from '../inquiry/policy-inquiry.entity';
import { Policy } from '../policies/policy.entity';
import { CustomerConsent } from './customer-consent.entity';
import { DataRightsRequest } from './data-rights-request.entity';
import { SharingAgreement, SharingAgreementCustomer } from './sharing-agreement.entity';

/** The sections of a customer's copy of their data, in the order they appear. */
export const EXPORT_SECTIONS = ['customer', 'policies', 'complaints', 'inquiries', 'consents', 'sharingAgreements', 'revealedBy', 'changes', 'dataRightsRequests'] as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function profile(c: Customer) {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    idType: c.idType,
    idNumber: c.idNumber,
    phone: c.phone,
    email: c.email,
    address: c.address,
    occupation: c.occupation,
    branchId: c.branchId,
    source: c.source,
    marketingConsent: c.marketingConsent,
    marketingConsentAt: iso(c.marketingConsentAt),
    sharingConsent: c.sharingConsent,
    sharingConsentAt: iso(c.sharingConsentAt),
    status: c.status,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

function policyRow(p: Policy, customerId: number) {
  const roles = [p.holderId === customerId ? 'holder' : null, p.insuredId === customerId ? 'insured' : null, p.beneficiaries.some((b) => Number(b.customerId) === customerId) ? 'beneficiary' : null];
  return {
    id: p.id,
    policyNumber: p.policyNumber,
    roles: roles.filter(Boolean),
    productCode: p.productCode,
    productName: p.productName,
    line: p.line,
    status: p.status,
    effectiveDate: p.effectiveDate,
    expiryDate: p.expiryDate,
    sumInsuredFen: p.sumInsuredFen,
    premiumFen: p.premiumFen,
    paymentFrequency: p.paymentFrequency,
    paymentStatus: p.paymentStatus,
    nextPremiumDueDate: p.nextPremiumDueDate,
    beneficiaries: p.beneficiaries,
    salesChannel: p.salesChannel,
    branchId: p.branchId,
  };
}

function complaintRow(c: Complaint, events: ComplaintEvent[]) {
  return {
    id: c.id,
    number: c.number,
    state: c.state,
    channel: c.channel,
    category: c.category,
    severity: c.severity,
    complainantName: c.complainantName,
    complainantPhone: c.complainantPhone,
    complainantEmail: c.complainantEmail,
    complainantAddress: c.complainantAddress,
    policyId: c.policyId,
    summary: c.summary,
    details: c.details,
    receivedAt: iso(c.receivedAt),
    resolution: c.resolution,
    compensationFen: c.compensationFen,
    closedAt: iso(c.closedAt),
    satisfaction: c.satisfaction,
    timeline: events.map((e) => ({ at: iso(e.at), kind: e.kind, fromState: e.fromState, toState: e.toState, note: e.note })),
  };
}

/**
 * Everything held about one customer, read straight from the database so nothing is left out by the
 * caller's row rules: the copy is the customer's own, with their values in clear. The staff who read
 * their data in clear (reveal) and every change to their record come from the audit trail.
 */
export async function collectCustomerData(em: EntityManager, customer: Customer) {
  const cid = customer.id;
  const policies = await em
    .getRepository(Policy)
    .createQueryBuilder('p')
    .where('p.holderId = :cid OR p.insuredId = :cid OR p.beneficiaries LIKE :benef', { cid, benef: `%"customerId":${cid}%` })
    .orderBy('p.id')
    .getMany();
  const theirs = policies.filter((p) => p.holderId === cid || p.insuredId === cid || p.beneficiaries.some((b) => Number(b.customerId) === cid));
  const policyIds = theirs.map((p) => p.id);
  const complaints = await em
    .getRepository(Complaint)
    .createQueryBuilder('c')
    .where('c.complainantCustomerId = :cid', { cid })
    .orWhere(customer.phoneHash ? 'c.complainantPhoneHash = :phone' : '1 = 0', { phone: customer.phoneHash })
    .orderBy('c.id')
    .getMany();
  const events = complaints.length ? await em.getRepository(ComplaintEvent).createQueryBuilder('e').where('e.complaintId IN (:...ids)', { ids: complaints.map((c) => c.id) }).orderBy('e.id').getMany() : [];
  const inquiries = policyIds.length ? await em.getRepository(PolicyInquiry).createQueryBuilder('i').where('i.policyId IN (:...ids)', { ids: policyIds }).orderBy('i.id').getMany() : [];
  const consents = await em.getRepository(CustomerConsent).find({ where: { customerId: cid }, order: { at: 'ASC', id: 'ASC' } });
  const links = await em.getRepository(SharingAgreementCustomer).find({ where: { customerId: cid }, order: { id: 'ASC' } });
  const agreements = links.length ? await em.getRepository(SharingAgreement).find({ where: { id: In(links.map((l) => l.agreementId)) } }) : [];
  const complaintIds = complaints.map((c) => String(c.id));
  const trail = await em
    .getRepository(AuditEntry)
    .createQueryBuilder('a')
    .where("(a.subjectType = 'Customer' AND a.subjectId = :cid)", { cid: String(cid) })
    .orWhere(complaintIds.length ? "(a.subjectType = 'Complaint' AND a.action = 'reveal' AND a.subjectId IN (:...complaintIds))" : '1 = 0', { complaintIds })
    .orderBy('a.seq')
    .getMany();
  const requests = await em.getRepository(DataRightsRequest).find({ where: { customerId: cid }, order: { id: 'ASC' } });
  return {
    customer: profile(customer),
    policies: theirs.map((p) => policyRow(p, cid)),
    complaints: complaints.map((c) => complaintRow(c, events.filter((e) => e.complaintId === c.id))),
    inquiries: inquiries.map((i) => ({ at: iso(i.at), channel: i.channel, policyNumber: i.policyNumber, outcome: i.outcome, assistedByStaffId: i.staffId })),
    consents: consents.map((k) => ({ kind: k.kind, granted: k.granted, at: iso(k.at), channel: k.channel, textVersion: k.textVersion })),
    sharingAgreements: links.map((link) => {
      const a = agreements.find((x) => x.id === link.agreementId)!;
      return { reference: a.reference, party: a.party, purpose: a.purpose, fields: a.fields, validFrom: a.validFrom, validUntil: a.validUntil, coveredSince: iso(link.addedAt) };
    }),
    revealedBy: trail
      .filter((e) => e.action === 'reveal')
      .map((e) => ({ at: iso(e.at), staffId: e.staffId, staffUsername: e.staffUsername, record: `${e.subjectType} ${e.subjectId}`, field: (e.changes as { field?: string } | null)?.field ?? null, reason: e.reason })),
    changes: trail
      .filter((e) => e.action !== 'reveal' && e.outcome === 'success')
      .map((e) => ({ at: iso(e.at), action: e.action, staffUsername: e.staffUsername, changes: e.changes, reason: e.reason })),
    dataRightsRequests: requests.map((r) => ({ id: r.id, kind: r.kind, status: r.status, channel: r.channel, receivedAt: iso(r.receivedAt), retentionUntil: r.retentionUntil, completedAt: iso(r.completedAt) })),
  };
}

export type CustomerDataCopy = Awaited<ReturnType<typeof collectCustomerData>>;
