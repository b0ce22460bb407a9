import type { DataSource } from 'typeorm';
import { QualityInspection } from '../../server/src/modules/quality/quality-inspection.entity';
import { DEMO_TEMPLATE_ITEMS } from '../../server/src/modules/quality/quality-demo';
import { QualityScore } from '../../server/src/modules/quality/quality-parts.entity';
import { InspectionKind, InspectionState } from '../../server/src/modules/quality/quality.enums';
import { computeScores } from '../../server/src/modules/quality/quality.rules';
import type { Rng } from '../../server/src/seed/demo-generator';
import { Progress } from '../progress';
import { tableWriter, type Row } from './bulk';
import type { SeededBranch } from './branches';
import { DAY_MS, THREE_YEARS_MS } from './time';

export interface InspectionSeed {
  firstId: number;
  count: number;
  templateId: number;
  inspectorId: number;
  complaintFirstId: number;
  complaintCount: number;
}

const SCORES = [100, 95, 90, 85, 80, 60, null];

/** Ad hoc inspections opened from complaints, published with their scores on the demo's hotline checklist. */
export async function seedInspections(db: DataSource, pool: import('mysql2/promise').Pool, rng: Rng, branches: SeededBranch[], seed: InspectionSeed, at: Date): Promise<number> {
  const inspectionTable = tableWriter(db, QualityInspection, true);
  const scoreTable = tableWriter(db, QualityScore, false);
  const progress = new Progress('inspection', seed.count);
  let inspections: Row[] = [];
  let scores: Row[] = [];
  const flush = async () => {
    await pool.query(inspectionTable.insert, [inspections]);
    await pool.query(scoreTable.insert, [scores]);
    progress.tick(inspections.length);
    inspections = [];
    scores = [];
  };
  for (let i = 0; i < seed.count; i++) {
    const complaintPos = Math.floor(rng.next() * Math.max(seed.complaintCount, 1));
    const branch = branches[complaintPos % branches.length];
    const created = new Date(at.getTime() - Math.floor(rng.next() * THREE_YEARS_MS));
    const published = new Date(Math.min(created.getTime() + rng.int(1, 10) * DAY_MS, at.getTime()));
    const id = seed.firstId + i;
    const rows = DEMO_TEMPLATE_ITEMS.map((item) => {
      const score = rng.pick(SCORES);
      return { inspectionId: id, itemKey: item.key, score, notApplicable: score === null, evidence: score === 60 ? '录音中未核验查询密码即告知缴费信息' : null };
    });
    const inspection = Object.assign(new QualityInspection(), {
      id, kind: InspectionKind.ad_hoc, state: InspectionState.published, title: `专项质检 投诉 ${seed.complaintFirstId + complaintPos}`, templateId: seed.templateId, branchId: branch.id, teamId: null, period: null,
      complaintId: seed.complaintCount ? seed.complaintFirstId + complaintPos : null, inspectorId: seed.inspectorId, summary: '服务基本规范，个别环节需改进。', totalScore: computeScores(DEMO_TEMPLATE_ITEMS, rows).total,
      submittedAt: published, reviewedById: rng.pick(branch.handlers), reviewedAt: published, reviewNote: '同意', returnedReason: null, publishedById: seed.inspectorId, publishedAt: published,
      correctsId: null, revision: 1, correctionReason: null, version: 1, createdAt: created, updatedAt: published,
    });
    inspections.push(inspectionTable.row(inspection));
    for (const r of rows) scores.push(scoreTable.row(r));
    if (inspections.length >= 500) await flush();
  }
  if (inspections.length) await flush();
  return progress.rate();
}
