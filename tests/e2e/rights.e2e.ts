import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { GqlClient } from '../support/client';
import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn, signOut } from './support/browser';
import { baseUrl } from './support/env';
import { eventually } from './support/eventually';
import { chooseOption } from './support/form';

/**
 * Staff access rights and the audit trail as IT administrators and compliance use them: accounts,
 * grants with reasons, four-eyes approval, separation of duties, the forced password change,
 * two-step sign-in with a QR code drawn in the browser, and the audit viewer with chain verification.
 */

const NEW_PASSWORD = 'quiet harbour lantern 2026';
const run = Date.now().toString(36);

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as the authenticator app would show it. */
function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const CREATE_STAFF = `mutation ($u: String!, $n: String!, $b: ID) { createStaff(username: $u, displayName: $n, branchId: $b) { temporaryPassword staff { id } } }`;
const GRANT = `mutation ($s: ID!, $r: ID!, $why: String!) { createRoleGrant(staffId: $s, roleId: $r, reason: $why) { id status } }`;

async function roleId(client: GqlClient, name: string): Promise<string> {
  const data = await client.ok<{ allRoles: { id: string; name: string }[] }>('query { allRoles(perPage: 100) { id name } }');
  return data.allRoles.find((r) => r.name === name)!.id;
}

const menuLink = (page: Page, text: string) => page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: text }).first();

async function signInAs(page: Page, username: string, password: string, otp?: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  if (otp) await page.fill('input[name=otp]', otp);
  await page.click('button[type=submit]');
}

describe('staff access rights and the audit trail', () => {
  const files = browserPerFile();
  let admin: GqlClient;
  /** The account the administrator creates in the first test; later tests grant it more. */
  let clerk: { id: string; username: string } | null = null;

  beforeAll(async () => {
    admin = await apiAs('admin');
  });

  test('an administrator creates a staff account and grants a role with a reason', async () => {
    const { page } = files.session();
    await signIn(page, 'admin');
    const menu = await menuEntries(page);
    for (const entry of ['员工账号', '角色授权', '待审批授权', '权限反查']) expect(menu).toContain(entry);
    // Administrators manage access; the audit trail is for compliance.
    expect(menu).not.toContain('审计日志');
    // The administrator's role requires two-step sign-in, not set up yet: the console says so everywhere.
    await page.getByTestId('mfa-required-banner').waitFor();
    await screenshot(page, 'rights-01-dashboard-admin');

    await goTo(page, '/staff');
    await page.locator('td.column-username').first().waitFor();
    expect(await page.locator('td.column-username').allInnerTexts()).toEqual(expect.arrayContaining(['agent', 'manager', 'compliance']));
    await screenshot(page, 'rights-02-staff-list');

    // Server-side filter: suspended accounts only (none yet) says so rather than showing an empty table.
    await goTo(page, `/staff?filter=${encodeURIComponent(JSON.stringify({ status: 'suspended' }))}`);
    await page.getByText('没有', { exact: false }).first().waitFor();

    await goTo(page, '/staff/create');
    const username = `e2e.clerk.${run}`;
    await page.fill('input[name=username]', username);
    await page.fill('input[name=displayName]', '测试专员');
    await chooseOption(page, page, 'branchId', '北京分公司');
    await screenshot(page, 'rights-03-staff-create');
    await page.getByRole('button', { name: '保存' }).click();
    const temporary = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'rights-04-staff-created');

    await page.getByTestId('open-created-staff').click();
    await page.getByTestId('staff-header').waitFor();
    const id = page.url().match(/staff\/(\d+)\/show/)?.[1];
    expect(id).toBeTruthy();
    clerk = { id: id!, username };
    expect(await page.getByTestId('staff-header').innerText()).toContain('须修改密码');

    await page.getByTestId('grant-role-button').click();
    const dialog = page.getByTestId('grant-dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '客服专员', exact: true }).click();
    const reason = `新入职北京分公司客服 e2e ${run}`;
    await dialog.locator('textarea[name=reason]').fill(reason);
    await screenshot(page, 'rights-05-grant-dialog');
    await dialog.getByTestId('grant-confirm').click();
    await page.locator('[data-testid=grant-table] tr[data-status=active]').first().waitFor();
    expect(await page.getByTestId('grant-table').innerText()).toContain(reason);
    // Effective permissions name the grant each rule comes through.
    await eventually(async () => (await page.getByTestId('effective-permissions').innerText()).includes('Customer'), 'the effective permissions list Customer');
    await screenshot(page, 'rights-06-staff-show');

    // Dormant accounts: nobody here is dormant yet (all signed in or created today); the page says so.
    await goTo(page, '/dormant-staff');
    await page.getByTestId('dormant-table').waitFor();
    await page.getByTestId('empty-report').waitFor();
    // The access policy above it: the administrator shortens the dormancy period; the page recounts with it.
    const policyCard = page.getByTestId('access-policy');
    const dormantDays = policyCard.locator('input[name=dormantAfterDays]');
    const before = Number(await dormantDays.inputValue());
    await dormantDays.fill(String(before - 1));
    await policyCard.getByTestId('access-policy-save').click();
    await page.getByText('访问策略已保存').waitFor();
    await eventually(async () => (await page.getByTestId('dormant-page').innerText()).includes(`${before - 1} 天未登录`), 'the dormant list uses the new period');
    expect(await page.getByTestId('dormant-page').locator('input[name=days]').inputValue()).toBe(String(before - 1));
    await screenshot(page, 'rights-06b-dormant');

    const compliance = await apiAs('compliance');
    const audit = await compliance.ok<{ allAuditEntries: { action: string; reason: string | null; staffUsername: string }[] }>(
      'query { allAuditEntries(filter: { action: "grant.create" }, perPage: 5) { action reason staffUsername } }',
    );
    expect(audit.allAuditEntries[0]).toMatchObject({ staffUsername: 'admin', reason });
    const policyChange = await compliance.ok<{ allAuditEntries: { changes: Record<string, unknown> }[] }>(
      'query { allAuditEntries(filter: { action: "access_policy.update" }, perPage: 1) { changes } }',
    );
    expect(JSON.stringify(policyChange.allAuditEntries[0]?.changes)).toContain(String(before - 1));
  });

  test('a high-risk grant waits for a second administrator, and a separation-of-duties refusal names the pair', async () => {
    expect(clerk).not.toBeNull();
    const { page } = files.session();
    // A second approver: a role that may only approve grants, given by the demo administrator.
    const approverRole = await admin.ok<{ createRole: { id: string } }>(
      `mutation ($rules: JSON) { createRole(name: "grant_approver_${run.replace(/[^a-z0-9]/g, '')}", label: "授权审批人", rules: $rules) { id } }`,
      { rules: [{ action: ['read', 'approve'], subject: 'RoleGrant' }, { action: 'read', subject: ['Staff', 'Role', 'Branch'] }] },
    );
    const approver = `e2e.approver.${run}`;
    const created = await admin.ok<{ createStaff: { temporaryPassword: string; staff: { id: string } } }>(CREATE_STAFF, { u: approver, n: '第二审批人', b: null });
    await admin.ok(GRANT, { s: created.createStaff.staff.id, r: approverRole.createRole.id, why: 'e2e: second administrator for four-eyes approval' });
    const anonymous = new GqlClient(baseUrl());
    const first = await anonymous.ok<{ login: { token: string } }>('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: approver, p: created.createStaff.temporaryPassword });
    await new GqlClient(baseUrl(), first.login.token).ok('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: created.createStaff.temporaryPassword, n: NEW_PASSWORD });

    await signIn(page, 'admin');
    await goTo(page, `/staff/${clerk!.id}/show`);
    await page.getByTestId('grant-role-button').click();
    let dialog = page.getByTestId('grant-dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: /系统管理员/ }).click();
    await dialog.getByTestId('four-eyes-hint').waitFor();
    await dialog.locator('textarea[name=reason]').fill('临时支援 IT 运维 e2e');
    await dialog.getByTestId('grant-confirm').click();
    await page.locator('[data-testid=grant-table] tr[data-status=pending_approval]').waitFor();
    // The granter cannot approve their own grant: no approve button for them.
    expect(await page.getByTestId('approve-grant').count()).toBe(0);
    await screenshot(page, 'rights-07-grant-pending');
    await signOut(page);

    await signInAs(page, approver, NEW_PASSWORD);
    await page.getByTestId('staff-badge').waitFor();
    await menuLink(page, '待审批授权').click();
    const row = page.locator('[data-testid=grant-list] tr[data-status=pending_approval]', { hasText: clerk!.username });
    await row.waitFor();
    await screenshot(page, 'rights-08-pending-approvals');
    await row.getByTestId('approve-grant').click();
    await page.getByTestId('reason-input').fill('已核实运维支援需求');
    await page.getByTestId('confirm-button').click();
    await page.getByText('授权已批准').waitFor();
    await signOut(page);

    // Holding the administrator role now, the clerk may not also reveal customer data: the manager role is refused, naming the pair.
    await signIn(page, 'admin');
    await goTo(page, `/staff/${clerk!.id}/show`);
    await page.locator('[data-testid=grant-table] tr[data-status=active]').filter({ has: page.locator('.MuiChip-label', { hasText: '系统管理员' }) }).waitFor();
    await page.getByTestId('grant-role-button').click();
    dialog = page.getByTestId('grant-dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '客服主管', exact: true }).click();
    await dialog.locator('textarea[name=reason]').fill('兼任客服主管 e2e');
    await dialog.getByTestId('grant-confirm').click();
    await page.getByTestId('grant-error').waitFor();
    expect(await page.getByTestId('grant-error').innerText()).toContain('职责分离');
    // The particulars come as a code with parameters, worded in Chinese by the console (the API's text stays English).
    expect(await page.getByTestId('grant-error-detail').innerText()).toMatch(/不能在现有角色之外再持有“客服主管”（manager）：违反职责分离规则“reveal-vs-access-administration”/);
    await screenshot(page, 'rights-09-duty-conflict-refused');
  });

  test('a new staff member changes the reset password, then sets up two-step sign-in from a QR code', async () => {
    const { page } = files.session();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl()) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outside.push(request.url());
    });
    const username = `e2e.mfa.${run}`;
    const created = await admin.ok<{ createStaff: { temporaryPassword: string; staff: { id: string } } }>(CREATE_STAFF, { u: username, n: '两步验证测试', b: null });
    await admin.ok(GRANT, { s: created.createStaff.staff.id, r: await roleId(admin, 'inspector'), why: 'e2e set-up' });

    await signInAs(page, username, created.createStaff.temporaryPassword);
    await page.getByTestId('password-change-required').waitFor();
    await screenshot(page, 'rights-10-change-password');
    await page.fill('input[name=currentPassword]', created.createStaff.temporaryPassword);
    await page.fill('input[name=newPassword]', 'password1234');
    await page.fill('input[name=repeatPassword]', 'password1234');
    await page.getByTestId('change-password-submit').click();
    // The server's password rules, in the user's language, on the field.
    await page.getByText('最常见的密码').waitFor();
    await page.fill('input[name=newPassword]', NEW_PASSWORD);
    await page.fill('input[name=repeatPassword]', NEW_PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('staff-badge').waitFor({ timeout: 20_000 });

    await page.getByTestId('staff-badge').click();
    await page.getByTestId('menu-mfa').click();
    await page.getByTestId('mfa-page').waitFor();
    await page.fill('input[name=password]', NEW_PASSWORD);
    await page.getByTestId('mfa-begin').click();
    const qr = page.getByTestId('mfa-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    const secret = (await page.getByTestId('mfa-secret').innerText()).trim();
    await screenshot(page, 'rights-11-mfa-qr');

    await page.fill('input[name=code]', totp(secret));
    await page.getByTestId('mfa-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-code').allInnerTexts();
    expect(codes).toHaveLength(10);
    await page.getByTestId('download-codes').waitFor();
    await screenshot(page, 'rights-12-mfa-recovery-codes');
    expect(outside).toEqual([]);
    await signOut(page);

    // From now on the password alone is not enough; a recovery code works once in place of the app's code.
    await signInAs(page, username, NEW_PASSWORD);
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('动态验证码');
    await screenshot(page, 'rights-13-sign-in-code-needed');
    await page.fill('input[name=otp]', codes[0]);
    await page.click('button[type=submit]');
    await page.getByTestId('staff-badge').waitFor();
  });

  test('compliance filters the audit trail, sees the chain verified and opens an entry', async () => {
    const { page } = files.session();
    await signIn(page, 'compliance');
    await menuLink(page, '审计日志').click();
    await page.locator('[data-testid=chain-status][data-state=ok]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('chain-status').innerText()).toMatch(/审计链完整：已校验 \d+ 条记录/);
    await page.locator('td.column-action').first().waitFor();
    await screenshot(page, 'rights-14-audit-list');

    await page.fill('input[name=action]', 'grant.create');
    await eventually(async () => {
      const actions = await page.locator('td.column-action').allInnerTexts();
      return actions.length > 0 && actions.every((a) => a.trim() === 'grant.create');
    }, 'only grant.create entries are listed');
    await chooseOption(page, page, 'outcome', '成功');
    await eventually(async () => page.url().includes('outcome'), 'the outcome filter is in the URL');
    await screenshot(page, 'rights-15-audit-filtered');
    // The export goes through the server with the same filter (and is itself audited).
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const compliance = await apiAs('compliance');
    await eventually(async () => {
      const data = await compliance.ok<{ allAuditEntries: { action: string }[] }>('query { allAuditEntries(perPage: 5) { action } }');
      return data.allAuditEntries.some((e) => /export/i.test(e.action));
    }, 'the export is in the audit trail');

    await page.locator('table tbody tr').first().click();
    await page.getByTestId('audit-entry').waitFor();
    expect(await page.getByTestId('audit-entry').innerText()).toContain('grant.create');
    await page.getByTestId('audit-changes').waitFor();
    await screenshot(page, 'rights-16-audit-entry');

    // The same screens in English.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await menuLink(page, 'Audit trail').click();
    await page.locator('[data-testid=chain-status][data-state=ok]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('chain-status').innerText()).toMatch(/Audit chain intact: \d+ entries verified/);
    await screenshot(page, 'rights-16b-audit-english');
  });
});
