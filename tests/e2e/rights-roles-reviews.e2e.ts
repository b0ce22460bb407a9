import type { Page } from 'playwright-core';
import { browserPerFile, goTo, screenshot, signIn, signOut } from './support/browser';
import { eventually } from './support/eventually';
import { chooseOption } from './support/form';

/**
 * Roles and reviews as IT administrators keep them: the role matrix with its JSON and clone, who can
 * reveal ID numbers, duty conflicts, and an access review from start to evidence.
 */

const run = Date.now().toString(36);
const menuLink = (page: Page, text: string) => page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: text }).first();

describe('roles and access reviews', () => {
  const files = browserPerFile();

  test('roles as a matrix with JSON and clone; who can reveal ID numbers; duty conflicts', async () => {
    const { page } = files.session();
    await signIn(page, 'admin');
    await goTo(page, '/roles');
    await page.locator('td.column-name', { hasText: 'manager' }).waitFor();
    await screenshot(page, 'rights-17-roles');
    await page.locator('tr', { has: page.locator('td.column-name', { hasText: /^manager$/ }) }).click();
    await page.getByTestId('rule-matrix').waitFor();
    // The manager reveals four fields of the own branch's customers: a limited cell, not a plain tick.
    expect(await page.locator('[data-cell="Customer.reveal"]').getAttribute('data-state')).toBe('limited');
    // Built-in roles cannot be deleted: no delete button.
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
    await screenshot(page, 'rights-18-role-matrix');
    await page.getByTestId('tab-json').click();
    expect(await page.getByTestId('rules-json').inputValue()).toContain('"reveal"');
    await screenshot(page, 'rights-19-role-json');

    // A rule the server does not accept is refused with its reason, and nothing is saved.
    await page.getByRole('link', { name: '编辑' }).click();
    await page.locator('input[name=label]').waitFor();
    await page.getByTestId('tab-json').click();
    const json = page.getByTestId('rules-json');
    const current = JSON.parse(await json.inputValue());
    await json.fill(JSON.stringify([...current, { action: 'read', subject: 'NoSuchThing' }], null, 2));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('rules-error').waitFor();
    // Worded in Chinese from the server's problem code and parameters.
    expect(await page.getByTestId('rules-error').innerText()).toContain(`第 ${current.length + 1} 条规则：未知的对象“NoSuchThing”`);
    await screenshot(page, 'rights-20-role-rules-refused');

    // Clone: a new role with the same rules, opened in the editor.
    await goTo(page, '/roles');
    await page.locator('tr', { has: page.locator('td.column-name', { hasText: /^agent$/ }) }).click();
    await page.getByTestId('clone-role').click();
    await page.fill('input[name=name]', `agent_night_${run.replace(/[^a-z0-9]/g, '')}`);
    await page.fill('input[name=label]', '夜班客服专员');
    await page.getByTestId('clone-confirm').click();
    await page.waitForURL(/#\/roles\/\d+$/);
    await page.locator('[data-cell="Customer.read"]').first().waitFor();
    await screenshot(page, 'rights-21-role-cloned');

    await goTo(page, '/who-can');
    await page.getByTestId('who-can-ask').click();
    await page.getByTestId('who-can-table').waitFor();
    expect(await page.getByTestId('who-can-table').innerText()).toContain('manager');
    expect(await page.getByTestId('who-can-table').innerText()).not.toContain('agent2');
    await screenshot(page, 'rights-22-who-can');

    await goTo(page, '/dutyConflictRules');
    await page.getByTestId('duty-table').waitFor();
    await screenshot(page, 'rights-23-duty-rules');
    await goTo(page, '/duty-violations');
    await page.getByTestId('violations-table').waitFor();
    await screenshot(page, 'rights-24-duty-violations');
  });

  test('an access review: the administrator starts it, the reviewer keeps a grant with a comment, the evidence shows it', async () => {
    const { page } = files.session();
    await signIn(page, 'admin');
    await goTo(page, '/accessReviewCampaigns/create');
    await page.fill('input[name=name]', `2026年第四季度质检员权限复核 ${run}`);
    await chooseOption(page, page, 'scope', '指定角色');
    await chooseOption(page, page, 'roleId', '质检员');
    await chooseOption(page, page, 'reviewerId', /\(compliance\)/);
    const due = new Date(Date.now() + 14 * 86_400_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(due).replace(' ', 'T');
    await page.fill('input[name=dueAt]', local);
    await screenshot(page, 'rights-25-review-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('campaign-evidence').waitFor();
    await page.getByTestId('evidence-items').locator('tbody tr').first().waitFor();
    await screenshot(page, 'rights-26-review-evidence-open');
    const campaignUrl = page.url();
    await goTo(page, '/accessReviewCampaigns');
    await page.getByTestId('campaign-table').waitFor();
    await screenshot(page, 'rights-26b-review-campaigns');
    await goTo(page, '/roleGrants');
    await page.getByTestId('grant-list').locator('tbody tr').first().waitFor();
    await screenshot(page, 'rights-26c-grants');
    await signOut(page);

    await signIn(page, 'compliance');
    await menuLink(page, '我的权限复核').click();
    await page.getByTestId('review-keep').first().waitFor();
    await screenshot(page, 'rights-27-review-worklist');
    await page.getByTestId('review-keep').first().click();
    await page.getByTestId('reason-input').fill('岗位职责未变，继续保留');
    await page.getByTestId('confirm-button').click();
    await page.getByText('复核结论已记录').waitFor();
    await page.goto(campaignUrl);
    await page.getByTestId('evidence-items').waitFor();
    await eventually(async () => (await page.getByTestId('evidence-items').innerText()).includes('岗位职责未变，继续保留'), 'the evidence shows the comment');
    await screenshot(page, 'rights-28-review-evidence');
  });
});
