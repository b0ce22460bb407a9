import { ComplaintRectificationResolver } from './complaint-rectification.resolver';
import { QualityInspectionStepsResolver } from './quality-inspection-steps.resolver';
import { QualityInspectionResolver } from './quality-inspection.resolver';
import { QualityFindingResolver, QualitySampleResolver } from './quality-parts.resolver';
import { QualityRectificationResolver } from './quality-rectification.resolver';
import { QualityTeamResolver } from './quality-team.resolver';
import { QualityTemplateResolver } from './quality-template.resolver';

export { INSPECTION_DOCUMENT } from './quality-report';
export { runRectificationEscalations } from './rectification-escalation';

/** Quality inspection and the rectification ledger: what this module adds to the entities and the schema. */
export { QUALITY_ENTITIES } from './quality.entities';
export const QUALITY_RESOLVERS = [
  QualityTeamResolver,
  QualityTemplateResolver,
  QualityInspectionResolver,
  QualityInspectionStepsResolver,
  QualityFindingResolver,
  QualityRectificationResolver,
  QualitySampleResolver,
  ComplaintRectificationResolver,
] as const;
