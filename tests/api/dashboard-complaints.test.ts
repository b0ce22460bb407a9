import { as, branch, useDashboardFixture } from './dashboard-fixture';

// The complaint widgets: an agent's own queue and a manager's branch, over the fixture in dashboard-fixture.ts.

const QUEUE = `{ dashboardComplaintQueue { counts { onTime dueSoon overdue paused total } items { number state nextDueAt complainantPhone clocks { kind status } } } }`;
const BRANCH = `{ dashboardBranchComplaints { counts { onTime dueSoon overdue paused total } overdue { number branchId } trend { weekStart received closed } } }`;

const TWELVE_WEEKS = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
const trendOf = (set: Record<string, [number, number]>) => TWELVE_WEEKS.map((weekStart) => ({ weekStart, received: set[weekStart]?.[0] ?? 0, closed: set[weekStart]?.[1] ?? 0 }));

describe('dashboard widgets', () => {
  useDashboardFixture();

  describe('complaint queue (agents)', () => {
    it("shows the agent's own open complaints by clock status, nearest deadline first, paused last", async () => {
      const { dashboardComplaintQueue: q } = await as.agent.ok(QUEUE);
      expect(q.counts).toEqual({ overdue: 1, dueSoon: 1, onTime: 1, paused: 2, total: 5 });
      expect(q.items.map((c: { number: string }) => c.number)).toEqual(['TS202611240001', 'TS202611230002', 'TS202611220003', 'TS202611160004', 'TS202611120010']);
      // The items pass the same read guards as the register: contact details masked, clocks computed.
      expect(q.items[0].clocks.length).toBeGreaterThan(0);
    });

    it("agent2 in Shanghai sees only their own queue, never Beijing's", async () => {
      const { dashboardComplaintQueue: q } = await as.agent2.ok(QUEUE);
      expect(q.counts).toEqual({ overdue: 1, dueSoon: 1, onTime: 0, paused: 0, total: 2 });
      expect(q.items.map((c: { number: string }) => c.number)).toEqual(['TS202611240008', 'TS202611250009']);
    });

    it('is refused to roles that do not work complaints', async () => {
      for (const who of ['inspector', 'compliance', 'admin']) expect(await as[who].errorCode(QUEUE)).toBe('FORBIDDEN');
    });
  });

  describe('branch complaints (managers)', () => {
    it("counts the manager's branch by clock status, lists the overdue ones and the weekly trend", async () => {
      const { dashboardBranchComplaints: b } = await as.manager.ok(BRANCH);
      // K1, K5 overdue; K2 due soon; K3 on time; K4, K8 paused. Shanghai's S1 and S2 are not the manager's.
      expect(b.counts).toEqual({ overdue: 2, dueSoon: 1, onTime: 1, paused: 2, total: 6 });
      expect(b.overdue).toEqual([
        { number: 'TS202609010005', branchId: branch.BJ },
        { number: 'TS202611240001', branchId: branch.BJ },
      ]);
      expect(b.trend).toEqual(
        trendOf({
          '2026-09-07': [0, 1], // K7 closed
          '2026-11-09': [2, 0], // K6, K8 received
          '2026-11-16': [2, 1], // K4, K3 (Sunday night) received; K6 closed
          '2026-11-23': [2, 0], // K1, K2 (Monday 00:00) received
        }),
      );
    });

    it('gives the numbers of the register filters they open', async () => {
      const count = async (filter: Record<string, unknown>) =>
        (await as.manager.ok<{ _allComplaintsMeta: { count: number } }>('query C($f: ComplaintFilter) { _allComplaintsMeta(filter: $f) { count } }', { f: filter }))._allComplaintsMeta.count;
      expect(await count({ open: true, overdue: true })).toBe(2);
      expect(await count({ open: true, dueToday: true, overdue: false })).toBe(1);
      expect(await count({ open: true })).toBe(6);
    });

    it('is refused to agents, inspectors, compliance and administrators (none of them assigns complaints)', async () => {
      for (const who of ['agent', 'agent2', 'inspector', 'compliance', 'admin']) expect(await as[who].errorCode(BRANCH)).toBe('FORBIDDEN');
    });
  });
});
