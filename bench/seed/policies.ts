import { DEMO_PRODUCTS, generatePerson, policyNumber, type DemoProduct, type Rng } from '../../server/src/seed/demo-generator';
import type { Row } from './bulk';
import type { SeededBranch } from './branches';
import { customerOfBranch, type CustomerIndex } from './customers';
import { DAY_MS, isoDay } from './time';

export const POLICY_COLUMNS = [
  'id', 'policy_number', 'product_code', 'product_name', 'line', 'holder_id', 'insured_id', 'beneficiaries', 'sum_insured_fen', 'premium_fen',
  'payment_frequency', 'payment_status', 'next_premium_due_date', 'effective_date', 'expiry_date', 'status', 'sales_channel', 'branch_id',
  'sales_agent_code', 'sales_agent_name', 'version', 'created_at', 'updated_at',
];

export interface PolicyIndex {
  firstId: number;
  count: number;
  /** Customer position of each policy's holder. */
  holder: Int32Array;
}

const CHANNELS = ['agency', 'agency', 'agency', 'bancassurance', 'online', 'direct', 'broker', 'telemarketing'];
const RELATIONSHIPS = ['配偶', '子女', '父母', '兄弟姐妹'];
const GROUP_PRODUCTS = DEMO_PRODUCTS.filter((p) => p.code === 'AC4003' || p.code === 'PR5002');
const PERSONAL_PRODUCTS = DEMO_PRODUCTS.filter((p) => !GROUP_PRODUCTS.includes(p));

function between(rng: Rng, [low, high]: [number, number], step: number): number {
  return Math.round(rng.int(low, high) / step) * step;
}

function addYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDay(d.getTime() - DAY_MS);
}

/** Sold over three years (one-year products renew, so many have expired); status and premiums as in the demo. */
function terms(rng: Rng, product: DemoProduct, todayMs: number, today: string) {
  const effectiveDate = isoDay(todayMs - rng.int(-20, 3 * 365) * DAY_MS);
  const expiryDate = addYears(effectiveDate, product.termYears);
  let status = 'in_force';
  if (effectiveDate > today) status = 'pending';
  else if (expiryDate < today) status = 'expired';
  else if (rng.chance(0.04)) status = 'lapsed';
  else if (product.termYears > 1 && rng.chance(0.03)) status = 'surrendered';
  if (product.termYears === 1) return { effectiveDate, expiryDate, status, frequency: 'single', payment: 'paid_up', nextDue: null as string | null };
  const frequency = rng.chance(0.8) ? 'annual' : 'monthly';
  if (status !== 'in_force') return { effectiveDate, expiryDate, status, frequency, payment: status === 'lapsed' ? 'overdue' : 'current', nextDue: null };
  const due = new Date(`${effectiveDate}T00:00:00Z`);
  const step = frequency === 'annual' ? 12 : 1;
  while (isoDay(due.getTime()) <= today) due.setUTCMonth(due.getUTCMonth() + step);
  return { effectiveDate, expiryDate, status, frequency, payment: rng.chance(0.06) ? 'due' : 'current', nextDue: isoDay(due.getTime()) };
}

/** `taken`: the last sequence already used per branch code + year (the demo's own policies). */
export function* policyRows(rng: Rng, branches: SeededBranch[], customers: CustomerIndex, index: PolicyIndex, at: Date, taken: Map<string, number>): Generator<Row> {
  const today = isoDay(at.getTime());
  const sequence = new Map(taken);
  const agentNames = Array.from({ length: 500 }, () => generatePerson(rng, branches[0].demo).name);
  const name = () => agentNames[Math.floor(rng.next() * agentNames.length)];
  for (let i = 0; i < index.count; i++) {
    const b = i % branches.length;
    const branch = branches[b];
    const forGroup = rng.chance(0.06);
    const holder = customerOfBranch(rng, customers, branches.length, b, forGroup);
    const isGroup = customers.isGroup[holder] === 1;
    const product = isGroup ? rng.pick(GROUP_PRODUCTS) : rng.pick(PERSONAL_PRODUCTS);
    const insured = isGroup || rng.chance(0.7) ? holder : customerOfBranch(rng, customers, branches.length, b, false);
    const t = terms(rng, product, at.getTime(), today);
    const key = `${branch.demo.code}${t.effectiveDate.slice(0, 4)}`;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    const beneficiaries =
      product.line === 'life' && !isGroup
        ? rng.chance(0.5)
          ? [{ name: name(), relationship: rng.pick(RELATIONSHIPS), sharePercent: 100, customerId: null }]
          : [{ name: name(), relationship: '配偶', sharePercent: 60, customerId: null }, { name: name(), relationship: '子女', sharePercent: 40, customerId: null }]
        : [];
    const created = new Date(`${t.effectiveDate}T02:00:00Z`);
    index.holder[i] = holder;
    yield [
      index.firstId + i, policyNumber(branch.demo, Number(t.effectiveDate.slice(0, 4)), seq), product.code, product.name, product.line,
      customers.firstId + holder, customers.firstId + insured, JSON.stringify(beneficiaries), between(rng, product.sumInsuredFen, 10_000), between(rng, product.premiumFen, 100),
      t.frequency, t.payment, t.nextDue, t.effectiveDate, t.expiryDate, t.status, rng.pick(CHANNELS), branch.id,
      `A${branch.demo.code}${String(rng.int(1, 80)).padStart(4, '0')}`, name(), 1, created > at ? at : created, created > at ? at : created,
    ];
  }
}
