import Database from 'better-sqlite3';
import path from 'node:path';
import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn, signOut } from './support/browser';
import { eventually } from './support/eventually';

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
    expect(await menuEntries(page)).toEqual(['工作台', '客户', '保单', '续保提醒', '投诉登记簿', '查询受理', '续保与缴费提醒']);
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
    expect(menu.slice(0, menu.indexOf('员工账号'))).toEqual(['工作台', '客户', '保单', '续保提醒', '投诉登记簿', '查询日志', '个人信息权利申请', '续保与缴费提醒', '第三方共享协议', '查询设置', '保存期限', '报表', '质检报告', '半年度质检计划', '整改台账', '时限规则']);
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
    expect(menu.slice(0, menu.indexOf('员工账号'))).toEqual(['工作台', '查询设置', '保存期限', '渠道密钥', '节假日日历', '时限规则']);
    expect(menu.slice(menu.indexOf('员工账号'))).toEqual(['员工账号', '角色授权', '待审批授权', '角色', '权限反查', '职责冲突规则', '职责冲突清单', '权限复核', '我的权限复核']);
    await screenshot(page, '09-dashboard-admin');

    await goTo(page, '/customers');
    await page.getByText('无权访问').first().waitFor();
    expect(await page.locator('td.column-idNumber').count()).toBe(0);
  });

  test('an administrator hands a review item to another reviewer (never its holder) and runs the deadline processing', async () => {
    const { page } = files.session();
    const admin = await apiAs('admin');
    const { allRoles } = await admin.ok<{ allRoles: { id: string; name: string }[] }>('{ allRoles(perPage: 100) { id name } }');
    const name = `质检员权限转交 e2e ${Date.now()}`;
    const dueAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    const { createAccessReviewCampaign: campaign } = await admin.ok<{ createAccessReviewCampaign: { id: string } }>(
      'mutation ($name: String!, $roleId: ID, $dueAt: DateTimeISO!) { createAccessReviewCampaign(name: $name, scope: role, roleId: $roleId, dueAt: $dueAt, deadlineRule: keep_and_flag, remindDaysBefore: 0) { id } }',
      { name, roleId: allRoles.find((r) => r.name === 'inspector')!.id, dueAt },
    );

    await signIn(page, 'admin');
    await goTo(page, `/accessReviewCampaigns/${campaign.id}/show`);
    const row = page.getByTestId('evidence-items').locator('tbody tr', { hasText: 'inspector' });
    await row.getByTestId('reassign-item').click();
    const dialog = page.getByRole('dialog');
    const pick = async (query: string, option: RegExp) => {
      await dialog.locator('input[name=reviewerId]').fill(query);
      await page.getByRole('option', { name: option }).click();
    };
    // The inspector under review cannot review their own access: refused, in Chinese, nothing changes.
    await pick('inspector', /刘洋/);
    await page.getByTestId('reason-input').fill('原复核人休假');
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('dialog-error').waitFor();
    expect(await page.getByTestId('dialog-error').innerText()).toContain('不能复核自己的权限');
    await screenshot(page, 'access-10-reassign-refused');
    await pick('compliance', /赵敏/);
    await page.getByTestId('confirm-button').click();
    await page.getByText('已转交给 赵敏').waitFor();
    await eventually(async () => (await row.innerText()).includes('赵敏'), 'the evidence shows the new reviewer');
    await screenshot(page, 'access-11-reassigned');
    const { allAuditEntries } = await (await apiAs('compliance')).ok<{ allAuditEntries: { subjectType: string; reason: string; staffUsername: string }[] }>(
      '{ allAuditEntries(filter: { action: "access_review.reassign" }, sortField: "id", sortOrder: DESC, perPage: 5) { subjectType reason staffUsername } }',
    );
    expect(allAuditEntries[0]).toEqual({ subjectType: 'AccessReviewItem', reason: '原复核人休假', staffUsername: 'admin' });

    // The deadline passes (moved into the past in the database); the administrator runs the processing now.
    const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'insuredesk.sqlite'));
    try {
      // The server writes to the same file (its jobs run every minute): wait for its lock rather than fail.
      db.pragma('busy_timeout = 5000');
      db.prepare("UPDATE access_review_campaign SET due_at = '2026-01-05 02:00:00.000' WHERE id = ?").run(Number(campaign.id));
    } finally {
      db.close();
    }
    await goTo(page, '/accessReviewCampaigns');
    await page.getByTestId('run-deadlines').click();
    const result = page.getByTestId('deadline-run-result');
    await result.waitFor();
    const text = await result.innerText();
    for (const label of ['已提醒复核人的复核', '到期关闭的复核', '未答复而撤销的授权', '未答复而保留并标记的项目']) expect(text).toContain(label);
    // The server's own minute job may have closed the campaign a moment before the button did; either way it is closed now.
    expect(Number(await page.getByTestId('deadline-run-closed').locator('td').last().innerText())).toBeLessThanOrEqual(1);
    await screenshot(page, 'access-12-deadline-run');
    await page.getByTestId('deadline-run-close').click();
    const listed = page.getByTestId('campaign-table').locator('tbody tr', { hasText: name });
    await eventually(async () => (await listed.innerText()).includes('到期关闭'), 'the campaign is closed at its deadline');
    const { accessReviewEvidence } = await admin.ok<{ accessReviewEvidence: { final: boolean; items: { outcome: string; flagged: boolean }[] } }>(
      `{ accessReviewEvidence(id: "${campaign.id}") { final items { outcome flagged } } }`,
    );
    expect(accessReviewEvidence.final).toBe(true);
    expect(accessReviewEvidence.items.length).toBeGreaterThan(0);
    for (const item of accessReviewEvidence.items) expect(item).toEqual({ outcome: 'kept_flagged', flagged: true });
  });
});
