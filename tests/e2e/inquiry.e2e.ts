import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { GqlClient } from '../support/client';
import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn, signOut } from './support/browser';
import { baseUrl } from './support/env';
import { eventually } from './support/eventually';
import { controlOf } from './support/form';

/**
 * Identity-verified policy inquiry as the hotline and the counter use it: an agent verifies a caller
 * with policy number, ID number and query password and sees the policy summary; a failed verification
 * is refused without saying why and counted; repeated failures lock the number; the manager reads the
 * inquiry log; the administrator rotates the website's channel key.
 */

const QUERY_PASSWORD = '730215';

interface Target {
  policyId: string;
  policyNumber: string;
  productName: string;
  idNumber: string;
}

/** An in-force policy of the agent's branch (BJ) with a known query password, set the way staff do it. */
async function preparePolicy(manager: GqlClient): Promise<Target> {
  const { allPolicies } = await manager.ok<{ allPolicies: { id: string; policyNumber: string; productName: string; holder: { id: string } | null }[] }>(
    '{ allPolicies(perPage: 10, sortField: "id", sortOrder: ASC, filter: { status: in_force }) { id policyNumber productName holder { id } } }',
  );
  const policy = allPolicies.find((p) => p.holder)!;
  const { reveal } = await manager.ok<{ reveal: string }>(
    'mutation ($id: ID!) { reveal(type: "Customer", id: $id, field: "idNumber", reason: "e2e: 柜面核实身份后重置查询密码") }',
    { id: policy.holder!.id },
  );
  await manager.ok(
    'mutation ($p: ID!, $i: String!, $n: String) { resetQueryPassword(policyId: $p, idNumber: $i, identityCheck: id_document_at_counter, newPassword: $n) { policyId } }',
    { p: policy.id, i: reveal, n: QUERY_PASSWORD },
  );
  return { policyId: policy.id, policyNumber: policy.policyNumber, productName: policy.productName, idNumber: reveal };
}

async function verify(page: Page, policyNumber: string, idNumber: string, password: string): Promise<void> {
  await page.getByTestId('inquiry-policy-number').fill(policyNumber);
  await page.getByTestId('inquiry-id-number').fill(idNumber);
  await page.getByTestId('inquiry-password').fill(password);
  await page.getByTestId('inquiry-verify').click();
  // The answer takes at least the configured minimum; the button says so meanwhile.
  await page.locator('[data-testid=inquiry-result], [data-testid=inquiry-failed], [data-testid=inquiry-locked]').first().waitFor();
}

describe('policy inquiry on the hotline and at the counter', () => {
  const files = browserPerFile();
  let manager: GqlClient;
  let compliance: GqlClient;
  let target: Target;

  beforeAll(async () => {
    manager = await apiAs('manager');
    compliance = await apiAs('compliance');
    target = await preparePolicy(manager);
  });

  test('an agent verifies a caller and sees the policy; a failed verification is refused, counted and logged', async () => {
    const { page } = files.session();
    await signIn(page, 'agent');
    const menu = await menuEntries(page);
    expect(menu).toContain('查询受理');
    // Agents make inquiries but do not read the log, the keys or the rights register.
    for (const hidden of ['查询日志', '渠道密钥', '个人信息权利申请']) expect(menu).not.toContain(hidden);
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '查询受理' }).first().click();
    await page.getByTestId('inquiry-desk').waitFor();
    // Agents read the lock-out numbers (not the rate limits): the desk states them.
    await page.getByTestId('inquiry-limits').filter({ hasText: '15 分钟内验证失败 5 次' }).filter({ hasText: '锁定查询 30 分钟' }).waitFor();
    await screenshot(page, 'inquiry-01-desk-empty');

    // The wrong password: refused, without saying which part was wrong; the desk counts it; the password is cleared.
    await page.getByTestId('inquiry-channel').getByText('柜面').click();
    await verify(page, target.policyNumber, target.idNumber, '000000');
    const failed = page.getByTestId('inquiry-failed');
    await failed.waitFor();
    const failedText = await failed.innerText();
    expect(failedText).toContain('验证未通过');
    expect(failedText).not.toMatch(/密码错误|证件号码不符/);
    expect(await page.getByTestId('inquiry-result').count()).toBe(0);
    expect(await page.getByTestId('inquiry-attempts').innerText()).toContain('1 / 5，最多还可尝试 4 次，之后锁定查询 30 分钟');
    expect(await page.getByTestId('inquiry-password').inputValue()).toBe('');
    await screenshot(page, 'inquiry-02-failed');

    // The right three parts: the summary, and nothing of the parties' personal data.
    await verify(page, target.policyNumber, target.idNumber, QUERY_PASSWORD);
    const result = page.getByTestId('inquiry-result');
    await result.waitFor();
    expect(await page.getByTestId('inquiry-policy').innerText()).toBe(target.policyNumber);
    expect(await page.getByTestId('summary-productName').innerText()).toBe(target.productName);
    const text = await result.innerText();
    expect(text).toContain('柜面');
    expect(text).not.toContain(target.idNumber);
    await screenshot(page, 'inquiry-03-verified');

    // The log has both, on the counter channel, with the agent as the one who assisted, and the real reason.
    const { allPolicyInquiries } = await compliance.ok<{ allPolicyInquiries: { outcome: string; reason: string; channel: string; staffId: string }[] }>(
      'query ($f: PolicyInquiryFilter) { allPolicyInquiries(filter: $f, sortField: "id", sortOrder: ASC) { outcome reason channel staffId } }',
      { f: { policyNumber: target.policyNumber } },
    );
    expect(allPolicyInquiries.map((i) => [i.outcome, i.reason, i.channel])).toEqual([
      ['failed', 'password_mismatch', 'counter'],
      ['verified', 'verified', 'counter'],
    ]);
    const { allStaff } = await compliance.ok<{ allStaff: { id: string; username: string }[] }>('{ allStaff(perPage: 100) { id username } }');
    const agentId = allStaff.find((s) => s.username === 'agent')!.id;
    expect(allPolicyInquiries.every((i) => i.staffId === agentId)).toBe(true);
  });

  test('repeated failures lock the policy number, and the desk says so clearly', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await goTo(page, '/inquiry-desk');
    // Managers read the thresholds: the desk states them.
    await page.getByTestId('inquiry-limits').filter({ hasText: '15 分钟内验证失败 5 次' }).filter({ hasText: '锁定查询 30 分钟' }).waitFor();
    const number = `PBJE2E${Date.now() % 1_000_000}`;
    for (let i = 1; i <= 5; i++) {
      await verify(page, number, '110101199001011237', '123456');
      await page.getByTestId('inquiry-failed').waitFor();
      expect(await page.getByTestId('inquiry-attempts').innerText()).toContain(`${i} / 5`);
    }
    await verify(page, number, '110101199001011237', '123456');
    await page.getByTestId('inquiry-locked').waitFor();
    expect(await page.getByTestId('inquiry-locked').innerText()).toContain('查询已锁定');
    await screenshot(page, 'inquiry-04-locked');
  });

  test('the manager reads the inquiry log, filtered on the server, and one inquiry in detail', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '查询日志' }).first().click();
    await page.getByTestId('inquiry-log-table').waitFor();
    await goTo(page, `/policyInquiries?filter=${encodeURIComponent(JSON.stringify({ policyNumber: target.policyNumber, outcome: 'failed' }))}`);
    await page.getByTestId('inquiry-log-table').waitFor();
    const rows = page.locator('[data-testid=inquiry-log-table] tbody tr');
    await eventually(async () => (await rows.count()) === 1, 'the log shows the one matching inquiry');
    const row = await rows.first().innerText();
    expect(row).toContain('验证失败');
    expect(row).toContain('查询密码错误');
    expect(row).toContain('柜面');
    await screenshot(page, 'inquiry-05-log-filtered');
    await rows.first().click();
    await page.getByTestId('inquiry-detail').waitFor();
    expect(await page.getByTestId('inquiry-detail').innerText()).toContain(target.policyNumber);
    await screenshot(page, 'inquiry-06-log-detail');

    // A filter that matches nothing says so.
    await goTo(page, `/policyInquiries?filter=${encodeURIComponent(JSON.stringify({ policyNumber: 'PNONE000000' }))}`);
    await page.getByText('暂无查询记录', { exact: false }).or(page.getByText('没有', { exact: false })).first().waitFor();

    // Every label in English too.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await goTo(page, '/inquiry-desk');
    await page.getByText('Verify the caller').waitFor();
    await page.getByTestId('inquiry-limits').filter({ hasText: 'within 15 minutes' }).waitFor();
    await screenshot(page, 'inquiry-09-desk-english');
    await goTo(page, `/policyInquiries?filter=${encodeURIComponent(JSON.stringify({ policyNumber: target.policyNumber }))}`);
    await page.locator('[data-testid=inquiry-log-table] tbody tr', { hasText: 'Wrong query password' }).first().waitFor();
    await screenshot(page, 'inquiry-10-log-english');
  });

  test('compliance exports the filtered inquiry log as CSV from the server', async () => {
    const { page } = files.session();
    await signIn(page, 'compliance');
    await goTo(page, `/policyInquiries?filter=${encodeURIComponent(JSON.stringify({ policyNumber: target.policyNumber }))}`);
    await page.locator('[data-testid=inquiry-log-table] tbody tr').nth(1).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(target.policyNumber);
    expect(csv.trim().split('\n').length).toBe(3);
  });

  test('an administrator creates a website key (shown once, with a copy button) that works, then retires the old one', async () => {
    const { page } = files.session();
    await signIn(page, 'admin');
    expect(await menuEntries(page)).toContain('渠道密钥');
    await goTo(page, '/channel-keys');
    await page.getByTestId('channel-keys').waitFor();
    await page.getByTestId('channel-website').waitFor();
    const create = async (label: string) => {
      await page.getByTestId('channel-key-create').click();
      await page.locator('input[name=label]').fill(label);
      await page.getByTestId('channel-key-submit').click();
      await page.getByTestId('channel-key-secret-dialog').waitFor();
      const secret = await page.getByTestId('channel-key-secret').inputValue();
      return secret;
    };
    const first = await create('官网 e2e 旧');
    await page.getByTestId('channel-key-done').click();
    const second = await create('官网 e2e 新');
    expect(await page.getByTestId('channel-key-copy').isVisible()).toBe(true);
    await screenshot(page, 'inquiry-07-key-shown-once');
    await page.getByTestId('channel-key-done').click();
    // Once closed, the key is nowhere on the page: only its first characters.
    expect(await page.content()).not.toContain(second);

    // Both keys work during the overlap.
    const ask = (key: string) =>
      fetch(`${baseUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-channel-key': key },
        body: JSON.stringify({ query: `mutation { channelPolicyInquiry(policyNumber: "${target.policyNumber}", idNumber: "${target.idNumber}", queryPassword: "${QUERY_PASSWORD}") { policyNumber } }` }),
      }).then((r) => r.json() as Promise<{ data?: { channelPolicyInquiry?: { policyNumber: string } }; errors?: { extensions?: { reason?: string } }[] }>);
    expect((await ask(first)).data?.channelPolicyInquiry?.policyNumber).toBe(target.policyNumber);
    expect((await ask(second)).data?.channelPolicyInquiry?.policyNumber).toBe(target.policyNumber);

    // Retire the old key: it stops working, the new one goes on.
    const { allInquiryChannelKeys } = await (await apiAs('admin')).ok<{ allInquiryChannelKeys: { id: string; keyPrefix: string }[] }>('{ allInquiryChannelKeys { id keyPrefix } }');
    const old = allInquiryChannelKeys.find((k) => first.startsWith(k.keyPrefix))!;
    await goTo(page, '/channel-keys');
    await page.getByTestId(`channel-key-retire-${old.id}`).click();
    await page.getByTestId('channel-key-retire-confirm').click();
    await page.getByTestId(`channel-key-${old.id}`).getByText('已停用').waitFor();
    await screenshot(page, 'inquiry-08-keys-rotated');
    expect((await ask(first)).errors?.[0]?.extensions?.reason).toBe('CHANNEL_KEY_INVALID');
    expect((await ask(second)).data?.channelPolicyInquiry?.policyNumber).toBe(target.policyNumber);
  });

  test('an administrator changes the lock-out in the inquiry settings, the desk states the new numbers; a manager only reads them', async () => {
    const admin = await apiAs('admin');
    const { page } = files.session();
    await signIn(page, 'admin');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '查询设置' }).first().click();
    const form = page.getByTestId('inquiry-settings');
    await form.locator('input[name=maxFailures]').waitFor();
    expect(await form.locator('input[name=maxFailures]').inputValue()).toBe('5');
    expect(await form.locator('input[name=minResponseMs]').inputValue()).not.toBe('');
    await screenshot(page, 'inquiry-11-settings');

    // Outside the bounds the server accepts: refused on the field itself, and nothing is saved.
    await form.locator('input[name=lockMinutes]').fill('0');
    await page.getByTestId('settings-save').click();
    await controlOf(form, 'lockMinutes').locator('.MuiFormHelperText-root.Mui-error').waitFor();
    await screenshot(page, 'inquiry-12-settings-invalid');
    const read = async () => (await admin.ok<{ inquirySettings: { lockMinutes: number; version: number } }>('{ inquirySettings { lockMinutes version } }')).inquirySettings;
    expect((await read()).lockMinutes).toBe(30);

    await form.locator('input[name=lockMinutes]').fill('45');
    await page.getByTestId('settings-save').click();
    await page.getByText('查询设置已保存').waitFor();
    expect((await read()).lockMinutes).toBe(45);

    try {
      // The agent's desk follows at once.
      await signOut(page);
      await signIn(page, 'agent');
      await goTo(page, '/inquiry-desk');
      await page.getByTestId('inquiry-limits').filter({ hasText: '锁定查询 45 分钟' }).waitFor();
      expect(await menuEntries(page)).not.toContain('查询设置');

      // A manager reads the settings without a save button.
      await signOut(page);
      await signIn(page, 'manager');
      await goTo(page, '/inquiry-settings');
      await page.getByTestId('settings-read-only').waitFor();
      expect(await page.getByTestId('inquiry-settings').locator('input[name=lockMinutes]').inputValue()).toBe('45');
      expect(await page.getByTestId('settings-save').count()).toBe(0);
      await screenshot(page, 'inquiry-13-settings-read-only');
    } finally {
      const { version } = await read();
      await admin.ok('mutation ($v: Int!) { updateInquirySettings(version: $v, lockMinutes: 30) { id } }', { v: version });
    }
  });
});
