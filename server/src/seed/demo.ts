import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { now } from '../clock';
import type { Config } from '../config';
import { inTransaction } from '../db/transaction';
import { passwordHasher } from '../modules/auth/hasher';
import { Branch } from '../modules/branches/branch.entity';
import { Customer } from '../modules/customers/customer.entity';
import { CustomerStatus } from '../modules/customers/customer.enums';
import { customerIndexes } from '../modules/customers/customer.rules';
import { Policy } from '../modules/policies/policy.entity';
import { PaymentFrequency, PaymentStatus, PolicyStatus, SalesChannel } from '../modules/policies/policy.enums';
import { Staff } from '../modules/staff/staff.entity';
import { addDays, todayIn } from '../time/local-date';
import { createRng, DEMO_BRANCHES, DEMO_PRODUCTS, generateGroup, generatePerson, policyNumber, type DemoProduct, type Rng } from './demo-generator';
import { ensureBuiltInRoles } from './roles';
import { createStaffWithRoles } from './staff-accounts';
import { seedDemoComplaints } from './demo-complaints';
import { seedDemoQuality } from '../modules/quality/quality-demo';
import { seedDemoInquiry } from './demo-inquiry';

export interface DemoOptions {
  customers?: number;
  policies?: number;
  seed?: number;
}

export interface DemoLogin {
  username: string;
  role: string;
  branch: string;
}

export interface DemoResult {
  logins: DemoLogin[];
  password: string;
  passwordGenerated: boolean;
  customers: number;
  policies: number;
}

const DEMO_STAFF = [
  { username: 'agent', displayName: '李娜', role: 'agent', branch: 'BJ' },
  { username: 'agent2', displayName: '陈静', role: 'agent', branch: 'SH' },
  { username: 'manager', displayName: '王强', role: 'manager', branch: 'BJ' },
  { username: 'inspector', displayName: '刘洋', role: 'inspector', branch: 'HQ' },
  { username: 'compliance', displayName: '赵敏', role: 'compliance', branch: 'HQ' },
  { username: 'admin', displayName: '张伟', role: 'admin', branch: 'HQ' },
] as const;

export async function isSeeded(db: DataSource): Promise<boolean> {
  return db.getRepository(Staff).exists({ where: { username: 'agent' } });
}

async function seedBranches(em: EntityManager): Promise<Map<string, Branch>> {
  const at = now();
  const repo = em.getRepository(Branch);
  const hq = (await repo.findOne({ where: { code: 'HQ' } })) ?? (await repo.save(repo.create({ code: 'HQ', name: '总公司', region: '北京市', parentId: null, createdAt: at })));
  const byCode = new Map<string, Branch>([['HQ', hq]]);
  for (const b of DEMO_BRANCHES) {
    const found = await repo.findOne({ where: { code: b.code } });
    byCode.set(b.code, found ?? (await repo.save(repo.create({ code: b.code, name: b.name, region: b.region, parentId: hq.id, createdAt: at }))));
  }
  return byCode;
}

function between(rng: Rng, [low, high]: [number, number], step: number): number {
  return Math.round(rng.int(low, high) / step) * step;
}

function policyDates(rng: Rng, product: DemoProduct, today: string) {
  // One-year products cluster in the last 13 months so renewals fall due over the next quarter.
  const daysBack = product.termYears === 1 ? rng.int(-20, 400) : rng.int(0, 3 * 365);
  const effectiveDate = addDays(today, -daysBack);
  const expiryDate = addDays(`${Number(effectiveDate.slice(0, 4)) + product.termYears}${effectiveDate.slice(4)}`, -1);
  let status = PolicyStatus.in_force;
  if (effectiveDate > today) status = PolicyStatus.pending;
  else if (expiryDate < today) status = PolicyStatus.expired;
  else if (rng.chance(0.04)) status = PolicyStatus.lapsed;
  else if (product.termYears > 1 && rng.chance(0.03)) status = PolicyStatus.surrendered;
  return { effectiveDate, expiryDate, status };
}

function payment(rng: Rng, product: DemoProduct, status: PolicyStatus, effectiveDate: string, today: string) {
  if (product.termYears === 1) return { paymentFrequency: PaymentFrequency.single, paymentStatus: PaymentStatus.paid_up, nextPremiumDueDate: null };
  const paymentFrequency = rng.chance(0.8) ? PaymentFrequency.annual : PaymentFrequency.monthly;
  if (status !== PolicyStatus.in_force) return { paymentFrequency, paymentStatus: status === PolicyStatus.lapsed ? PaymentStatus.overdue : PaymentStatus.current, nextPremiumDueDate: null };
  let due = effectiveDate;
  const stepMonths = paymentFrequency === PaymentFrequency.annual ? 12 : 1;
  while (due <= today) {
    const d = new Date(`${due}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + stepMonths);
    due = d.toISOString().slice(0, 10);
  }
  return { paymentFrequency, paymentStatus: rng.chance(0.06) ? PaymentStatus.due : PaymentStatus.current, nextPremiumDueDate: due };
}

const CHANNELS: SalesChannel[] = [SalesChannel.agency, SalesChannel.agency, SalesChannel.agency, SalesChannel.bancassurance, SalesChannel.online, SalesChannel.direct, SalesChannel.broker, SalesChannel.telemarketing];
const RELATIONSHIPS = ['配偶', '子女', '父母', '兄弟姐妹'];

async function insertChunks<T extends object>(em: EntityManager, entity: new () => T, rows: Partial<T>[], size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await em.insert(entity, rows.slice(i, i + size) as never);
}

/**
 * The demo data set: branches, the built-in roles, one staff member per role (plus a second agent in
 * another branch), and customers and policies that look real. Deterministic for a given seed.
 */
export async function seedDemo(db: DataSource, config: Config, options: DemoOptions = {}): Promise<DemoResult> {
  const rng = createRng(options.seed ?? 20261122);
  const customerCount = options.customers ?? 3000;
  const policyCount = options.policies ?? 4000;
  const passwordGenerated = !config.demoPassword;
  const password = config.demoPassword ?? crypto.randomBytes(9).toString('base64url');
  const passwordHash = await passwordHasher(config).hash(password);
  const today = todayIn(config.defaultTimezone);

  return inTransaction(db, async (em) => {
    const branches = await seedBranches(em);
    const roles = await ensureBuiltInRoles(em);
    const logins: DemoLogin[] = [];
    for (const s of DEMO_STAFF) {
      const branch = branches.get(s.branch)!;
      await createStaffWithRoles(em, { username: s.username, displayName: s.displayName, branchId: branch.id, passwordHash, roles: [roles.get(s.role)!], reason: 'demo data' });
      logins.push({ username: s.username, role: roles.get(s.role)!.label, branch: branch.name });
    }

    const at = now();
    const seen = new Set<string>();
    const customers: Partial<Customer>[] = [];
    while (customers.length < customerCount) {
      const demoBranch = DEMO_BRANCHES[customers.length % DEMO_BRANCHES.length];
      const person = rng.chance(0.08) ? generateGroup(rng, demoBranch) : generatePerson(rng, demoBranch);
      if (seen.has(person.idNumber)) continue;
      seen.add(person.idNumber);
      const marketing = rng.chance(0.35);
      const customer = {
        ...(person as unknown as Partial<Customer>),
        branchId: branches.get(demoBranch.code)!.id,
        status: CustomerStatus.active,
        marketingConsent: marketing,
        marketingConsentAt: marketing ? at : null,
        sharingConsent: rng.chance(0.2),
        sharingConsentAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      } as Partial<Customer>;
      if (customer.sharingConsent) customer.sharingConsentAt = at;
      Object.assign(customer, customerIndexes(customer as Customer));
      customers.push(customer);
    }
    await insertChunks(em, Customer, customers);

    const stored = await em.getRepository(Customer).find({ select: { id: true, branchId: true, kind: true, name: true } });
    const byBranch = new Map<number, { individuals: Customer[]; groups: Customer[] }>();
    for (const c of stored) {
      const bucket = byBranch.get(c.branchId) ?? { individuals: [], groups: [] };
      (c.kind === 'group' ? bucket.groups : bucket.individuals).push(c);
      byBranch.set(c.branchId, bucket);
    }
    const groupProducts = DEMO_PRODUCTS.filter((p) => p.code === 'AC4003' || p.code === 'PR5002');
    const personalProducts = DEMO_PRODUCTS.filter((p) => !groupProducts.includes(p));
    const policies: Partial<Policy>[] = [];
    const sequence = new Map<string, number>();
    for (let i = 0; i < policyCount; i++) {
      const demoBranch = DEMO_BRANCHES[i % DEMO_BRANCHES.length];
      const branch = branches.get(demoBranch.code)!;
      const bucket = byBranch.get(branch.id)!;
      const forGroup = bucket.groups.length > 0 && rng.chance(0.06);
      const holder = forGroup ? rng.pick(bucket.groups) : rng.pick(bucket.individuals);
      const product = forGroup ? rng.pick(groupProducts) : rng.pick(personalProducts);
      const insured = forGroup || rng.chance(0.7) ? holder : rng.pick(bucket.individuals);
      const dates = policyDates(rng, product, today);
      const year = Number(dates.effectiveDate.slice(0, 4));
      const key = `${demoBranch.code}${year}`;
      sequence.set(key, (sequence.get(key) ?? 0) + 1);
      const beneficiaries =
        product.line === 'life' && !forGroup
          ? rng.chance(0.5)
            ? [{ name: generatePerson(rng, demoBranch).name, relationship: rng.pick(RELATIONSHIPS), sharePercent: 100, customerId: null }]
            : [
                { name: generatePerson(rng, demoBranch).name, relationship: '配偶', sharePercent: 60, customerId: null },
                { name: generatePerson(rng, demoBranch).name, relationship: '子女', sharePercent: 40, customerId: null },
              ]
          : [];
      policies.push({
        policyNumber: policyNumber(demoBranch, year, sequence.get(key)!),
        productCode: product.code,
        productName: product.name,
        line: product.line as Policy['line'],
        holderId: holder.id,
        insuredId: insured.id,
        beneficiaries,
        sumInsuredFen: between(rng, product.sumInsuredFen, 10_000),
        premiumFen: between(rng, product.premiumFen, 100),
        ...payment(rng, product, dates.status, dates.effectiveDate, today),
        ...dates,
        salesChannel: rng.pick(CHANNELS),
        branchId: branch.id,
        salesAgentCode: `A${demoBranch.code}${String(rng.int(1, 80)).padStart(4, '0')}`,
        salesAgentName: generatePerson(rng, demoBranch).name,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
    await insertChunks(em, Policy, policies);
    await seedDemoComplaints(em, at, config.defaultTimezone, (options.seed ?? 20261122) + 4);
    await seedDemoInquiry(em, config, at);
    await seedDemoQuality(em, at, config.defaultTimezone);
    return { logins, password, passwordGenerated, customers: customers.length, policies: policies.length };
  });
}
