// Shared by the data-rights-* suites: a customer with distinctive personal values, their policy, a
// complaint about it, consents, a reveal and a correction — a record whose every trace can be followed.
import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import type { GqlClient } from '../support/client';
import { baseComplaint, register } from './complaints-helpers';

export interface Person {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  birthDate: string;
}

/** Distinctive values (searchable in the whole database afterwards); `n` keeps people of one suite apart. */
export function person(n: number, name = '欧阳静怡'): Person {
  const first17 = `33010619880715${String(500 + n).padStart(3, '0')}`;
  return {
    name,
    idNumber: first17 + residentIdCheckDigit(first17),
    phone: `1391234${String(8700 + n).padStart(4, '0')}`,
    email: `ouyang.jy${n}@example.cn`,
    address: `浙江省杭州市西湖区文三路${198 + n}号云栖小区`,
    birthDate: '1988-07-15',
  };
}

const CREATE_CUSTOMER = `mutation C($name: String, $idNumber: String, $branchId: ID, $phone: String, $email: String, $address: String) {
  createCustomer(kind: individual, name: $name, idType: resident_id, idNumber: $idNumber, branchId: $branchId, source: application,
    phone: $phone, email: $email, address: $address, occupation: "教师") { id version }
}`;

const CREATE_POLICY = `mutation P($policyNumber: String, $holderId: ID, $insuredId: ID, $effectiveDate: String, $expiryDate: String, $branchId: ID, $beneficiaries: [BeneficiaryInput!]) {
  createPolicy(policyNumber: $policyNumber, productCode: "HL2001", productName: "安心医疗保险", line: health, holderId: $holderId,
    insuredId: $insuredId, sumInsuredFen: 100000000, premiumFen: 120000, paymentFrequency: annual, paymentStatus: current,
    effectiveDate: $effectiveDate, expiryDate: $expiryDate, status: in_force, salesChannel: agency, branchId: $branchId,
    beneficiaries: $beneficiaries) { id policyNumber }
}`;

export async function createCustomer(manager: GqlClient, branchId: string, p: Person): Promise<{ id: string; version: number }> {
  const data = await manager.ok(CREATE_CUSTOMER, { name: p.name, idNumber: p.idNumber, branchId, phone: p.phone, email: p.email, address: p.address });
  return data.createCustomer;
}

export async function createPolicy(
  manager: GqlClient,
  branchId: string,
  holderId: string,
  policyNumber: string,
  effectiveDate: string,
  expiryDate: string,
  beneficiaries: Array<{ name: string; relationship: string; sharePercent: number; customerId?: string }> = [],
): Promise<{ id: string; policyNumber: string }> {
  const data = await manager.ok(CREATE_POLICY, { policyNumber, holderId, insuredId: holderId, effectiveDate, expiryDate, branchId, beneficiaries });
  return data.createPolicy;
}

export const RECORD_CONSENT = `mutation K($customerId: ID!, $kind: ConsentKind!, $granted: Boolean!, $channel: RightsChannel!, $textVersion: String!, $note: String) {
  recordCustomerConsent(customerId: $customerId, kind: $kind, granted: $granted, channel: $channel, textVersion: $textVersion, note: $note) { id kind granted channel textVersion at }
}`;

export const REVEAL = 'mutation R($id: ID!, $field: String!) { reveal(type: "Customer", id: $id, field: $field, reason: "客户来电核实身份") }';

/** A complaint by the customer, whose free text quotes their name and phone as complaint notes do. */
export async function complaintBy(agent: GqlClient, branchId: string, customerId: string, p: Person, policyId?: string) {
  return register(agent, baseComplaint(branchId, {
    complainantCustomerId: customerId,
    complainantName: p.name,
    complainantPhone: p.phone,
    complainantEmail: p.email,
    policyId,
    details: `${p.name}来电（${p.phone}）反映理赔进度慢`,
  }));
}

export const EXPORT = `mutation E($customerId: ID!, $channel: RightsChannel!, $note: String) {
  exportCustomerData(customerId: $customerId, channel: $channel, note: $note) { filename contentType content sections request { id kind status customerId } }
}`;

export const REQUEST_DELETION = `mutation D($customerId: ID!, $channel: RightsChannel!, $note: String) {
  requestCustomerDeletion(customerId: $customerId, channel: $channel, note: $note) { id kind status customerId retentionUntil receivedAt }
}`;

export const EXPORT_PDF = `mutation E($customerId: ID!, $channel: RightsChannel!, $note: String) {
  exportCustomerData(customerId: $customerId, channel: $channel, note: $note, format: pdf) { filename contentType encoding content sections request { id kind status customerId } }
}`;
