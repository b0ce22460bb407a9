import { In } from 'typeorm';
import { findGuarded, guardedQuery } from '../../access/guarded-query';
import type { DocumentRoute } from '../../documents/document-routes';
import type { PrintableDocument, PrintableSection } from '../../documents/printable';
import { now } from '../../clock';
import type { RequestContext } from '../../graphql/context';
import { Branch } from '../branches/branch.entity';
import { Staff } from '../staff/staff.entity';
import { QualityInspection } from './quality-inspection.entity';
import { QualityRectification } from './quality-rectification.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityTemplate } from './quality-template.entity';
import { DIMENSION_LABELS, InspectionKind, KIND_LABELS, RECTIFICATION_STATE_LABELS, SEVERITY_LABELS, STATE_LABELS } from './quality.enums';
import { computeScores } from './quality.rules';
import { findingsOf, inspectionNumber, samplesOf, scoresOf } from './quality-inspection.service';
import { visitSummary } from './quality-return-visits.service';
import { rectificationNumber } from './quality-rectification.service';

const SAMPLE_LABELS: Record<string, string> = { complaint: '投诉', inquiry: '保单查询', staff: '员工', policy: '保单' };

function localTime(at: Date | null, timezone: string): string {
  if (!at) return '';
  return new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/**
 * One inspection as a printable report (质检报告): what was inspected, by whom, the scores per
 * dimension and item, the sample, the findings and their rectifications, and the conclusion.
 */
export async function inspectionReport(ctx: RequestContext, id: string | number): Promise<{ document: PrintableDocument; filename: string; subjectId: number }> {
  const inspection = await findGuarded(ctx, QualityInspection, id);
  const em = ctx.db.manager;
  const tz = ctx.config.defaultTimezone;
  const number = inspectionNumber(inspection);
  const [samples, scores, findings, template, team, branch] = await Promise.all([
    samplesOf(em, inspection.id),
    scoresOf(em, inspection.id),
    findingsOf(em, inspection.id),
    inspection.templateId ? em.getRepository(QualityTemplate).findOne({ where: { id: inspection.templateId } }) : null,
    inspection.teamId ? em.getRepository(QualityTeam).findOne({ where: { id: inspection.teamId } }) : null,
    inspection.branchId ? em.getRepository(Branch).findOne({ where: { id: inspection.branchId } }) : null,
  ]);
  const rectifications = await guardedQuery(ctx, QualityRectification, 'r').andWhere('r.inspectionId = :id', { id: inspection.id }).orderBy('r.id', 'ASC').getMany();
  const staffIds = [inspection.inspectorId, inspection.reviewedById, inspection.publishedById, ...findings.map((f) => f.concernedStaffId), ...rectifications.map((r) => r.ownerId)].filter((v): v is number => !!v);
  const staff = new Map((await em.getRepository(Staff).find({ where: { id: In([...new Set(staffIds)]) }, select: { id: true, displayName: true } })).map((s) => [s.id, s.displayName]));
  const name = (staffId: number | null) => (staffId ? (staff.get(staffId) ?? `#${staffId}`) : '');
  const corrected = inspection.correctsId ? await em.getRepository(QualityInspection).findOne({ where: { id: inspection.correctsId } }) : null;

  const meta: Array<[string, string]> = [
    ['报告编号', number],
    ['质检类型', KIND_LABELS[inspection.kind]],
    ['状态', STATE_LABELS[inspection.state]],
  ];
  if (inspection.kind === InspectionKind.periodic) meta.push(['受检团队', `${branch?.name ?? ''} ${team?.name ?? ''}`.trim()], ['半年度', inspection.period ?? '']);
  if (inspection.kind === InspectionKind.ad_hoc) meta.push(['受检机构', branch?.name ?? ''], ['关联投诉', samples.find((s) => s.kind === 'complaint' && s.refId === inspection.complaintId)?.label ?? '']);
  if (inspection.kind === InspectionKind.return_visit) {
    meta.push(['回访范围', `${inspection.visitSource === 'closed_complaints' ? '已结案投诉' : '新单'} ${inspection.visitFrom} 至 ${inspection.visitTo}${branch ? `，${branch.name}` : ''}`], ['抽样', `${inspection.sampleSize} 件，随机种子 ${inspection.sampleSeed}`]);
  }
  if (template) meta.push(['评分模板', `${template.name}（${template.code} 第 ${template.revision} 版）`]);
  meta.push(['质检员', name(inspection.inspectorId)], ['提交时间', localTime(inspection.submittedAt, tz)], ['复核人', name(inspection.reviewedById)], ['复核时间', localTime(inspection.reviewedAt, tz)], ['发布时间', localTime(inspection.publishedAt, tz)]);
  if (corrected) meta.push(['更正', `本报告为第 ${inspection.revision} 版，更正 ${inspectionNumber(corrected)}：${inspection.correctionReason ?? ''}`]);

  const sections: PrintableSection[] = [];
  if (template) {
    const summary = computeScores(template.items, scores);
    meta.push(['总分', score(summary.total)]);
    sections.push({
      heading: '评分汇总',
      table: { columns: ['维度', '权重', '已评/适用项', '得分'], rows: summary.dimensions.map((d) => [DIMENSION_LABELS[d.dimension], String(d.weight), `${d.scoredItems}/${d.applicableItems}`, score(d.score)]).concat([['合计', String(summary.dimensions.reduce((n, d) => n + d.weight, 0)), `${summary.scoredItems}/${summary.applicableItems}`, score(summary.total)]]) },
    });
    const byKey = new Map(scores.map((s) => [s.itemKey, s]));
    sections.push({
      heading: '评分明细',
      table: {
        columns: ['维度', '检查项目', '权重', '得分', '依据'],
        rows: template.items.map((item) => {
          const s = byKey.get(item.key);
          return [DIMENSION_LABELS[item.dimension], item.title, String(item.weight), s?.notApplicable ? '不适用' : (s?.score ?? '—').toString(), s?.evidence ?? ''];
        }),
      },
    });
  }
  if (inspection.kind === InspectionKind.return_visit) {
    const v = visitSummary(samples);
    sections.push({
      heading: '回访记录',
      paragraphs: [`抽样 ${v.sampled} 件，已回访 ${v.visited} 件，联系上 ${v.reached} 件，平均满意度 ${v.averageSatisfaction ?? '—'}。`],
      table: { columns: ['回访对象', '是否联系上', '满意度', '备注'], rows: samples.map((s) => [s.label, s.visitedAt ? (s.reached ? '是' : '否') : '未回访', s.satisfaction ? String(s.satisfaction) : '', s.remarks ?? '']) },
    });
  } else {
    sections.push({ heading: '抽样', table: { columns: ['类型', '抽样对象'], rows: samples.map((s) => [SAMPLE_LABELS[s.kind] ?? s.kind, s.label]) } });
  }
  sections.push({
    heading: '发现问题',
    ...(findings.length
      ? { table: { columns: ['维度', '严重程度', '问题描述', '涉及人员或流程', '需整改'], rows: findings.map((f) => [DIMENSION_LABELS[f.dimension], SEVERITY_LABELS[f.severity], f.description, [name(f.concernedStaffId), f.concernedProcess ?? ''].filter(Boolean).join('；'), f.needsAction ? '是' : '否']) } }
      : { paragraphs: ['未发现问题。'] }),
  });
  if (rectifications.length) {
    sections.push({
      heading: '整改事项',
      table: { columns: ['整改编号', '整改要求', '负责人', '整改期限', '状态'], rows: rectifications.map((r) => [rectificationNumber(r), r.requiredAction, name(r.ownerId), r.dueDate, RECTIFICATION_STATE_LABELS[r.state]]) },
    });
  }
  sections.push({ heading: '结论', paragraphs: [inspection.summary?.trim() || '（无）'] });
  if (inspection.reviewNote) sections.push({ heading: '复核意见', paragraphs: [inspection.reviewNote] });

  const document: PrintableDocument = {
    title: '质量检查报告',
    subtitle: `${number}　${inspection.title}${inspection.state !== 'published' ? `（${STATE_LABELS[inspection.state]}，非正式版本）` : ''}`,
    meta,
    sections,
    footer: `InsureDesk 质检报告 ${number} · 生成于 ${localTime(now(), tz)}`,
  };
  return { document, filename: `质检报告-${number}`, subjectId: inspection.id };
}

export const INSPECTION_DOCUMENT: DocumentRoute = { path: 'quality-inspections', subject: 'QualityInspection', produce: inspectionReport };
