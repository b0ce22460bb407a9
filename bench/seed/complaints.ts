import type { DataSource } from 'typeorm';
import { clocksOf, type ClockContext } from '../../server/src/modules/complaints/complaint-deadlines';
import { ComplaintEvent } from '../../server/src/modules/complaints/complaint-event.entity';
import { Complaint } from '../../server/src/modules/complaints/complaint.entity';
import { nextDueOf } from '../../server/src/modules/complaints/complaint.clocks';
import { ComplaintCategory as Cat, ComplaintChannel as Ch, ComplaintState as S, ContactMethod } from '../../server/src/modules/complaints/complaint.enums';
import { formatComplaintNumber, numberDayOf } from '../../server/src/modules/complaints/complaint.number';
import { classify, complainantPhoneHash } from '../../server/src/modules/complaints/complaint.rules';
import type { Rng } from '../../server/src/seed/demo-generator';
import { Progress } from '../progress';
import { tableWriter, type Row } from './bulk';
import type { SeededBranch } from './branches';
import type { CustomerIndex } from './customers';
import type { PolicyIndex } from './policies';
import { DAY_MS, THREE_YEARS_MS } from './time';

const HOUR = 3600_000;
const SUMMARIES: Record<Cat, string> = {
  [Cat.claims]: '理赔材料已交齐仍未赔付', [Cat.sales]: '业务员承诺保证收益，实际收益远低于宣传', [Cat.policy_service]: '申请退保后退保金迟迟未到账',
  [Cat.service_manner]: '客服热线长时间无人接听', [Cat.underwriting]: '体检后被加费承保，未说明理由', [Cat.product]: '续保时保费大幅上涨',
  [Cat.information_security]: '接到陌生推销电话，怀疑个人信息泄露', [Cat.other]: '对公司公众号宣传内容有异议',
};
const CHANNELS = [Ch.hotline, Ch.hotline, Ch.hotline, Ch.hotline, Ch.counter, Ch.app, Ch.wechat, Ch.website, Ch.letter, Ch.email, Ch.regulator];
const OPEN = [S.registered, S.awaiting_materials, S.accepted, S.investigating, S.investigating, S.resolution_proposed, S.approved, S.communicated];

/** Old complaints are almost all finished; recent ones spread over the workflow; a few old ones are stuck (overdue). */
function stateFor(rng: Rng, ageDays: number): S {
  const roll = rng.next();
  if (ageDays > 45) return roll < 0.87 ? S.closed : roll < 0.92 ? S.withdrawn : roll < 0.97 ? S.not_accepted : rng.pick([S.investigating, S.resolution_proposed, S.accepted]);
  if (ageDays > 15) return roll < 0.6 ? S.closed : roll < 0.65 ? S.withdrawn : rng.pick(OPEN);
  return roll < 0.15 ? S.closed : rng.pick(OPEN);
}

const ORDER = [S.registered, S.awaiting_materials, S.accepted, S.investigating, S.resolution_proposed, S.approved, S.communicated, S.closed];
const reached = (state: S, step: S) => ORDER.indexOf(state) >= ORDER.indexOf(step);

export interface ComplaintSeed {
  firstId: number;
  count: number;
  /** Last sequence used per yyyyMMdd day (the demo's complaints), updated as numbers are taken. */
  daySequence: Map<string, number>;
}

/**
 * Complaints over three years round-robin over the branches, written as the workflow would have left
 * them: step times, handler, resolution, satisfaction, severity from the app's classify, next due
 * time from the app's clocks, the timeline events of each step, and the contact phone encrypted.
 */
export async function seedComplaints(db: DataSource, pool: import('mysql2/promise').Pool, rng: Rng, cc: ClockContext, branches: SeededBranch[], customers: CustomerIndex, policies: PolicyIndex, seed: ComplaintSeed, at: Date): Promise<number> {
  const complaintTable = tableWriter(db, Complaint, true);
  const eventTable = tableWriter(db, ComplaintEvent, false);
  const progress = new Progress('complaint', seed.count);
  const perBranchPolicies = (b: number) => Math.floor((policies.count - 1 - b) / branches.length) + 1;
  let complaints: Row[] = [];
  let events: Row[] = [];
  const pending: Promise<unknown>[] = [];
  const flush = async () => {
    const [cs, es] = [complaints, events];
    complaints = [];
    events = [];
    const write = pool.query(complaintTable.insert, [cs]).then(() => pool.query(eventTable.insert, [es])).then(() => progress.tick(cs.length));
    pending.push(write);
    if (pending.length >= 2) await pending.shift();
  };
  for (let i = 0; i < seed.count; i++) {
    const b = i % branches.length;
    const branch = branches[b];
    // In time order, as a register fills: ids, numbers and the received_at index all grow together.
    const receivedAt = new Date(at.getTime() - 600_000 - Math.floor(THREE_YEARS_MS * (1 - (i + rng.next()) / seed.count)));
    const ageDays = (at.getTime() - receivedAt.getTime()) / DAY_MS;
    const state = stateFor(rng, ageDays);
    const channel = rng.pick(CHANNELS);
    const category = rng.pick(Object.values(Cat));
    const linked = policies.count > b && rng.chance(0.7);
    const policyPos = linked ? b + branches.length * Math.floor(rng.next() * perBranchPolicies(b)) : -1;
    const holder = linked ? policies.holder[policyPos] : -1;
    const handler = rng.pick(branch.handlers);
    const phone = `1${rng.pick(['38', '39', '58', '86', '89'])}${rng.int(10_000_000, 99_999_999)}`;
    const c = Object.assign(new Complaint(), {
      id: seed.firstId + i, state, channel, category, summary: SUMMARIES[category], details: '投诉人来电/来函反映的具体情况见附件，要求公司尽快核实处理并书面答复。',
      branchId: branch.id, receivedAt, complainantCustomerId: linked ? customers.firstId + holder : null, complainantName: linked ? customers.names[holder] : rng.pick(['赵先生', '钱女士', '孙先生', '周女士']),
      complainantPhone: phone, complainantPhoneHash: complainantPhoneHash(phone), complainantEmail: null, complainantAddress: null, policyId: linked ? policies.firstId + policyPos : null,
      involvesMedia: false, involvesLitigation: rng.chance(0.01), groupComplaint: rng.chance(0.003), deathCount: 0, majorByHand: false,
      disputedAmountFen: category === Cat.claims ? rng.int(5, 300) * 100_000 : null, registeredById: [Ch.website, Ch.app, Ch.wechat, Ch.regulator].includes(channel) ? null : handler,
      regulatorReference: channel === Ch.regulator ? `银保监投〔${receivedAt.getUTCFullYear()}〕${rng.int(100, 9999)}号` : null,
      regulatorDueAt: channel === Ch.regulator ? new Date(receivedAt.getTime() + 10 * DAY_MS) : null, appealCount: 0, approvalRequired: false, majorSince: null,
    });
    Object.assign(c, classify(c, cc.policy, receivedAt));
    const ev: Partial<ComplaintEvent>[] = [{ at: receivedAt, kind: 'registered', staffId: c.registeredById, toState: S.registered }];
    let t = receivedAt.getTime();
    const next = (hours: number) => new Date((t = Math.min(t + hours * HOUR, at.getTime() - 60_000)));
    const event = (kind: string, staffId: number | null, from: S | null, to: S | null) => ev.push({ at: new Date(t), kind, staffId, fromState: from, toState: to });
    if (state === S.not_accepted) {
      c.notAcceptedAt = c.firstResponseAt = next(rng.int(4, 40));
      c.notAcceptedReason = '不属于本公司承保业务，已告知投诉人向相关机构反映';
      event('not_accepted', handler, S.registered, S.not_accepted);
    } else if (state === S.withdrawn) {
      c.firstResponseAt = next(rng.int(2, 20));
      c.withdrawnAt = next(rng.int(10, 60));
      c.withdrawalReason = '投诉人表示问题已自行解决，申请撤回';
      event('withdrawn', handler, S.registered, S.withdrawn);
    } else if (state === S.awaiting_materials) {
      c.materialsRequestedAt = c.firstResponseAt = next(rng.int(2, 20));
      c.materialsRequested = '身份证复印件、医院诊断证明及费用清单原件';
      c.materialsNotifiedVia = ContactMethod.phone;
      event('materials_requested', handler, S.registered, S.awaiting_materials);
    } else if (reached(state, S.accepted)) {
      c.acceptedAt = c.firstResponseAt = next(rng.int(3, 30));
      event('accepted', handler, S.registered, S.accepted);
    }
    if (reached(state, S.investigating) && state !== S.awaiting_materials) {
      c.assigneeId = handler;
      next(rng.int(1, 8));
      event('assigned', handler, S.accepted, S.investigating);
    }
    if (c.majorSince && (reached(state, S.communicated) || rng.chance(0.8))) {
      c.headOfficeReportedAt = next(rng.int(2, 20));
      c.headOfficeReport = `重大投诉报告：${c.summary}。已成立专项小组跟进。`;
      event('reported_head_office', handler, null, null);
    }
    if (reached(state, S.resolution_proposed)) {
      const amount = rng.chance(0.4) ? rng.int(1, 200) * 10_000 : 0;
      Object.assign(c, { resolution: amount ? `经核实，同意给予投诉人补偿 ${amount / 100} 元。` : '经核实，公司处理符合合同约定，向投诉人做好解释说明。', compensationFen: amount, proposedById: handler, proposedAt: next(rng.int(20, 150)) });
      event('resolution_proposed', handler, S.investigating, S.resolution_proposed);
    }
    if (c.channel === Ch.regulator && reached(state, S.communicated)) {
      c.regulatorReportedAt = next(4);
      c.regulatorReport = `关于${c.regulatorReference}的书面答复：${c.resolution ?? ''}`;
      event('reported_regulator', handler, null, null);
    }
    if (reached(state, S.communicated)) {
      Object.assign(c, { communicatedAt: next(rng.int(4, 48)), communicationMethod: ContactMethod.phone });
      event('decision_communicated', handler, S.resolution_proposed, S.communicated);
    }
    if (state === S.closed) {
      Object.assign(c, { closedAt: next(rng.int(20, 120)), satisfaction: rng.pick([2, 3, 4, 4, 5, 5, 5]), returnCallNote: '回访确认投诉人已收到处理结果。' });
      event('closed', handler, S.communicated, S.closed);
    }
    if (rng.chance(0.05)) event('escalation_warning', null, null, null);
    const day = numberDayOf(receivedAt, cc.timezone);
    const seq = (seed.daySequence.get(day) ?? 0) + 1;
    seed.daySequence.set(day, seq);
    c.number = formatComplaintNumber(day, seq);
    c.nextDueAt = [S.closed, S.withdrawn, S.not_accepted].includes(state) ? null : nextDueOf(clocksOf(c, cc, at));
    Object.assign(c, { version: 1, createdAt: receivedAt, updatedAt: new Date(t) });
    complaints.push(complaintTable.row(c));
    for (const e of ev) events.push(eventTable.row({ complaintId: c.id, fromState: null, toState: null, note: null, data: null, dedupeKey: null, staffName: null, ...e }));
    if (complaints.length >= 500) await flush();
  }
  if (complaints.length) await flush();
  await Promise.all(pending);
  return progress.rate();
}
