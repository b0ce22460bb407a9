import type { Browser } from 'playwright-core';
import { GqlClient } from '../support/client';
import { goTo, launchBrowser, menuEntries, openSession, screenshot, signIn, type Session } from './support/browser';
import { baseUrl } from './support/env';

describe('language and session', () => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await openSession(browser);
  });
  afterEach(async () => {
    await session.context.close();
  });

  test('Chinese by default; English when chosen, and still English after a reload', async () => {
    const { page } = session;
    await signIn(page, 'manager');
    expect(await menuEntries(page)).toEqual(['工作台', '客户', '保单', '续保提醒', '投诉登记簿', '查询受理', '查询日志', '续保与缴费提醒', '查询设置', '报表', '质检报告', '半年度质检计划', '整改台账']);

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Good ', { exact: false }).first().waitFor();
    expect(await menuEntries(page)).toEqual(['Dashboard', 'Customers', 'Policies', 'Renewals due', 'Complaints', 'Inquiry desk', 'Inquiry log', 'Renewal reminders', 'Inquiry settings', 'Reports', 'Inspections', 'Half-year plan', 'Rectification ledger']);
    expect(await page.getByTestId('staff-role').innerText()).toBe('Service manager · 北京分公司');

    await page.reload();
    await goTo(page, '/customers');
    await page.locator('th.column-idNumber').getByText('ID number').waitFor();
    expect(await menuEntries(page)).toEqual(['Dashboard', 'Customers', 'Policies', 'Renewals due', 'Complaints', 'Inquiry desk', 'Inquiry log', 'Renewal reminders', 'Inquiry settings', 'Reports', 'Inspections', 'Half-year plan', 'Rectification ledger']);
    await screenshot(page, '18-customers-english');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.locator('th.column-idNumber').getByText('证件号码').waitFor();
    expect(session.problems).toEqual([]);
  });

  test('an ended session returns to the sign-in page, which says why', async () => {
    const { page, context } = session;
    await signIn(page, 'agent');
    await goTo(page, '/customers');
    await page.locator('td.column-idNumber').first().waitFor();

    // The session ends on the server (as after the idle timeout or a revocation) while the browser still holds its cookie.
    const cookie = (await context.cookies()).find((c) => c.name === 'insuredesk_session');
    expect(cookie?.httpOnly).toBe(true);
    await new GqlClient(baseUrl(), cookie!.value).ok('mutation { logout }');

    await page.locator('.RaMenu-open a, .RaMenu-closed a').filter({ hasText: '保单' }).first().click();
    await page.getByTestId('session-expired').waitFor();
    expect(await page.getByTestId('session-expired').innerText()).toContain('会话已结束');
    await screenshot(page, '19-session-expired');

    await signIn(page, 'agent');
    expect(await page.getByTestId('staff-name').innerText()).toBe('李娜');
  });
});
