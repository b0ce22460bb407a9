import { Brackets } from 'typeorm';
import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { QualityInspection } from './quality-inspection.entity';
import { QualityTeam } from './quality-team.entity';
import { InspectionKind, InspectionState } from './quality.enums';
import { halfYearRange, isHalfYear } from './quality.rules';

/** The half-year plan. */

export interface PlanTeamValue {
  team: QualityTeam;
  covered: boolean;
  inspections: QualityInspection[];
}

/** Inspections that count for coverage: carried out (submitted or later), not mere drafts. */
const COVERING = [InspectionState.submitted, InspectionState.reviewed, InspectionState.published];

export async function plan(ctx: RequestContext, period: string, branchId: string | null | undefined): Promise<{ period: string; from: string; to: string; teams: PlanTeamValue[] }> {
  if (!isHalfYear(period)) throw invalidInput({ period: 'must be a half-year written like 2026H2' });
  const teamsQuery = guardedQuery(ctx, QualityTeam, 't').andWhere('t.active = :active', { active: true }).orderBy('t.branchId', 'ASC').addOrderBy('t.name', 'ASC');
  if (branchId) teamsQuery.andWhere('t.branchId = :branchId', { branchId: Number(branchId) || 0 });
  const teams = await teamsQuery.getMany();
  const inspections = teams.length
    ? await guardedQuery(ctx, QualityInspection, 'i')
        .andWhere('i.kind = :kind AND i.period = :period', { kind: InspectionKind.periodic, period })
        .andWhere(new Brackets((w) => w.where('i.teamId IN (:...teams)', { teams: teams.map((t) => t.id) })))
        .orderBy('i.id', 'ASC')
        .getMany()
    : [];
  return {
    period,
    ...halfYearRange(period),
    teams: teams.map((team) => {
      const mine = inspections.filter((i) => i.teamId === team.id);
      return { team, covered: mine.some((i) => COVERING.includes(i.state)), inspections: mine };
    }),
  };
}
