import type { EntityManager } from 'typeorm';
import { Branch } from '../branches/branch.entity';
import { loadWorkingCalendar } from '../calendar/calendar-store';
import { endOfLocalDay, localDateOf } from '../calendar/deadlines';
import { addWorkingDays } from '../calendar/working-days';
import { Staff } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding, QualityScore } from './quality-parts.entity';
import { QualityRectification } from './quality-rectification.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityTemplate } from './quality-template.entity';
import { FindingSeverity, InspectionKind, InspectionState, QualityDimension as D, RectificationState } from './quality.enums';
import { computeScores, halfYearOf, withKeys } from './quality.rules';

/** The demo's hotline checklist: the six dimensions, weights summing to 100. */
export const DEMO_TEMPLATE_ITEMS = withKeys([
  { dimension: D.service_manner, title: '开头语、结束语规范，语气亲切', weight: 10, guidance: '未使用标准开头语扣 50%；语气生硬不得分' },
  { dimension: D.service_manner, title: '耐心倾听，不打断客户', weight: 10, guidance: null },
  { dimension: D.business_accuracy, title: '业务解答准确完整', weight: 20, guidance: '解答错误不得分；遗漏要点酌情扣分' },
  { dimension: D.script_compliance, title: '按规定话术进行身份核验', weight: 15, guidance: '未核验身份即告知保单信息不得分' },
  { dimension: D.information_security, title: '未泄露客户敏感信息', weight: 20, guidance: '泄露即不得分，并记录发现问题' },
  { dimension: D.technical_support, title: '系统操作正确，记录完整', weight: 10, guidance: null },
  { dimension: D.timeliness, title: '在承诺时限内回复客户', weight: 15, guidance: '超时不得分' },
]);

/**
 * A few teams, the hotline checklist, one published inspection (with a finding and its rectification)
 * and one draft, so the console's quality screens have something to show. Direct inserts: fast.
 */
export async function seedDemoQuality(em: EntityManager, at: Date, timezone: string): Promise<void> {
  const branches = (await em.getRepository(Branch).find({ order: { id: 'ASC' } })).filter((b) => b.code !== 'HQ');
  const staff = new Map((await em.getRepository(Staff).find()).map((s) => [s.username, s]));
  const inspector = staff.get('inspector');
  if (!inspector || !branches.length) return;
  const stamp = { version: 1, createdAt: at, updatedAt: at };
  const teams = new Map<string, QualityTeam>();
  for (const branch of branches) {
    for (const name of ['热线组', '柜面组']) {
      teams.set(`${branch.code}:${name}`, await em.save(Object.assign(new QualityTeam(), { name, branchId: branch.id, active: true, ...stamp })));
    }
  }
  const template = await em.save(Object.assign(new QualityTemplate(), { code: 'HOTLINE', revision: 1, name: '热线服务质检表', description: '热线与柜面服务的通用检查表', items: DEMO_TEMPLATE_ITEMS, current: true, active: true, previousId: null, ...stamp }));
  const period = halfYearOf(localDateOf(at, timezone));
  const bjTeam = teams.get('BJ:热线组');
  const manager = staff.get('manager');
  const agent = staff.get('agent');
  if (bjTeam && manager && agent) {
    const scores = [95, 90, 80, 60, 100, null, 85];
    const published = await em.save(
      Object.assign(new QualityInspection(), {
        kind: InspectionKind.periodic, state: InspectionState.published, title: `定期质检 热线组 ${period}`, templateId: template.id, branchId: bjTeam.branchId, teamId: bjTeam.id, period,
        complaintId: null, inspectorId: inspector.id, summary: '整体服务规范，身份核验环节存在疏漏，需整改。', totalScore: null, submittedAt: at, reviewedById: manager.id, reviewedAt: at,
        reviewNote: '同意', returnedReason: null, publishedById: inspector.id, publishedAt: at, correctsId: null, revision: 1, correctionReason: null, ...stamp,
      }),
    );
    const rows = DEMO_TEMPLATE_ITEMS.map((item, i) => ({ inspectionId: published.id, itemKey: item.key, score: scores[i], notApplicable: scores[i] === null, evidence: scores[i] === 60 ? '录音 2 处未核验查询密码即告知缴费信息' : null }));
    await em.insert(QualityScore, rows);
    await em.update(QualityInspection, { id: published.id }, { totalScore: computeScores(DEMO_TEMPLATE_ITEMS, rows).total });
    const finding = await em.save(
      Object.assign(new QualityFinding(), { inspectionId: published.id, dimension: D.script_compliance, severity: FindingSeverity.major, description: '未按规定话术核验客户身份即告知保单缴费信息', concernedStaffId: agent.id, concernedProcess: null, needsAction: true, copiedFromId: null }),
    );
    const dueDate = addWorkingDays(localDateOf(at, timezone), 10, await loadWorkingCalendar(em));
    await em.save(
      Object.assign(new QualityRectification(), {
        findingId: finding.id, inspectionId: published.id, branchId: bjTeam.branchId, ownerId: agent.id, requiredAction: '重新学习身份核验话术并通过考试；主管抽听 10 通录音确认', dueDate, dueAt: endOfLocalDay(dueDate, timezone),
        state: RectificationState.open, evidence: null, reopenCount: 0, createdById: inspector.id, ...stamp,
      }),
    );
  }
  const shTeam = teams.get('SH:热线组');
  if (shTeam) {
    await em.save(
      Object.assign(new QualityInspection(), {
        kind: InspectionKind.periodic, state: InspectionState.draft, title: `定期质检 热线组 ${period}`, templateId: template.id, branchId: shTeam.branchId, teamId: shTeam.id, period,
        complaintId: null, inspectorId: inspector.id, summary: null, totalScore: null, revision: 1, correctsId: null, ...stamp,
      }),
    );
  }
}
