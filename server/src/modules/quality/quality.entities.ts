import { QualityInspection } from './quality-inspection.entity';
import { QualityFinding, QualitySample, QualityScore } from './quality-parts.entity';
import { QualityRectification } from './quality-rectification.entity';
import { QualityTeam } from './quality-team.entity';
import { QualityTemplate } from './quality-template.entity';

/** The quality module's tables (kept apart from its resolvers, so tools that only open the database stay light). */
export const QUALITY_ENTITIES = [QualityTeam, QualityTemplate, QualityInspection, QualitySample, QualityScore, QualityFinding, QualityRectification];
