import fs from 'node:fs';
import type { GqlClient } from '../support/client';
import { apiAs } from './support/api';
import { browserPerFile, goTo, screenshot, signIn, signOut } from './support/browser';
import { lowerCountLimit } from './support/count-limit';
import { eventually } from './support/eventually';

/** Renewal and premium reminders as a branch manager and an agent use them: paged on the server, exported by the manager only. */

describe('renewal and premium reminders', () => {
  const files = browserPerFile();
  let manager: GqlClient;

  beforeAll(async () => {
    manager = await apiAs('manager');
  });

  const count = async (client: GqlClient, filter: Record<string, unknown>) =>
    (await client.ok<{ _allPolicyRemindersMeta: { count: number } }>('query ($f: PolicyReminderFilter) { _allPolicyRemindersMeta(filter: $f) { count } }', { f: filter }))._allPolicyRemindersMeta.count;

  test('a manager lists renewals and premiums due, paged on the server, and exports them; an agent reads them without export', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '续保与缴费提醒' }).first().click();
    await page.getByTestId('policy-reminders').waitFor();
    await page.getByTestId('reminders-within').getByRole('combobox').click();
    await page.getByRole('option', { name: '未来 90 天' }).click();
    const expected = await count(manager, { withinDays: 90 });
    expect(expected).toBeGreaterThan(0);
    const pagination = page.getByTestId('reminders-pagination');
    await pagination.filter({ hasText: `共 ${expected} 条` }).waitFor();
    const rows = page.locator('[data-testid=reminders-table] tbody tr');
    expect(await rows.count()).toBe(Math.min(expected, 25));
    await screenshot(page, 'inquiry-14-reminders');

    // Only renewals: fewer or as many, as the server counts them.
    await page.getByTestId('reminders-kind').getByRole('combobox').click();
    await page.getByRole('option', { name: '续保', exact: true }).click();
    const renewals = await count(manager, { withinDays: 90, kind: 'renewal' });
    await eventually(async () => (await rows.count()) === Math.min(renewals, 25), 'the first page shows the renewals the API counts, at most 25');
    expect(await rows.first().innerText()).toContain('续保');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminders-export').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.trim().split('\n').length).toBe(renewals + 1);
    expect(csv).toContain('续保');

    // A window with nothing in it says so.
    await page.getByTestId('reminders-within').getByRole('combobox').click();
    await page.getByRole('option', { name: '未来 7 天' }).click();
    if ((await count(manager, { withinDays: 7, kind: 'renewal' })) === 0) await page.getByTestId('reminders-empty').waitFor();

    await signOut(page);
    await signIn(page, 'agent');
    await goTo(page, '/policy-reminders');
    await page.getByTestId('policy-reminders').waitFor();
    await page.locator('[data-testid=reminders-table], [data-testid=reminders-empty]').first().waitFor();
    expect(await page.getByTestId('reminders-export').count()).toBe(0);
  });

  test('past the count limit the pagination says "more than 10,000" and pages on until the count is exact', async () => {
    const { page } = files.session();
    await lowerCountLimit(page, (v) => (v.page + 1) * v.perPage);
    await signIn(page, 'manager');
    await goTo(page, '/policy-reminders');
    await page.getByTestId('reminders-within').getByRole('combobox').click();
    await page.getByRole('option', { name: '未来 90 天' }).click();
    const expected = await count(manager, { withinDays: 90 });
    expect(expected).toBeGreaterThan(25);
    const pagination = page.getByTestId('reminders-pagination');
    const lastPage = Math.ceil(expected / 25);
    for (let n = 1; n < lastPage; n += 1) {
      await pagination.filter({ hasText: `第 ${n * 25 - 24}–${n * 25} 条，共 10,000 条以上` }).waitFor();
      await pagination.locator('button').last().click();
    }
    await pagination.filter({ hasText: `第 ${lastPage * 25 - 24}–${expected} 条，共 ${expected} 条` }).waitFor();
    await expect(pagination.locator('button').last().isEnabled()).resolves.toBe(false);
  });
});
