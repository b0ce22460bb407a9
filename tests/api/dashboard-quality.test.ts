import { countOf } from './complaints-helpers';
import { as, branch, server, staff, useDashboardFixture } from './dashboard-fixture';

// The quality widgets: the inspector's half-year plan and the open rectifications, over the fixture in dashboard-fixture.ts.

const PLAN = `{ dashboardInspectionPlan { period from to teams covered byBranch { branchId branchName teams covered } } }`;
const RECTIFICATIONS = `{ dashboardRectifications { open overdue items { number dueDate overdue ownerId } } }`;

describe('dashboard widgets', () => {
  useDashboardFixture();

  describe('quality', () => {
    it("shows the inspector the half-year plan's coverage per branch", async () => {
      const { dashboardInspectionPlan: p } = await as.inspector.ok(PLAN);
      expect(p).toMatchObject({ period: '2026H2', from: '2026-07-01', to: '2026-12-31' });
      const byBranch = Object.fromEntries(p.byBranch.map((b: { branchId: string; teams: number; covered: number }) => [b.branchId, [b.teams, b.covered]]));
      // BJ: the demo's published hotline inspection; SH: the counter team's submitted one (the hotline draft does not count).
      expect(byBranch[branch.BJ]).toEqual([2, 1]);
      expect(byBranch[branch.SH]).toEqual([2, 1]);
      const activeTeams = await countOf(server, 'SELECT COUNT(*) AS n FROM quality_team WHERE active = ?', [true]);
      expect(p.teams).toBe(activeTeams);
      expect(p.covered).toBe(2);
      expect(await as.agent.errorCode(PLAN)).toBe('FORBIDDEN');
      expect(await as.manager.errorCode(PLAN)).toBe('FORBIDDEN');
    });

    it('shows open rectifications within row rules, earliest due first, overdue marked', async () => {
      const { dashboardRectifications: all } = await as.inspector.ok(RECTIFICATIONS);
      expect(all).toMatchObject({ open: 2, overdue: 1 });
      expect(all.items.map((r: { dueDate: string; overdue: boolean }) => [r.dueDate, r.overdue])).toEqual([['2026-11-24', true], [expect.any(String), false]]);
      // The manager sees Beijing's; each agent their own.
      expect((await as.manager.ok(RECTIFICATIONS)).dashboardRectifications).toMatchObject({ open: 1, overdue: 0 });
      expect((await as.agent.ok(RECTIFICATIONS)).dashboardRectifications).toMatchObject({ open: 1, overdue: 0, items: [{ ownerId: String(staff.agent) }] });
      expect((await as.agent2.ok(RECTIFICATIONS)).dashboardRectifications).toMatchObject({ open: 1, overdue: 1, items: [{ ownerId: String(staff.agent2) }] });
      expect(await as.compliance.errorCode(RECTIFICATIONS)).toBe('FORBIDDEN');
    });
  });
});
