import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import type { GqlClient } from '../support/client';
import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn, signOut } from './support/browser';
import { controlOf } from './support/form';

/**
 * The customer's rights over their data as compliance handles them in the console: a copy of
 * everything held (JSON and PDF, downloaded, recorded in the register), a deletion request that
 * restricts the customer at once after a confirmation naming the consequences, and — once the
 * retention job has run — the anonymised customer marked as such in the list and on their page.
 */

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** The anonymisation job as cron runs it (`npm run jobs:once`), against the browser tests' database. */
async function runJobsOnce(): Promise<string> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set by the global setup');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: 'never', LOG_LEVEL: 'warn', PASSWORD_HASH_COST: '14', PASSWORD_HASH_PARALLELISM: '1' };
  delete env.DATABASE_URL;
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'server/dist/server/src/cli/jobs-once.js')], { cwd: ROOT, env });
  return stdout;
}

function residentId(n: number): string {
  const first17 = `11010519850304${String(600 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

async function download(page: Page, trigger: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

describe("the customer's rights over their data", () => {
  const files = browserPerFile();
  let manager: GqlClient;
  let compliance: GqlClient;
  /** A customer with policies (demo data) for the copy; a new one without policies for the deletion. */
  let withPolicies: { id: string; name: string };
  let leaving: { id: string; name: string };

  beforeAll(async () => {
    manager = await apiAs('manager');
    compliance = await apiAs('compliance');
    const { allPolicies } = await manager.ok<{ allPolicies: { holder: { id: string; name: string } | null }[] }>(
      '{ allPolicies(perPage: 5, sortField: "id", sortOrder: DESC) { holder { id name } } }',
    );
    withPolicies = allPolicies.find((p) => p.holder)!.holder!;
    const { me } = await manager.ok<{ me: { branchId: string } }>('{ me { branchId } }');
    const suffix = Date.now() % 100;
    const created = await manager.ok<{ createCustomer: { id: string; name: string } }>(
      `mutation ($id: String!, $b: ID!) { createCustomer(kind: individual, name: "司马清远", idType: resident_id, idNumber: $id, branchId: $b, source: customer,
        phone: "13911112${String(200 + suffix).padStart(3, '0')}", address: "北京市海淀区中关村南大街5号") { id name } }`,
      { id: residentId(suffix), b: me.branchId },
    );
    leaving = created.createCustomer;
  });

  test('compliance downloads a copy of everything held about a customer as JSON and as PDF; both are registered', async () => {
    const { page } = files.session();
    await signIn(page, 'compliance');
    expect(await menuEntries(page)).toEqual(expect.arrayContaining(['查询日志', '个人信息权利申请']));
    await goTo(page, `/customers/${withPolicies.id}/show`);
    await page.getByTestId('customer-header').waitFor();

    // A consent given at the counter, recorded with the version of the text agreed to.
    await page.getByTestId('consent-history').waitFor();
    await page.getByTestId('record-consent').click();
    await page.getByRole('dialog').getByLabel('文本版本').fill('MKT-2026-E2E');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByTestId('consent-history').getByText('MKT-2026-E2E').waitFor();

    await page.getByTestId('export-json').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('rights-channel').click();
    await page.getByRole('option', { name: '柜面' }).click();
    await page.locator('textarea').first().fill('客户本人持身份证到柜面申请');
    await screenshot(page, 'rights-01-export-dialog');
    const json = await download(page, () => page.getByTestId('export-submit').click());
    expect(json.name).toMatch(new RegExp(`^customer-${withPolicies.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const copy = JSON.parse(json.bytes.toString('utf8'));
    expect(copy.customer).toMatchObject({ id: Number(withPolicies.id), name: withPolicies.name });
    expect(copy.policies.length).toBeGreaterThan(0);
    expect(copy.consents).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'marketing', granted: true, channel: 'counter', textVersion: 'MKT-2026-E2E' })]));
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });

    await page.getByTestId('export-pdf').click();
    const pdf = await download(page, () => page.getByTestId('export-submit').click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(5_000);
    await screenshot(page, 'rights-02-customer-after-export');

    // Both copies are access requests in the register.
    await goTo(page, `/dataRightsRequests?filter=${encodeURIComponent(JSON.stringify({ kind: 'access' }))}`);
    await page.getByTestId('rights-requests-table').waitFor();
    await page.locator('[data-testid=rights-requests-table] tbody tr', { hasText: withPolicies.name }).nth(1).waitFor();
    await screenshot(page, 'rights-03-register');
    const { allDataRightsRequests } = await compliance.ok<{ allDataRightsRequests: { outcome: { format: string } }[] }>(
      'query ($f: DataRightsRequestFilter) { allDataRightsRequests(filter: $f) { outcome } }',
      { f: { customerId: withPolicies.id, kind: 'access' } },
    );
    expect(allDataRightsRequests.map((r) => r.outcome.format).sort()).toEqual(['json', 'pdf']);
  });

  test('a deletion request restricts the customer after a confirmation naming the consequences; the retention job anonymises them', async () => {
    const { page } = files.session();
    await signIn(page, 'compliance');
    await goTo(page, `/customers/${leaving.id}/show`);
    await page.getByTestId('customer-header').waitFor();
    await page.getByTestId('restrict-customer').click();
    const dialog = page.getByTestId('restrict-dialog');
    await dialog.waitFor();
    const consequences = await dialog.innerText();
    for (const words of ['限制处理', '匿名化', '撤回']) expect(consequences).toContain(words);
    // Nothing happens until the agent confirms the customer was told.
    expect(await page.getByTestId('restrict-submit').isDisabled()).toBe(true);
    await page.getByTestId('restrict-told').check();
    await screenshot(page, 'rights-04-restrict-confirm');
    await page.getByTestId('restrict-submit').click();
    await page.getByTestId('customer-restricted-banner').waitFor();
    await page.getByTestId('withdraw-deletion').waitFor();
    await screenshot(page, 'rights-05-customer-restricted');

    // The branch no longer sees them; compliance's list marks them.
    expect(await (await apiAs('agent')).errorCode('query ($id: ID!) { Customer(id: $id) { id } }', { id: leaving.id })).toBe('NOT_FOUND');
    await goTo(page, `/customers?filter=${encodeURIComponent(JSON.stringify({ status: 'restricted' }))}`);
    await page.getByTestId('customer-table').waitFor();
    await page.getByTestId('customer-restricted-mark').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'rights-05b-list-restricted');

    // No policies, so nothing obliges us to keep the data: the job anonymises at its next run.
    const report = await runJobsOnce();
    expect(report).toMatch(/1 customers anonymised|[1-9]\d* customers anonymised/);
    await goTo(page, `/customers/${leaving.id}/show`);
    await page.getByTestId('customer-anonymised-banner').waitFor();
    expect(await page.getByTestId('customer-name').innerText()).toBe('已匿名化');
    expect(await page.locator('body').innerText()).not.toContain('司马清远');
    await screenshot(page, 'rights-06-customer-anonymised');

    await goTo(page, `/customers?filter=${encodeURIComponent(JSON.stringify({ status: 'anonymised' }))}`);
    await page.getByTestId('customer-anonymised-mark').first().waitFor();
    await screenshot(page, 'rights-07-list-anonymised');

    await goTo(page, `/dataRightsRequests?filter=${encodeURIComponent(JSON.stringify({ kind: 'deletion' }))}`);
    const row = page.locator('[data-testid=rights-requests-table] tbody tr', { hasText: '已匿名化' }).first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('rights-request-detail').waitFor();
    await screenshot(page, 'rights-08-request-detail');
  });

  test('compliance changes the retention period, a wrong value is refused beside its field; an administrator only reads it', async () => {
    const read = async () => (await compliance.ok<{ retentionPolicy: { longTermYears: number; version: number } }>('{ retentionPolicy { longTermYears version } }')).retentionPolicy;
    const { page } = files.session();
    await signIn(page, 'compliance');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '保存期限' }).first().click();
    const form = page.getByTestId('retention-policy');
    await form.locator('input[name=longTermYears]').waitFor();
    expect(await form.locator('input[name=longTermYears]').inputValue()).toBe('10');
    expect(await form.locator('input[name=shortTermYears]').inputValue()).toBe('5');
    await screenshot(page, 'rights-09-retention');

    await form.locator('input[name=longTermYears]').fill('0');
    await page.getByTestId('settings-save').click();
    await controlOf(form, 'longTermYears').locator('.MuiFormHelperText-root.Mui-error').waitFor();
    expect((await read()).longTermYears).toBe(10);
    await screenshot(page, 'rights-10-retention-invalid');

    await form.locator('input[name=longTermYears]').fill('11');
    await page.getByTestId('settings-save').click();
    await page.getByText('保存期限已保存').waitFor();
    try {
      expect((await read()).longTermYears).toBe(11);
      await signOut(page);
      await signIn(page, 'admin');
      await goTo(page, '/retention-policy');
      await page.getByTestId('settings-read-only').waitFor();
      expect(await page.getByTestId('retention-policy').locator('input[name=longTermYears]').inputValue()).toBe('11');
      expect(await page.getByTestId('settings-save').count()).toBe(0);
    } finally {
      await compliance.ok('mutation ($v: Int!) { updateRetentionPolicy(version: $v, longTermYears: 10) { id } }', { v: (await read()).version });
    }
  });

  test('compliance records a third-party sharing agreement: mistakes are shown beside their fields, then it is listed and edited', async () => {
    const party = `瑞康体检中心 e2e ${Date.now() % 100_000}`;
    const { page } = files.session();
    await signIn(page, 'compliance');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '第三方共享协议' }).first().click();
    await page.locator('[data-testid=sharing-agreements-table], [data-testid=empty-list]').first().waitFor();
    await screenshot(page, 'rights-11-sharing-list');
    await page.getByRole('link', { name: '新建' }).first().click();

    await page.locator('input[name=party]').fill(party);
    await page.locator('textarea[name=purpose]').fill('为客户安排年度体检');
    await page.locator('input[name=validFrom]').fill('2026-01-01');
    await page.locator('input[name=validUntil]').fill('2025-12-31');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('请至少选择一个客户字段').waitFor();
    await page.getByText('不能早于生效日期').waitFor();
    await screenshot(page, 'rights-12-sharing-invalid');

    await page.getByRole('checkbox', { name: '姓名/名称' }).check();
    await page.getByRole('checkbox', { name: '手机号' }).check();
    await page.locator('input[name=validUntil]').fill('2026-12-31');
    await page.getByRole('button', { name: '保存' }).click();
    const row = page.locator('[data-testid=sharing-agreements-table] tbody tr', { hasText: party });
    await row.waitFor();
    expect(await row.innerText()).toContain('2026-12-31');
    await screenshot(page, 'rights-13-sharing-created');

    await row.click();
    await page.locator('textarea[name=purpose]').fill('为客户安排年度体检及复查');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-testid=sharing-agreements-table] tbody tr', { hasText: '为客户安排年度体检及复查' }).waitFor();

    const { allSharingAgreements } = await compliance.ok<{ allSharingAgreements: { party: string; purpose: string; fields: string[]; validUntil: string; version: number }[] }>(
      'query ($q: String) { allSharingAgreements(filter: { q: $q }) { party purpose fields validUntil version } }',
      { q: party },
    );
    expect(allSharingAgreements).toEqual([{ party, purpose: '为客户安排年度体检及复查', fields: ['name', 'phone'], validUntil: '2026-12-31', version: 2 }]);

    // The party filter runs on the server; a name that matches nothing says so.
    await goTo(page, `/sharingAgreements?filter=${encodeURIComponent(JSON.stringify({ q: '不存在的第三方' }))}`);
    await page.getByText('没有', { exact: false }).or(page.getByText('未找到', { exact: false })).first().waitFor();
  });
});
