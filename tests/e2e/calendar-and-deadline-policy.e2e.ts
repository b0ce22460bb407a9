import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn } from './support/browser';
import { eventually } from './support/eventually';
import { helperOf } from './support/form';

/** The working-day calendar and the complaint deadline policy: an administrator keeps the holidays, compliance sets the policy. */

describe('working-day calendar and deadline policy', () => {
  const files = browserPerFile();

  test('an administrator has the holiday calendar but no complaints, and maintains it', async () => {
    const { page } = files.session();
    await signIn(page, 'admin');
    const menu = await menuEntries(page);
    // The access-rights group (issue 6) follows the platform's entries.
    expect(menu.slice(0, menu.indexOf('员工账号'))).toEqual(['工作台', '查询设置', '保存期限', '渠道密钥', '节假日日历', '时限规则']);
    expect(menu.slice(menu.indexOf('员工账号'))).toEqual(['员工账号', '角色授权', '待审批授权', '角色', '权限反查', '职责冲突规则', '职责冲突清单', '权限复核', '我的权限复核']);
    await goTo(page, '/complaints');
    await page.getByText('无权访问').first().waitFor();

    await goTo(page, `/calendarDays?filter=${encodeURIComponent(JSON.stringify({ year: 2026 }))}`);
    await page.locator('td.column-name', { hasText: '国庆节' }).first().waitFor();
    expect(await page.getByTestId('calendar-summary').innerText()).toMatch(/^2026 年：法定节假日 \d+ 天，调休上班 \d+ 天$/);
    await screenshot(page, '29-calendar-2026');

    // A make-up working day on a Monday means nothing: the server says so on the kind.
    await page.getByRole('link', { name: '新建', exact: true }).click();
    await page.locator('input[name=day]').waitFor();
    await page.fill('input[name=day]', '2027-03-08');
    await page.getByLabel('调休上班').check();
    await page.fill('input[name=name]', 'e2e 调休上班');
    await page.getByRole('button', { name: '保存' }).click();
    await helperOf(page, 'kind').getByText('调休上班日必须是周六或周日').waitFor();
    await page.fill('input[name=day]', '2027-03-06');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/calendarDays\?filter=.*2027/);
    const row = page.locator('table tbody tr', { hasText: 'e2e 调休上班' });
    await row.waitFor();
    expect(await row.innerText()).toContain('2027-03-06');
    expect(await row.innerText()).toContain('周六');

    await row.click();
    await page.locator('input[name=name]').waitFor();
    await page.fill('input[name=name]', 'e2e 调休上班（更正）');
    await screenshot(page, '30-calendar-day-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('table tbody tr', { hasText: 'e2e 调休上班（更正）' }).waitFor();

    await page.locator('table tbody tr', { hasText: 'e2e 调休上班（更正）' }).click();
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.waitForURL(/calendarDays\?filter=.*2027/);
    await eventually(async () => (await page.locator('table tbody tr', { hasText: 'e2e 调休上班' }).count()) === 0, 'the day is gone from the calendar');
    const admin = await apiAs('admin');
    const left = await admin.ok<{ allCalendarDays: unknown[] }>('query { allCalendarDays(filter: { q: "e2e" }) { id } }');
    expect(left.allCalendarDays).toEqual([]);
  });

  test('compliance changes the deadline policy through its form, and the API has the change', async () => {
    const { page } = files.session();
    await signIn(page, 'compliance');
    await page.locator('.RaMenu-open a, .RaMenu-closed a').filter({ hasText: '时限规则' }).click();
    const warnAt = page.locator('input[name=warnAtPercent]');
    await warnAt.waitFor();
    expect(await warnAt.inputValue()).toBe('80');
    expect(await page.locator('input[name="approvalLimits.1.limitFen"]').inputValue()).toBe('50000.00');
    await warnAt.fill('85');
    await screenshot(page, '31-deadline-policy');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('时限规则已保存').waitFor();
    const compliance = await apiAs('compliance');
    const read = async () => (await compliance.ok<{ complaintPolicy: { warnAtPercent: number } }>('query { complaintPolicy { warnAtPercent } }')).complaintPolicy.warnAtPercent;
    expect(await read()).toBe(85);
    // Back as it was, through the same form (the record's new version is the form's).
    await warnAt.fill('80');
    await page.getByRole('button', { name: '保存' }).click();
    await eventually(async () => (await read()) === 80, 'the policy is back to 80 %');
  });
});
