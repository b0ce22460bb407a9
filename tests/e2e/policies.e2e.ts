import type { Browser } from 'playwright-core';
import { apiAs } from './support/api';
import { lowerCountLimit } from './support/count-limit';
import { eventually } from './support/eventually';
import { goTo, launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser';

/** Policies: the renewal quick filters and a policy's page with its parties and amounts in yuan. */
describe('policies', () => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
    await signIn(session.page, 'manager');
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  test('the list shows amounts in yuan and filters renewals due within 30 days', async () => {
    const { page } = session;
    await goTo(page, '/policies');
    await page.locator('td.column-policyNumber').first().waitFor();
    for (const amount of await page.locator('td.column-sumInsuredFen').allInnerTexts()) expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/);
    await screenshot(page, '14-policies');

    await page.getByTestId('renewal-30').click();
    await page.waitForURL(/renewalDueWithinDays/);
    // In force and expiring within 30 days: every row carries its days-left flag.
    await eventually(async () => {
      const expiries = await page.locator('td.column-expiryDate').allInnerTexts();
      return expiries.length > 0 && expiries.every((text) => /剩 \d+ 天/.test(text));
    }, 'only renewals due within 30 days are listed');
    for (const status of await page.locator('td.column-status').allInnerTexts()) expect(status).toBe('有效');
    await screenshot(page, '15-policies-renewals-30');
  });

  test('a policy shows holder, insured, beneficiaries and its amounts in yuan', async () => {
    const { page } = session;
    await page.locator('table tbody tr').first().click();
    await page.getByTestId('policy-number').waitFor();
    await page.getByTestId('party-holder').getByTestId('value-idNumber').waitFor();
    expect(await page.getByTestId('party-holder').getByTestId('value-idNumber').innerText()).toMatch(/\*{4,}/);
    await page.getByTestId('party-insured').waitFor();
    await page.getByTestId('section-beneficiaries').waitFor();
    expect(await page.getByTestId('amount-sumInsuredFen').innerText()).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(await page.getByTestId('amount-premiumFen').innerText()).toMatch(/^¥[\d,]+\.\d{2}$/);
    await screenshot(page, '16-policy-show');

    await page.getByRole('link', { name: '编辑', exact: true }).click();
    await page.locator('input[name=policyNumber]').waitFor();
    await screenshot(page, '17-policy-edit');
    expect(session.problems).toEqual([]);
  });

  test('a list longer than its count limit says "more than 10,000" and pages on until the count is exact', async () => {
    const { page } = session;
    const { meta } = await (await apiAs('manager')).ok<{ meta: { count: number } }>('{ meta: _allPoliciesMeta { count } }');
    expect(meta.count).toBeGreaterThan(200);
    // Just past each page: the server answers "more" for every page but the last, as it would at a million.
    await lowerCountLimit(page, (v) => (v.page + 1) * v.perPage);
    await goTo(page, '/policies?page=1&perPage=100&sort=id&order=ASC');
    const range = page.locator('.MuiTablePagination-displayedRows');
    const next = page.getByRole('button', { name: '下一页' });
    const lastPage = Math.ceil(meta.count / 100);
    for (let n = 1; n < lastPage; n += 1) {
      await range.filter({ hasText: `第 ${n * 100 - 99}–${n * 100} 条，共 10,000 条以上` }).waitFor();
      if (n === 1) await screenshot(page, '17a-policies-partial-count');
      await next.click();
    }
    // The last page counts to its end: the exact total again, with page numbers.
    await range.filter({ hasText: `第 ${lastPage * 100 - 99}–${meta.count} 条，共 ${meta.count} 条` }).waitFor();
    await expect(next.isEnabled()).resolves.toBe(false);
    await page.unroute('**/graphql');
    expect(session.problems).toEqual([]);
  });
});
