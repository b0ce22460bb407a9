import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn, signOut } from './support/browser';

/**
 * Each role sees what its rules allow and no more: menus, columns, buttons and masked values are
 * decided by the same CASL rules the server enforces.
 */
describe('what each role sees', () => {
  const files = browserPerFile();


  test('the sign-in page asks for username, password and an optional one-time code', async () => {
    const { page } = files.session();
    await goTo(page, '/');
    await page.locator('input[name=username]').waitFor();
    expect(await page.locator('input[name=password]').getAttribute('type')).toBe('password');
    expect(await page.locator('input[name=otp]').count()).toBe(1);
    await screenshot(page, '01-sign-in');

    await page.fill('input[name=username]', 'agent');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });

  test('an agent sees own-branch customers with masked ID numbers, no reveal and no export', async () => {
    const { page } = files.session();
    await signIn(page, 'agent');
    expect(await page.getByTestId('staff-name').innerText()).toBe('李娜');
    expect(await page.getByTestId('staff-role').innerText()).toBe('客服专员 · 北京分公司');
    expect(await menuEntries(page)).toEqual(['工作台', '客户', '保单', '续保提醒', '投诉登记簿', '查询受理']);
    await screenshot(page, '02-dashboard-agent');

    await goTo(page, '/customers');
    const idCells = page.locator('td.column-idNumber');
    await idCells.first().waitFor();
    const ids = await idCells.allInnerTexts();
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(/^\S{3}\*+\S{4}$/);
    // Bound to one branch by their rules, agents get no branch column: every row would say the same.
    expect(await page.locator('th.column-branchId').count()).toBe(0);
    expect(await page.getByTestId('export-button').count()).toBe(0);
    // Agents register customers in their own branch.
    expect(await page.getByRole('link', { name: '新建', exact: true }).count()).toBe(1);
    await screenshot(page, '03-customers-agent');

    await page.locator('table tbody tr').first().click();
    await page.getByTestId('value-idNumber').waitFor();
    expect(await page.getByTestId('customer-header').innerText()).toContain('北京分公司');
    expect(await page.getByTestId('value-idNumber').innerText()).toMatch(/\*{4,}/);
    expect(await page.getByTestId('reveal-idNumber').count()).toBe(0);
    expect(await page.getByTestId('reveal-phone').count()).toBe(0);
    await screenshot(page, '04-customer-show-agent');

    // Agents may correct contact details, not identity: those inputs are replaced by read-only text.
    await page.getByRole('link', { name: '编辑', exact: true }).click();
    await page.locator('input[name=phone]').waitFor();
    for (const editable of ['name', 'phone', 'email', 'address', 'occupation']) expect(await page.locator(`input[name=${editable}]`).count()).toBe(1);
    for (const fixed of ['idNumber', 'idType', 'branchId', 'status']) expect(await page.locator(`input[name=${fixed}]`).count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
    await screenshot(page, '04b-customer-edit-agent');

    await goTo(page, '/policies');
    await page.locator('td.column-policyNumber').first().waitFor();
    // Agents read policies but may not create them or export them.
    expect(await page.getByRole('link', { name: '新建', exact: true }).count()).toBe(0);
    expect(await page.getByTestId('export-button').count()).toBe(0);
  });

  test('a manager reveals an ID number with a reason, and the audit log records it', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    expect(await page.getByTestId('staff-role').innerText()).toBe('客服主管 · 北京分公司');
    await screenshot(page, '05-dashboard-manager');

    await goTo(page, '/customers');
    await page.getByTestId('export-button').waitFor();
    await page.locator('table tbody tr').first().click();
    await page.getByTestId('reveal-idNumber').waitFor();
    const customerId = page.url().match(/customers\/(\d+)\/show/)?.[1];
    expect(customerId).toBeTruthy();
    const masked = await page.getByTestId('value-idNumber').innerText();

    await page.getByTestId('reveal-idNumber').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: '查看', exact: true });
    expect(await confirm.isDisabled()).toBe(true); // no reason, no reveal
    const reason = `客户来电核实身份 e2e ${Date.now()}`;
    await dialog.locator('textarea[name=reason]').fill(reason);
    await screenshot(page, '06-reveal-dialog');
    await confirm.click();
    await page.locator('[data-testid=value-idNumber][data-revealed=true]').waitFor();
    const clear = await page.getByTestId('value-idNumber').innerText();
    expect(clear).not.toContain('*');
    expect(clear.slice(0, 3)).toBe(masked.slice(0, 3));
    expect(clear.slice(-4)).toBe(masked.slice(-4));
    await screenshot(page, '07-customer-show-revealed');

    const compliance = await apiAs('compliance');
    const audit = await compliance.ok<{ allAuditEntries: { subjectType: string; subjectId: string; reason: string; staffUsername: string }[] }>(
      'query { allAuditEntries(filter: { action: "reveal" }, sortField: "id", sortOrder: DESC, perPage: 20) { subjectType subjectId reason staffUsername } }',
    );
    expect(audit.allAuditEntries).toContainEqual({ subjectType: 'Customer', subjectId: customerId, reason, staffUsername: 'manager' });

    // The clear value lives in that view only: coming back shows the mask again.
    await goTo(page, '/customers');
    await page.locator('table tbody tr').first().click();
    await page.getByTestId('value-idNumber').waitFor();
    expect(await page.getByTestId('value-idNumber').innerText()).toBe(masked);
  });

  test('compliance reads every branch, masked, and may export', async () => {
    const { page } = files.session();
    await signIn(page, 'compliance');
    expect(await page.getByTestId('staff-role').innerText()).toBe('合规专员 · 总公司');
    // Compliance reads every branch's complaints and maintains the deadline policy.
    const menu = await menuEntries(page);
    // The access-rights group (issue 6) follows the platform's entries.
    expect(menu.slice(0, menu.indexOf('员工账号'))).toEqual(['工作台', '客户', '保单', '续保提醒', '投诉登记簿', '查询日志', '个人信息权利申请', '报表', '质检报告', '半年度质检计划', '整改台账', '时限规则']);
    expect(menu.slice(menu.indexOf('员工账号'))).toEqual(['员工账号', '角色授权', '角色', '权限反查', '职责冲突规则', '职责冲突清单', '权限复核', '我的权限复核', '审计日志']);

    await goTo(page, '/customers');
    await page.getByTestId('export-button').waitFor();
    await page.locator('td.column-branchId').first().waitFor();
    // Compliance has no create right: neither the toolbar nor an empty list offers it.
    expect(await page.getByRole('link', { name: '新建', exact: true }).count()).toBe(0);
    await page.locator('table tbody tr').first().click();
    await page.getByTestId('value-idNumber').waitFor();
    expect(await page.getByTestId('value-idNumber').innerText()).toMatch(/\*{4,}/);
    expect(await page.getByTestId('reveal-idNumber').count()).toBe(0);
    expect(await page.getByRole('link', { name: '编辑', exact: true }).count()).toBe(0);
    await screenshot(page, '08-customer-show-compliance');
    await signOut(page);
  });

  test('an administrator has no customer, policy or complaint menu and cannot open them', async () => {
    const { page } = files.session();
    await signIn(page, 'admin');
    expect(await page.getByTestId('staff-role').innerText()).toBe('系统管理员 · 总公司');
    await page.getByTestId('no-data-access').waitFor();
    // The holiday calendar and the deadline policy are theirs to maintain; complaints hold customer data.
    const menu = await menuEntries(page);
    // The access-rights group (issue 6) follows the platform's entries.
    expect(menu.slice(0, menu.indexOf('员工账号'))).toEqual(['工作台', '渠道密钥', '节假日日历', '时限规则']);
    expect(menu.slice(menu.indexOf('员工账号'))).toEqual(['员工账号', '角色授权', '待审批授权', '角色', '权限反查', '职责冲突规则', '职责冲突清单', '权限复核', '我的权限复核']);
    await screenshot(page, '09-dashboard-admin');

    await goTo(page, '/customers');
    await page.getByText('无权访问').first().waitFor();
    expect(await page.locator('td.column-idNumber').count()).toBe(0);
  });
});
