import { idle } from '../../server/src/modules/reports/report-jobs';
import { countOf } from './complaints-helpers';
import { as, server, useDashboardFixture } from './dashboard-fixture';

// The compliance widgets (company figures, the audit-chain check) and the administrators' access-rights widget,
// over the fixture in dashboard-fixture.ts.

const FIGURES = `{ dashboardComplianceFigures { openComplaints breachedThisQuarter quarterFrom openRectifications dataRightsDue dataRightsDueBy } }`;
const AUDIT_CHECK = `{ dashboardAuditCheck { id trigger status total checked firstBrokenId problem staffName startedAt finishedAt } }`;
const START_CHECK = `mutation { startAuditVerification { id trigger status total checked } }`;
const ACCESS = `{ dashboardAccessAdmin { pendingApprovals openReviews reviewItemsDue nextReviewDueAt dormantAccounts dormantAfterDays } }`;

describe('dashboard widgets', () => {
  useDashboardFixture();

  describe('compliance', () => {
    it('shows the company-wide figures', async () => {
      const { dashboardComplianceFigures: f } = await as.compliance.ok(FIGURES);
      // Open: K1–K5, K8 and S1–S2. Breaches since 1 October (Beijing): K1's and S1's; K5's fell in Q3.
      expect(f).toEqual({ openComplaints: 8, breachedThisQuarter: 2, quarterFrom: '2026-10-01', openRectifications: 2, dataRightsDue: 2, dataRightsDueBy: '2026-12-25' });
    });

    it("gives a branch role its branch's figures and null where it has no right", async () => {
      const { dashboardComplianceFigures: f } = await as.manager.ok(FIGURES);
      expect(f).toMatchObject({ openComplaints: 6, breachedThisQuarter: 1, openRectifications: 1, dataRightsDue: null });
      expect(await as.agent.errorCode(FIGURES)).toBe('FORBIDDEN');
    });

    it('records every run of the audit-chain verifier and shows the latest, with its progress', async () => {
      expect((await as.compliance.ok(AUDIT_CHECK)).dashboardAuditCheck).toBeNull();
      const { startAuditVerification: started } = await as.compliance.ok(START_CHECK);
      expect(started).toMatchObject({ trigger: 'dashboard', status: 'running', checked: 0 });
      const entries = await countOf(server, 'SELECT COUNT(*) AS n FROM audit_entry');
      expect(started.total).toBe(entries);
      await idle();
      const { dashboardAuditCheck: done } = await as.compliance.ok(AUDIT_CHECK);
      expect(done).toMatchObject({ id: started.id, trigger: 'dashboard', status: 'intact', total: entries, checked: entries, firstBrokenId: null, problem: null, staffName: '赵敏' });
      expect(done.finishedAt).not.toBeNull();

      // The API's own verification is recorded too, and is now the latest.
      await as.compliance.ok('{ verifyAuditChain { ok checked } }');
      expect((await as.compliance.ok(AUDIT_CHECK)).dashboardAuditCheck).toMatchObject({ trigger: 'api', status: 'intact' });
    });

    it('shows a broken chain as broken, naming the entry', async () => {
      const [{ id }]: { id: number }[] = await server.db.query('SELECT id FROM audit_entry ORDER BY seq LIMIT 1');
      await server.db.query("UPDATE audit_entry SET action = 'tampered' WHERE id = ?", [id]);
      await as.compliance.ok(START_CHECK);
      await idle();
      expect((await as.compliance.ok(AUDIT_CHECK)).dashboardAuditCheck).toMatchObject({ status: 'broken', checked: 0, firstBrokenId: String(id), problem: 'content does not match its hash' });
      expect(await as.admin.errorCode(AUDIT_CHECK)).toBe('FORBIDDEN');
      expect(await as.agent.errorCode(START_CHECK)).toBe('FORBIDDEN');
    });
  });

  describe('administrators', () => {
    it('shows pending approvals, open reviews with undecided items, dormant accounts', async () => {
      const { dashboardAccessAdmin: a } = await as.admin.ok(ACCESS);
      expect(a).toEqual({ pendingApprovals: 2, openReviews: 2, reviewItemsDue: 3, nextReviewDueAt: '2026-12-01T09:59:59.999Z', dormantAccounts: 2, dormantAfterDays: 90 });
      for (const who of ['agent', 'manager', 'inspector', 'compliance']) expect(await as[who].errorCode(ACCESS)).toBe('FORBIDDEN');
    });
  });
});
