import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import { passwordHasher } from '../modules/auth/hasher';
import { Customer } from '../modules/customers/customer.entity';
import { CustomerConsent } from '../modules/data-rights/customer-consent.entity';
import { DataRightsRequest } from '../modules/data-rights/data-rights-request.entity';
import { ConsentKind, DataRightsRequestKind, DataRightsRequestStatus, RightsChannel } from '../modules/data-rights/data-rights.enums';
import { SharingAgreement, SharingAgreementCustomer } from '../modules/data-rights/sharing-agreement.entity';
import { queryPasswordProblem } from '../modules/inquiry/inquiry.rules';
import { storeQueryPassword } from '../modules/inquiry/query-password.service';
import { Policy } from '../modules/policies/policy.entity';
import { PolicyStatus } from '../modules/policies/policy.enums';

/** How many in-force policies of each branch get a demo query password (each costs one slow hash). */
const PASSWORDS_PER_BRANCH = 3;

/**
 * The demo query password of a policy is the last six characters of its holder's ID number — a rule,
 * documented here and in the README, so nothing secret is printed or stored in clear. Only a few
 * in-force policies per branch get one (those whose rule gives an acceptable password).
 */
export function demoQueryPassword(holderIdNumber: string): string {
  return holderIdNumber.slice(-6);
}

async function seedQueryPasswords(em: EntityManager, config: Config, at: Date): Promise<number> {
  const policies = await em.getRepository(Policy).find({ where: { status: PolicyStatus.in_force }, order: { id: 'ASC' } });
  const holders = new Map((await em.getRepository(Customer).find()).map((c) => [c.id, c]));
  const perBranch = new Map<number, number>();
  const chosen: { policy: Policy; password: string }[] = [];
  for (const policy of policies) {
    const holder = holders.get(policy.holderId);
    const password = holder ? demoQueryPassword(holder.idNumber) : '';
    if (!holder || !/^\d{6}$/.test(password) || queryPasswordProblem(password) || (perBranch.get(policy.branchId) ?? 0) >= PASSWORDS_PER_BRANCH) continue;
    perBranch.set(policy.branchId, (perBranch.get(policy.branchId) ?? 0) + 1);
    chosen.push({ policy, password });
  }
  const hasher = passwordHasher(config);
  const hashes = await Promise.all(chosen.map((c) => hasher.hash(c.password)));
  for (const [i, c] of chosen.entries()) await storeQueryPassword(em, c.policy.id, hashes[i], null, 'issued', at);
  return chosen.length;
}

/** Consent history for the customers who consented, a sharing agreement covering a few of them, and one answered access request. */
async function seedConsentsAndRequests(em: EntityManager, at: Date): Promise<void> {
  const customers = await em.getRepository(Customer).find({ order: { id: 'ASC' } });
  const consents: Partial<CustomerConsent>[] = [];
  for (const c of customers.slice(0, 40)) {
    if (c.marketingConsent) consents.push({ customerId: c.id, kind: ConsentKind.marketing, granted: true, at, channel: RightsChannel.counter, textVersion: 'MKT-2025-01', recordedById: null, note: null, createdAt: at });
    if (c.sharingConsent) consents.push({ customerId: c.id, kind: ConsentKind.third_party_sharing, granted: true, at, channel: RightsChannel.paper, textVersion: 'SHR-2025-01', recordedById: null, note: null, createdAt: at });
  }
  if (consents.length) await em.insert(CustomerConsent, consents);
  const agreement = await em.save(
    em.create(SharingAgreement, {
      reference: 'GX-2025-007',
      party: '安康健康管理有限公司',
      purpose: '为健康险客户提供体检预约与健康咨询服务',
      fields: ['name', 'phone', 'gender', 'birthDate'],
      validFrom: '2025-01-01',
      validUntil: '2027-12-31',
      version: 1,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const covered = customers.filter((c) => c.sharingConsent).slice(0, 5);
  if (covered.length) await em.insert(SharingAgreementCustomer, covered.map((c) => ({ agreementId: agreement.id, customerId: c.id, addedAt: at, addedById: null })));
  const first = customers[0];
  if (first) {
    await em.insert(DataRightsRequest, {
      kind: DataRightsRequestKind.access,
      customerId: first.id,
      branchId: first.branchId,
      status: DataRightsRequestStatus.completed,
      channel: RightsChannel.counter,
      receivedAt: at,
      note: '客户到柜面申请查阅并复制个人信息',
      recordedById: null,
      retentionUntil: null,
      completedAt: at,
      outcome: { format: 'json' } as never,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
}

/** The demo data of policy inquiry and data rights, on top of the demo customers and policies. */
export async function seedDemoInquiry(em: EntityManager, config: Config, at: Date): Promise<{ queryPasswords: number }> {
  const queryPasswords = await seedQueryPasswords(em, config, at);
  await seedConsentsAndRequests(em, at);
  return { queryPasswords };
}
