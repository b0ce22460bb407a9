import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { browserPerFile, screenshot, signIn } from './support/browser';
import { lowerCountLimit } from './support/count-limit';
import { eventually } from './support/eventually';

/**
 * The role dashboards (工作台) in the browser, on the demo data: each role sees its own widgets and no
 * one else's, and the numbers are the register's and the ledgers' (counted through the lists' filters
 * over the API, which is what a click on the number opens). Screenshots at 1366×768, in Chinese.
 */
const WIDGETS = ['my-queue', 'branch-status', 'branch-overdue', 'compliance-figures', 'audit-check', 'access-admin', 'inspection-plan', 'rectifications'] as const;

async function openDashboard(page: Page, username: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, username);
  await page.getByTestId('dashboard').waitFor();
}

/** Which widgets are on the page, once those the role has have loaded. */
async function widgetsShown(page: Page, expected: readonly string[]): Promise<string[]> {
  for (const id of expected) await page.getByTestId(id).waitFor();
  const shown: string[] = [];
  for (const id of WIDGETS) if (await page.getByTestId(id).count()) shown.push(id);
  return shown;
}

async function count(username: string, resource: string, filter: Record<string, unknown>): Promise<number> {
  const client = await apiAs(username);
  const meta = `_all${resource}Meta`;
  const type = resource === 'Complaints' ? 'ComplaintFilter' : 'QualityRectificationFilter';
  return (await client.ok<Record<string, { count: number }>>(`query ($f: ${type}) { ${meta}(filter: $f) { count } }`, { f: filter }))[meta].count;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().innerText()).trim();

describe('role dashboards', () => {
  const files = browserPerFile();

  test('an agent sees their queue by deadline, with the counts of their own open complaints', async () => {
    const { page } = files.session();
    await openDashboard(page, 'agent');
    expect(await widgetsShown(page, ['my-queue', 'rectifications'])).toEqual(['my-queue', 'rectifications']);
    await page.getByTestId('queue-status-total').waitFor();
    expect(Number(await text(page, 'queue-status-total'))).toBe(await count('agent', 'Complaints', { open: true, mine: true }));
    expect(Number(await text(page, 'queue-status-overdue'))).toBe(await count('agent', 'Complaints', { open: true, mine: true, overdue: true }));
    expect(Number(await text(page, 'queue-status-dueSoon'))).toBe(await count('agent', 'Complaints', { open: true, mine: true, dueToday: true, overdue: false }));
    // Nearest deadline first, each with its clocks in colour.
    expect(await page.getByTestId('queue-item').count()).toBeGreaterThan(0);
    await page.getByTestId('queue-item').first().getByTestId('clock-badges').waitFor();
    await page.getByText('我的投诉待办').waitFor();
    await screenshot(page, 'dashboard-agent');

    // The overdue number opens the register on the same filter.
    const overdue = Number(await text(page, 'queue-status-overdue'));
    if (overdue > 0) {
      await page.getByTestId('queue-status-overdue').click();
      await page.waitForURL(/#\/complaints\?filter=/);
      expect(decodeURIComponent(page.url())).toContain('"overdue":true');
    }
  });

  test("a manager sees their branch's open complaints by clock status, the overdue list and the 12-week trend", async () => {
    const { page } = files.session();
    await openDashboard(page, 'manager');
    expect(await widgetsShown(page, ['branch-status', 'branch-overdue', 'compliance-figures', 'rectifications'])).toEqual([
      'my-queue', 'branch-status', 'branch-overdue', 'compliance-figures', 'rectifications',
    ]);
    await page.getByTestId('branch-status-chart-total').waitFor();
    expect(Number(await text(page, 'branch-status-chart-total'))).toBe(await count('manager', 'Complaints', { open: true }));
    const overdue = await count('manager', 'Complaints', { open: true, overdue: true });
    expect(Number(await text(page, 'branch-status-chart-overdue'))).toBe(overdue);
    expect(await page.getByTestId('overdue-item').count()).toBe(Math.min(overdue, 10));
    await page.getByTestId('branch-trend').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('branch-trend').getByText('受理').waitFor();
    await screenshot(page, 'dashboard-manager');
  });

  test("an inspector sees the half-year plan's coverage and the open rectifications", async () => {
    const { page } = files.session();
    await openDashboard(page, 'inspector');
    expect(await widgetsShown(page, ['inspection-plan', 'rectifications'])).toEqual(['inspection-plan', 'rectifications']);
    // The same coverage the API reports: other browser suites may have inspected more teams by now.
    await page.getByTestId('plan-coverage').waitFor();
    const plan = (await (await apiAs('inspector')).ok<{ dashboardInspectionPlan: { covered: number; teams: number } }>('{ dashboardInspectionPlan { covered teams } }')).dashboardInspectionPlan;
    expect(plan.covered).toBeGreaterThanOrEqual(1);
    expect(await text(page, 'plan-coverage')).toBe(`已检查 ${plan.covered} / ${plan.teams} 个小组`);
    expect(Number(await text(page, 'rectifications-open-value'))).toBe(await count('inspector', 'QualityRectifications', { states: ['open', 'in_progress', 'reopened'] }));
    expect(Number(await text(page, 'rectifications-overdue-value'))).toBe(await count('inspector', 'QualityRectifications', { overdue: true }));
    await screenshot(page, 'dashboard-inspector');
  });

  test('a compliance officer sees the company-wide figures and runs an audit-chain check from the dashboard', async () => {
    const { page } = files.session();
    await openDashboard(page, 'compliance');
    expect(await widgetsShown(page, ['compliance-figures', 'audit-check'])).toEqual(['compliance-figures', 'audit-check']);
    await page.getByTestId('figure-open-complaints-value').waitFor();
    expect(Number(await text(page, 'figure-open-complaints-value'))).toBe(await count('compliance', 'Complaints', { open: true }));
    expect(Number(await text(page, 'figure-open-rectifications-value'))).toBe(await count('compliance', 'QualityRectifications', { states: ['open', 'in_progress', 'reopened'] }));

    await page.getByTestId('audit-check-run').click();
    // The run is recorded: wait until the API reports this dashboard run finished, then the card shows that run
    // (an earlier run by a job or another suite may still be on screen until then).
    const api = await apiAs('compliance');
    let latest = { status: '', checked: 0, trigger: '' };
    for (let i = 0; i < 60 && !(latest.trigger === 'dashboard' && latest.status === 'intact'); i++) {
      latest = (await api.ok<{ dashboardAuditCheck: typeof latest }>('{ dashboardAuditCheck { status checked trigger } }')).dashboardAuditCheck;
      if (latest.trigger !== 'dashboard' || latest.status !== 'intact') await page.waitForTimeout(500);
    }
    expect(latest).toMatchObject({ status: 'intact', trigger: 'dashboard' });
    await page.getByTestId('audit-check-entries').filter({ hasText: `已核验 ${latest.checked} 条记录` }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('audit-check-status').innerText()).toBe('完整');
    await page.getByText('由 赵敏 发起').waitFor();
    await screenshot(page, 'dashboard-compliance');
  });

  test('an administrator sees pending approvals, open reviews and dormant accounts, and no customer data', async () => {
    const { page } = files.session();
    await openDashboard(page, 'admin');
    expect(await widgetsShown(page, ['access-admin'])).toEqual(['access-admin']);
    const admin = await apiAs('admin');
    const pending = (await admin.ok<{ _allRoleGrantsMeta: { count: number } }>('{ _allRoleGrantsMeta(filter: { status: pending_approval }) { count } }'))._allRoleGrantsMeta.count;
    expect(Number(await text(page, 'figure-pending-approvals-value'))).toBe(pending);
    const open = (await admin.ok<{ _allAccessReviewCampaignsMeta: { count: number } }>('{ _allAccessReviewCampaignsMeta(filter: { status: open }) { count } }'))._allAccessReviewCampaignsMeta.count;
    expect(Number(await text(page, 'figure-open-reviews-value'))).toBe(open);
    const dormant = (await admin.ok<{ dormantStaff: { staff: unknown[] } }>('{ dormantStaff { staff { id } } }')).dormantStaff.staff.length;
    expect(Number(await text(page, 'figure-dormant-value'))).toBe(dormant);
    await page.getByText('权限管理待办').waitFor();
    await screenshot(page, 'dashboard-admin');
  });

  test('a card whose count passes the lists\' limit shows how far it counted, with a plus', async () => {
    const { page } = files.session();
    const client = await apiAs('manager');
    expect((await client.ok<{ meta: { count: number } }>('{ meta: _allCustomersMeta { count } }')).meta.count).toBeGreaterThan(5);
    await lowerCountLimit(page, () => 5);
    await openDashboard(page, 'manager');
    await eventually(async () => /\n5\+$/.test(await text(page, 'stat-customers')), 'the customers card says 5+');
  });
});
