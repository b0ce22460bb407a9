import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { browserPerFile, screenshot, signIn } from './support/browser';
import { baseUrl } from './support/env';

/** The current quarter in Shanghai and its UTC bounds (the report's period). */
function currentQuarter(): { label: string; start: Date; end: Date } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const month = (quarter - 1) * 3;
  const start = new Date(Date.UTC(year, month, 1) - 8 * 3600_000);
  const end = new Date(Date.UTC(year, month + 3, 1) - 8 * 3600_000);
  return { label: `${year}-Q${quarter}`, start, end };
}

/**
 * Compliance reports in the browser: compliance generates the current quarter's complaint statistics
 * (progress, then the figures as tables and bar charts), finds the snapshot with its hash in the
 * history and downloads it; then the quality, inquiry/security and access-review reports, each shown from
 * the server's own tables; a manager's scope is their own branch.
 */

const REPORT = `query ($id: ID!) { ComplianceReport(id: $id) { kind tables { key heading columns rows } charts { key labels series { values } } } }`;
type Cell = string | number | null;

/** Picks an option of one of the page's own selects, found by the test id on its input. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.locator('.MuiFormControl-root', { has: page.getByTestId(testId) }).getByRole('combobox').click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}
describe('compliance reports', () => {
  const files = browserPerFile();


  test('compliance generates the quarter report and sees the figures the register holds', async () => {
    const { page } = files.session();
    const quarter = currentQuarter();
    await signIn(page, 'compliance');
    await page.locator('.RaMenu-open a, .RaMenu-closed a').filter({ hasText: '报表' }).click();
    await page.getByTestId('reports-page').waitFor();
    expect(await page.getByTestId('report-scope').inputValue()).toBe('company');
    await page.getByText('全公司').first().waitFor();
    await page.getByTestId('generate-report').click();
    const view = page.getByTestId('report-view');
    await view.waitFor({ timeout: 60_000 });
    await page.getByTestId('report-heading').getByText(`投诉统计 · 全公司 · ${quarter.label}`).waitFor();

    // The same figures straight from the register: complaints received in the quarter, and the regulator-transferred ones.
    const compliance = await apiAs('compliance');
    const countReceived = async (extra = '') =>
      (
        await compliance.ok<{ _allComplaintsMeta: { count: number } }>(
          `query ($from: DateTimeISO, $to: DateTimeISO) { _allComplaintsMeta(filter: { receivedAt_gte: $from, receivedAt_lte: $to ${extra} }) { count } }`,
          { from: quarter.start.toISOString(), to: new Date(quarter.end.getTime() - 1).toISOString() },
        )
      )._allComplaintsMeta.count;
    const received = await countReceived();
    expect(received).toBeGreaterThan(0);
    const overview = page.getByTestId('table-overview');
    const cell = (label: string) => overview.locator('tr', { hasText: label }).locator('td').last().innerText();
    expect(await cell('受理登记量（收到）')).toBe(String(received));
    expect(await cell('监管转办')).toBe(String(await countReceived(', regulatorTransferred: true')));
    // Tables and charts are there, in Chinese.
    await page.getByTestId('table-deadlines').getByText('首次响应（48小时）').waitFor();
    await page.getByTestId('chart-category').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('chart-category').getByText('理赔').first().waitFor();

    // The snapshot is listed with who, when and its hash; the hash is the server's.
    const hash = (await page.getByTestId('report-hash').innerText()).replace('SHA-256', '').trim();
    const { allComplianceReports } = await compliance.ok<{ allComplianceReports: Array<{ id: string; contentHash: string; generatedByName: string }> }>(
      'query { allComplianceReports(perPage: 1) { id contentHash generatedByName } }',
    );
    expect(allComplianceReports[0].contentHash).toBe(hash);
    const row = page.getByTestId(`snapshot-${allComplianceReports[0].id}`);
    await row.getByText(allComplianceReports[0].generatedByName).waitFor();
    await row.getByText(hash.slice(0, 12)).waitFor();
    await screenshot(page, '60-reports-complaint-statistics');

    // Both downloads work with the browser's session.
    const xlsx = await page.request.get(`${baseUrl()}/documents/compliance-reports/${allComplianceReports[0].id}.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const pdf = await page.request.get(`${baseUrl()}/documents/compliance-reports/${allComplianceReports[0].id}.pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test("a manager's report is their own branch's", async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await page.locator('.RaMenu-open a, .RaMenu-closed a').filter({ hasText: '报表' }).click();
    await page.getByText('您的报表仅覆盖本机构。').waitFor();
    await page.getByTestId('generate-report').click();
    await page.getByTestId('report-heading').getByText('投诉统计 · 北京分公司').waitFor({ timeout: 60_000 });
    await screenshot(page, '61-reports-manager');
  });

  test.each([
    ['quality_summary', '质检汇总', '62-reports-quality-summary'],
    ['inquiry_security', '查询与信息安全指标', '63-reports-inquiry-security'],
    ['access_review_evidence', '权限复核证据', '64-reports-access-review-evidence'],
  ])('compliance generates the %s report and sees every table the server lays out', async (kind, title, shot) => {
    const { page } = files.session();
    const quarter = currentQuarter();
    await signIn(page, 'compliance');
    await page.locator('.RaMenu-open a, .RaMenu-closed a').filter({ hasText: '报表' }).click();
    await page.getByTestId('reports-page').waitFor();
    await choose(page, 'report-kind', title);
    await page.getByTestId('generate-report').click();
    const view = page.locator(`[data-testid=report-view][data-kind=${kind}]`);
    await view.waitFor({ timeout: 60_000 });
    await page.getByTestId('report-heading').getByText(`${title} · 全公司 · ${quarter.label}`).waitFor();

    // The page shows the snapshot's own tables, cell for cell, as the API gives them for the same snapshot.
    const id = (await view.getAttribute('data-report-id'))!;
    const compliance = await apiAs('compliance');
    const { ComplianceReport: report } = await compliance.ok<{ ComplianceReport: { kind: string; tables: Array<{ key: string; heading: string; columns: string[]; rows: Cell[][] }>; charts: Array<{ key: string; labels: string[]; series: Array<{ values: number[] }> }> } }>(REPORT, { id });
    expect(report.kind).toBe(kind);
    expect(report.tables.length).toBeGreaterThan(1);
    for (const table of report.tables) {
      const shown = page.getByTestId(`table-${table.key}`);
      await page.getByTestId(`block-${table.key}`).getByText(table.heading, { exact: true }).waitFor();
      expect(await shown.locator('thead th').allInnerTexts()).toEqual(table.columns);
      const expected = table.rows.length ? table.rows.map((row) => row.map((cell) => (cell === null || cell === '' ? '—' : String(cell)))) : [['—']];
      const trs = shown.locator('tbody tr');
      expect(await trs.count()).toBe(expected.length);
      for (const [i, row] of expected.entries()) expect((await trs.nth(i).locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(row);
    }
    // Every chart with a figure above zero is drawn; one of nothing but zeros is left to its table.
    for (const chart of report.charts) {
      if (chart.series.some((s) => s.values.some((v) => v))) await page.getByTestId(`chart-${chart.key}`).locator('.recharts-surface').first().waitFor();
    }
    // The history's report filter finds it.
    await choose(page, 'history-kind', title);
    await page.getByTestId(`snapshot-${id}`).waitFor();
    // The filter scrolled the page; a full-page shot taken there paints the fixed app bar mid-page.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, shot);

    const xlsx = await page.request.get(`${baseUrl()}/documents/compliance-reports/${id}.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });
});
