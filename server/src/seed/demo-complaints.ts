import type { EntityManager } from 'typeorm';
import { Branch } from '../modules/branches/branch.entity';
import { Customer } from '../modules/customers/customer.entity';
import { clocksOf, loadClockContext } from '../modules/complaints/complaint-deadlines';
import { outcomeValues, storeOutcomes } from '../modules/complaints/complaint-outcomes';
import { ComplaintEvent } from '../modules/complaints/complaint-event.entity';
import { Complaint } from '../modules/complaints/complaint.entity';
import { nextDueOf } from '../modules/complaints/complaint.clocks';
import { ComplaintCategory as Cat, ComplaintChannel as Ch, ComplaintState as S, ContactMethod } from '../modules/complaints/complaint.enums';
import { numberDayOf, takeNextNumber } from '../modules/complaints/complaint.number';
import { authorityOf, classify, complainantPhoneHash, withinAuthority } from '../modules/complaints/complaint.rules';
import { Policy } from '../modules/policies/policy.entity';
import { Staff } from '../modules/staff/staff.entity';
import { createRng, type Rng } from './demo-generator';

/**
 * A few dozen complaints in every state, received over the last four weeks, so the register, its
 * clocks and the dashboard queue have something to show. Written as the workflow would have left
 * them (step times, timeline), with the demo staff of each branch as registrars and handlers.
 */
const SUMMARIES: Record<Cat, string[]> = {
  [Cat.claims]: ['重疾理赔材料已交齐一个月仍未赔付', '医疗险理赔金额与发票金额不符', '意外险理赔被拒，认为拒赔理由不成立', '车险定损金额明显偏低'],
  [Cat.sales]: ['业务员承诺保证收益，实际分红远低于宣传', '银行网点将保险当作理财产品推荐', '投保时未告知犹豫期及退保损失'],
  [Cat.policy_service]: ['申请退保后退保金迟迟未到账', '变更投保人手续办理时间过长', '保单贷款申请被无故拒绝'],
  [Cat.service_manner]: ['客服热线长时间无人接听', '柜面工作人员态度生硬', '回访电话过于频繁影响生活'],
  [Cat.underwriting]: ['体检后被加费承保，未说明理由', '核保结论告知不清'],
  [Cat.product]: ['免责条款表述不清，理解产生歧义', '续保时保费大幅上涨'],
  [Cat.information_security]: ['接到陌生推销电话，怀疑个人信息泄露', '收到他人保单信息的短信'],
  [Cat.other]: ['对公司公众号宣传内容有异议'],
};

interface Plan {
  branch: string;
  state: S;
  daysAgo: number;
  channel?: Ch;
  category?: Cat;
  compensationYuan?: number;
  materials?: boolean;
  major?: 'litigation' | 'group' | 'amount';
}

// Mostly Beijing, where the demo agent and manager work; a Shanghai queue for agent2; intake elsewhere.
const PLANS: Plan[] = [
  { branch: 'BJ', state: S.registered, daysAgo: 0.1 },
  { branch: 'BJ', state: S.registered, daysAgo: 1.5, channel: Ch.counter },
  { branch: 'BJ', state: S.registered, daysAgo: 2.6, channel: Ch.letter },
  { branch: 'BJ', state: S.awaiting_materials, daysAgo: 4 },
  { branch: 'BJ', state: S.awaiting_materials, daysAgo: 9, category: Cat.claims },
  { branch: 'BJ', state: S.accepted, daysAgo: 1 },
  { branch: 'BJ', state: S.investigating, daysAgo: 2 },
  { branch: 'BJ', state: S.investigating, daysAgo: 6, major: 'litigation' },
  { branch: 'BJ', state: S.investigating, daysAgo: 9, channel: Ch.regulator },
  { branch: 'BJ', state: S.investigating, daysAgo: 12, materials: true },
  { branch: 'BJ', state: S.investigating, daysAgo: 20, channel: Ch.media },
  { branch: 'BJ', state: S.resolution_proposed, daysAgo: 5, compensationYuan: 800 },
  { branch: 'BJ', state: S.resolution_proposed, daysAgo: 7, compensationYuan: 12_000 },
  { branch: 'BJ', state: S.resolution_proposed, daysAgo: 8, compensationYuan: 86_000, major: 'amount' },
  { branch: 'BJ', state: S.approved, daysAgo: 6, compensationYuan: 3_500 },
  { branch: 'BJ', state: S.communicated, daysAgo: 8, compensationYuan: 0 },
  { branch: 'BJ', state: S.communicated, daysAgo: 11, compensationYuan: 500 },
  { branch: 'BJ', state: S.closed, daysAgo: 14, compensationYuan: 0 },
  { branch: 'BJ', state: S.closed, daysAgo: 18, compensationYuan: 2_000 },
  { branch: 'BJ', state: S.closed, daysAgo: 25, compensationYuan: 45_000, channel: Ch.regulator },
  { branch: 'BJ', state: S.not_accepted, daysAgo: 3, category: Cat.other },
  { branch: 'BJ', state: S.withdrawn, daysAgo: 5 },
  { branch: 'SH', state: S.registered, daysAgo: 0.5 },
  { branch: 'SH', state: S.accepted, daysAgo: 2 },
  { branch: 'SH', state: S.investigating, daysAgo: 4 },
  { branch: 'SH', state: S.investigating, daysAgo: 10, major: 'group' },
  { branch: 'SH', state: S.resolution_proposed, daysAgo: 6, compensationYuan: 2_600 },
  { branch: 'SH', state: S.communicated, daysAgo: 9, compensationYuan: 300 },
  { branch: 'SH', state: S.closed, daysAgo: 16, compensationYuan: 0 },
  { branch: 'GD', state: S.registered, daysAgo: 0.3, channel: Ch.wechat },
  { branch: 'GD', state: S.registered, daysAgo: 3, channel: Ch.website },
  { branch: 'GD', state: S.awaiting_materials, daysAgo: 5, channel: Ch.app },
  { branch: 'GD', state: S.registered, daysAgo: 1, channel: Ch.regulator },
  { branch: 'SC', state: S.registered, daysAgo: 0.8, channel: Ch.app },
  { branch: 'SC', state: S.registered, daysAgo: 2.2, channel: Ch.email },
  { branch: 'SC', state: S.awaiting_materials, daysAgo: 6, channel: Ch.website },
];

const HOUR = 3600_000;
const ORDER = [S.registered, S.awaiting_materials, S.accepted, S.investigating, S.resolution_proposed, S.approved, S.communicated, S.closed];
const reached = (plan: Plan, state: S) => ORDER.indexOf(plan.state) >= ORDER.indexOf(state);

export async function seedDemoComplaints(em: EntityManager, at: Date, timezone: string, seed: number): Promise<number> {
  const rng: Rng = createRng(seed);
  const cc = await loadClockContext(em, timezone);
  const branches = new Map((await em.getRepository(Branch).find()).map((b) => [b.code, b]));
  const staff = new Map((await em.getRepository(Staff).find()).map((s) => [s.username, s]));
  const customers = await em.getRepository(Customer).find({ select: { id: true, name: true, branchId: true } });
  const policies = await em.getRepository(Policy).find({ select: { id: true, holderId: true } });
  const local = { BJ: { desk: staff.get('agent'), lead: staff.get('manager') }, SH: { desk: staff.get('agent2'), lead: undefined } } as Record<string, { desk?: Staff; lead?: Staff }>;
  const compliance = staff.get('compliance');
  let created = 0;

  for (const plan of PLANS) {
    const branch = branches.get(plan.branch);
    if (!branch) continue;
    const team = local[plan.branch] ?? {};
    // The Beijing manager handles some complaints himself, so his queue is not empty either.
    const handler = team.lead && (!team.desk || rng.chance(0.25)) ? team.lead : team.desk;
    // Without local staff to work them, other branches' complaints stay at intake.
    if (!handler && reached(plan, S.investigating)) continue;
    const category = plan.category ?? rng.pick(Object.values(Cat));
    const channel = plan.channel ?? rng.pick([Ch.hotline, Ch.hotline, Ch.hotline, Ch.counter, Ch.app, Ch.wechat, Ch.website]);
    const receivedAt = new Date(at.getTime() - plan.daysAgo * 24 * HOUR - rng.int(0, 50) * 60_000);
    const own = customers.filter((cu) => cu.branchId === branch.id);
    const customer = own.length && rng.chance(0.7) ? rng.pick(own) : null;
    const policy = customer ? policies.find((p) => p.holderId === customer.id) ?? null : null;
    const c = Object.assign(new Complaint(), {
      state: plan.state, channel, category, summary: rng.pick(SUMMARIES[category]), details: '投诉人来电/来函反映的具体情况见附件，要求公司尽快核实处理并书面答复。',
      branchId: branch.id, receivedAt, complainantCustomerId: customer?.id ?? null, complainantName: customer?.name ?? rng.pick(['赵先生', '钱女士', '孙先生', '周女士']),
      complainantPhone: `1${rng.pick(['38', '39', '58', '86', '89'])}${String(rng.int(10_000_000, 99_999_999))}`, complainantEmail: null, complainantAddress: null,
      policyId: policy?.id ?? null, involvesMedia: false, involvesLitigation: plan.major === 'litigation', groupComplaint: plan.major === 'group',
      disputedAmountFen: category === Cat.claims || plan.major === 'amount' ? (plan.major === 'amount' ? 620_000 : rng.int(5, 300) * 1000) * 100 : null,
      deathCount: 0, majorByHand: false, registeredById: [Ch.website, Ch.app, Ch.wechat, Ch.regulator].includes(channel) ? null : handler?.id ?? null,
      regulatorReference: channel === Ch.regulator ? `京银保监投〔2026〕${rng.int(100, 999)}号` : null,
      regulatorDueAt: channel === Ch.regulator ? new Date(receivedAt.getTime() + 10 * 24 * HOUR) : null,
      appealCount: 0, approvalRequired: false,
    });
    Object.assign(c, classify(c, cc.policy, receivedAt), { complainantPhoneHash: complainantPhoneHash(c.complainantPhone) });
    const events: Partial<ComplaintEvent>[] = [{ at: receivedAt, kind: 'registered', staffId: c.registeredById, toState: S.registered }];
    let t = receivedAt.getTime();
    const next = (hours: number) => new Date((t = Math.min(t + hours * HOUR, at.getTime() - 60_000)));
    const event = (kind: string, staffId: number | null, from: S | null, to: S | null, data: Record<string, unknown> | null = null) => events.push({ at: new Date(t), kind, staffId, fromState: from, toState: to, data });

    if (plan.state === S.awaiting_materials || plan.materials) {
      c.materialsRequestedAt = c.firstResponseAt = next(rng.int(2, 20));
      c.materialsRequested = '身份证复印件、医院诊断证明及费用清单原件';
      c.materialsNotifiedVia = ContactMethod.phone;
      event('materials_requested', handler?.id ?? null, S.registered, S.awaiting_materials, { materials: c.materialsRequested, notifiedVia: 'phone' });
    }
    if (plan.state === S.not_accepted) {
      c.notAcceptedAt = c.firstResponseAt = next(20);
      c.notAcceptedReason = '不属于本公司承保业务，已告知投诉人向相关机构反映';
      c.forwardedTo = '中国银行保险信息技术管理有限公司';
      event('not_accepted', handler?.id ?? null, S.registered, S.not_accepted, { reason: c.notAcceptedReason });
    } else if (plan.state === S.withdrawn) {
      c.firstResponseAt = next(6);
      event('acknowledged', handler?.id ?? null, S.registered, S.registered);
      c.withdrawnAt = next(30);
      c.withdrawalReason = '投诉人表示问题已自行解决，申请撤回';
      event('withdrawn', handler?.id ?? null, S.registered, S.withdrawn, { reason: c.withdrawalReason });
    } else if (reached(plan, S.accepted) && plan.state !== S.awaiting_materials) {
      const from = c.materialsRequestedAt ? S.awaiting_materials : S.registered;
      c.acceptedAt = next(rng.int(3, 30));
      c.firstResponseAt ??= c.acceptedAt;
      if (c.materialsRequestedAt) c.materialsCompleteAt = c.acceptedAt;
      event('accepted', handler?.id ?? null, from, S.accepted);
    }
    if (reached(plan, S.investigating) && handler) {
      c.assigneeId = handler.id;
      next(rng.int(1, 8));
      event('assigned', team.lead?.id ?? handler.id, S.accepted, S.investigating, { assigneeId: handler.id, assigneeName: handler.displayName });
    }
    // Closing needs the head-office report of a major complaint; open ones are mostly reported, some not yet.
    if (c.majorSince && (reached(plan, S.communicated) || (plan.daysAgo > 1 && rng.chance(0.8)))) {
      c.headOfficeReportedAt = next(rng.int(2, 20));
      c.headOfficeReport = `重大投诉报告：${c.summary}。已成立专项小组跟进。`;
      event('reported_head_office', team.lead?.id ?? handler?.id ?? null, null, null, { length: c.headOfficeReport.length });
    }
    if (reached(plan, S.resolution_proposed) && handler) {
      const amount = (plan.compensationYuan ?? 0) * 100;
      const proposerAuthority = authorityOf([handler === team.lead ? 'manager' : 'agent'], cc.policy.approvalLimits);
      const approvalRequired = !withinAuthority(amount, proposerAuthority);
      Object.assign(c, { resolution: amount ? `经核实，同意给予投诉人补偿 ${amount / 100} 元。` : '经核实，公司处理符合合同约定，向投诉人做好解释说明。', compensationFen: amount, proposedById: handler.id, proposedAt: next(rng.int(20, 60)), approvalRequired });
      event('resolution_proposed', handler.id, S.investigating, S.resolution_proposed, { compensationFen: amount, approvalRequired: c.approvalRequired });
      const managerMay = team.lead && team.lead !== handler && withinAuthority(amount, authorityOf(['manager'], cc.policy.approvalLimits));
      const approver = managerMay ? team.lead : compliance;
      if (c.approvalRequired && reached(plan, S.approved) && approver) {
        Object.assign(c, { approvedById: approver.id, approvedAt: next(rng.int(2, 20)) });
        event('resolution_approved', approver.id, S.resolution_proposed, S.approved, { compensationFen: amount });
      }
    }
    if (c.channel === Ch.regulator && reached(plan, S.communicated)) {
      c.regulatorReportedAt = next(4);
      c.regulatorReport = `关于${c.regulatorReference}的书面答复：${c.resolution ?? ''}`;
      event('reported_regulator', handler?.id ?? null, null, null, { length: c.regulatorReport.length });
    }
    if (reached(plan, S.communicated) && handler) {
      Object.assign(c, { communicatedAt: next(rng.int(4, 30)), communicationMethod: ContactMethod.phone });
      event('decision_communicated', handler.id, c.approvedAt ? S.approved : S.resolution_proposed, S.communicated, { method: 'phone' });
    }
    if (plan.state === S.closed && handler) {
      Object.assign(c, { closedAt: next(rng.int(20, 50)), satisfaction: rng.pick([3, 4, 4, 5, 5]), returnCallNote: '回访确认投诉人已收到处理结果。' });
      event('closed', handler.id, S.communicated, S.closed, { satisfaction: c.satisfaction });
    }

    c.number = await takeNextNumber(em, numberDayOf(receivedAt, timezone));
    c.nextDueAt = nextDueOf(clocksOf(c, cc, at));
    const saved = await em.save(Object.assign(c, { version: 1, createdAt: receivedAt, updatedAt: new Date(t) }));
    await storeOutcomes(em, saved.id, outcomeValues(saved, cc, at));
    const names = new Map([...staff.values()].map((s) => [s.id, s.displayName]));
    await em.save(events.map((e) => em.create(ComplaintEvent, { complaintId: saved.id, fromState: null, toState: null, note: null, data: null, dedupeKey: null, staffName: names.get(e.staffId ?? 0) ?? null, ...e })));
    created++;
  }
  return created;
}
