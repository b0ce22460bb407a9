import type { Page } from 'playwright-core';
import type { GqlClient } from '../support/client';
import { apiAs } from './support/api';
import { browserPerFile, screenshot, signIn } from './support/browser';
import { eventually } from './support/eventually';

/**
 * Quality inspectors' other screens: the return-visit worklist, and the checklist editor making a new
 * version of a template in use while the old one stays as it was.
 */

/** A screenshot from the top of the page (the app bar is fixed: a scrolled full-page shot would show it mid-page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

describe('quality return visits and checklists', () => {
  const files = browserPerFile();
  let inspector: GqlClient;

  beforeAll(async () => {
    inspector = await apiAs('inspector');
  });

  test('the return-visit worklist: the inspector records whether the customer was reached, satisfaction and remarks', async () => {
    const { page } = files.session();
    const { createQualityInspection: visit } = await inspector.ok<{ createQualityInspection: { id: string; sampleSeed: string; samples: Array<{ id: string }> } }>(
      `mutation { createQualityInspection(kind: return_visit, visitSource: new_policies, visitFrom: "2020-01-01", visitTo: "2026-12-31", sampleSize: 3, sampleSeed: "e2e-visits") {
        id sampleSeed samples { id } } }`,
    );
    expect(visit.samples).toHaveLength(3);
    await signIn(page, 'inspector');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '回访工作台' }).first().click();
    const rows = page.getByTestId('visit-row');
    await rows.first().waitFor();
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(3);
    await rows.first().getByTestId('record-visit').click();
    const dialog = page.getByTestId('visit-dialog');
    await dialog.waitFor();
    // Reached needs a satisfaction before it can be confirmed.
    expect(await dialog.getByTestId('step-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('satisfaction').locator('label').nth(3).click();
    await dialog.locator('textarea').first().fill('客户对续期提醒服务表示满意');
    await dialog.getByTestId('step-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    // "Still to call" is the default view: the recorded visit leaves it.
    await eventually(async () => (await rows.count()) === before - 1, 'the recorded visit leaves the worklist');
    await page.getByLabel('待回访').uncheck();
    await page.getByTestId('visit-table').getByText('客户对续期提醒服务表示满意').waitFor();
    await shot(page, 'quality-12-return-visits');
    const { QualityInspection: after } = await inspector.ok<{ QualityInspection: { visitSummary: { visited: number; reached: number; averageSatisfaction: number } } }>(
      'query ($id: ID!) { QualityInspection(id: $id) { visitSummary { visited reached averageSatisfaction } } }',
      { id: visit.id },
    );
    expect(after.visitSummary).toEqual({ visited: 1, reached: 1, averageSatisfaction: 4 });
  });

  test('editing a checklist in use makes its next version; the old one stays as it was', async () => {
    const { page } = files.session();
    await signIn(page, 'inspector');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '质检检查表' }).first().click();
    await page.getByTestId('template-table').locator('tbody tr').first().click();
    await page.getByTestId('template-items').waitFor();
    await page.getByTestId('template-versions').getByText('第 1 版').waitFor();
    await shot(page, 'quality-10-template');
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByTestId('in-use-notice').waitFor();
    expect(await page.getByTestId('in-use-notice').innerText()).toContain('第 2 版');
    await page.fill('input[name="items.0.weight"]', '20');
    expect(await page.getByTestId('weight-total').innerText()).toBe('权重合计 110');
    await shot(page, 'quality-11-template-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('template-versions').getByText('第 2 版').waitFor();
    await page.getByTestId('template-versions').getByRole('link', { name: '第 1 版' }).waitFor();
    const { allQualityTemplates } = await inspector.ok<{ allQualityTemplates: Array<{ revision: number; current: boolean; items: Array<{ weight: number }> }> }>(
      '{ allQualityTemplates(filter: { code: "HOTLINE" }, sortField: "revision", sortOrder: ASC) { revision current items { weight } } }',
    );
    expect(allQualityTemplates.map((t) => [t.revision, t.current, t.items[0].weight])).toEqual([
      [1, false, 10],
      [2, true, 20],
    ]);
  });
});
