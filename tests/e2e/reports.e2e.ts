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
 * history and downloads it; a manager's scope is their own branch.
 */
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
    expect(await page.getByTestId('kpi-received').locator('h5').innerText()).toBe(String(received));
    const overview = page.getByTestId('table-overview');
    const cell = (label: string) => overview.locator('tr', { hasText: label }).locator('td').last().innerText();
    expect(await cell('收到投诉')).toBe(String(received));
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
});
