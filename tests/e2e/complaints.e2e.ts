import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { browserPerFile, goTo, menuEntries, screenshot, signIn } from './support/browser';
import { eventually } from './support/eventually';
import { chooseOption, helperOf } from './support/form';

const COMPLAINT = `query ($id: ID!) { Complaint(id: $id) { id number version state availableActions assigneeId } }`;

/** Today's date in Shanghai as the complaint number carries it (yyyyMMdd). */
const todayInShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replace(/-/g, '');

/** The timeline's event kinds, oldest first (the page lists the newest first). */
async function timelineKinds(page: Page): Promise<string[]> {
  const kinds = await page.getByTestId('timeline-event').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind') ?? ''));
  return kinds.reverse();
}

async function waitForTimeline(page: Page, kind: string): Promise<void> {
  await page.locator(`[data-testid=timeline-event][data-kind=${kind}]`).first().waitFor();
}

/** Opens a step's dialog from its button, lets the caller fill it, confirms, and waits for the dialog to close. */
async function takeStep(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByTestId('step-confirm').click();
  await dialogClosed(dialog);
}

/** Waits for a step's dialog to close; if it stays open, fails with what the dialog says (the server's refusal). */
async function dialogClosed(dialog: ReturnType<Page['getByRole']>): Promise<void> {
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const said = await dialog.getByTestId('step-error').innerText({ timeout: 1000 }).catch(() => 'no error shown');
    throw new Error(`the step's dialog stayed open: ${said}`, { cause: error });
  }
}

/**
 * The complaint register in the browser: an agent registers a complaint, a manager works it through
 * its steps with the buttons the server offers, the agent finds it in their queue, the quick filters
 * narrow the register as the API does, and an administrator maintains the holiday calendar.
 */
describe('complaint register', () => {
  const files = browserPerFile();
  const summary = `e2e 投诉：理赔进度无人告知 ${Date.now().toString().slice(-6)}`;
  let complaintId = '';
  let number = '';


  test('an agent registers a complaint: the server’s field errors land on their fields, then the complaint shows its number and clocks', async () => {
    const { page } = files.session();
    await signIn(page, 'agent');
    expect(await menuEntries(page)).toEqual(['工作台', '客户', '保单', '续保提醒', '投诉登记簿', '查询受理', '续保与缴费提醒']);
    await page.getByTestId('new-complaint').click();
    await page.locator('input[name=summary]').waitFor();

    await page.getByLabel('仅填写联系方式').check();
    await page.fill('input[name=complainantName]', '周女士');
    await chooseOption(page, page, 'category', '理赔');
    await page.fill('input[name=summary]', summary);
    await page.fill('textarea[name=details]', '客户称三周前已交齐理赔材料，至今无人联系告知进度。');
    await page.getByTestId('general-preview').waitFor();
    // No phone, e-mail or address and no linked customer: the server refuses and names the field.
    await page.getByRole('button', { name: '保存' }).click();
    await helperOf(page, 'complainantPhone').getByText('请填写电话、电子邮箱或地址').waitFor();
    expect(page.url()).toContain('/complaints/create');
    await screenshot(page, '20-complaint-create-validation');

    await page.fill('input[name=complainantPhone]', '13912345678');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/complaints\/\d+\/show/);
    complaintId = page.url().match(/complaints\/(\d+)\/show/)![1];
    number = await page.getByTestId('complaint-number').innerText();
    expect(number).toMatch(new RegExp(`^TS${todayInShanghai()}\\d{4}$`));
    expect(await page.getByTestId('complaint-state').innerText()).toBe('已登记');
    expect(await page.getByTestId('complaint-severity').innerText()).toBe('一般');

    // Its clocks, each counted as it counts: the 48-hour response in hours, the resolution in working days.
    const firstResponse = page.getByTestId('clock-row-first_response').getByTestId('clock-first_response');
    expect(await firstResponse.getAttribute('data-tone')).toBe('running');
    expect(await firstResponse.innerText()).toMatch(/^剩 4[678] 小时$/);
    expect(await page.getByTestId('clock-row-resolution_target').getByTestId('clock-resolution_target').innerText()).toMatch(/^剩 \d+ 个工作日$/);
    expect(await page.getByTestId('clock-row-resolution_regulatory').getByTestId('clock-resolution_regulatory').innerText()).toMatch(/^剩 \d+ 天$/);
    // The contact is masked, and an agent may not reveal it.
    expect(await page.getByTestId('value-complainantPhone').innerText()).toBe('139****5678');
    expect(await page.getByTestId('reveal-complainantPhone').count()).toBe(0);
    expect(await timelineKinds(page)).toEqual(['registered']);
    await screenshot(page, '21-complaint-registered');

    // In the register, unassigned yet, with its clocks as badges.
    await goTo(page, `/complaints?filter=${encodeURIComponent(JSON.stringify({ q: number }))}`);
    const row = page.locator('table tbody tr', { hasText: number });
    await row.waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await row.locator('td.column-assigneeId').innerText()).toBe('未分派');
    expect(await row.getByTestId('clock-first_response').getAttribute('data-tone')).toBe('running');
  });

  test('a manager takes it through acceptance and assignment with exactly the buttons the server offers', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await goTo(page, `/complaints/${complaintId}/show`);
    await page.getByTestId('complaint-actions').waitFor();
    await page.getByTestId('action-accept').waitFor();

    const manager = await apiAs('manager');
    const { Complaint } = await manager.ok<{ Complaint: { availableActions: string[] } }>(COMPLAINT, { id: complaintId });
    const buttons = await page.getByTestId('complaint-actions').locator('[data-testid^=action-]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')!.slice('action-'.length)));
    expect(buttons.sort()).toEqual([...Complaint.availableActions].sort());

    // A manager may see the complainant's phone in full, with a reason.
    await page.getByTestId('reveal-complainantPhone').click();
    const reveal = page.getByRole('dialog');
    await reveal.locator('textarea[name=reason]').fill('回电核实投诉情况');
    await reveal.getByRole('button', { name: '查看', exact: true }).click();
    await page.locator('[data-testid=value-complainantPhone][data-revealed=true]').waitFor();
    expect(await page.getByTestId('value-complainantPhone').innerText()).toBe('13912345678');

    await takeStep(page, 'accept', async (dialog) => {
      await dialog.locator('textarea[name=note]').fill('材料齐全，予以受理');
    });
    await waitForTimeline(page, 'accepted');
    expect(await page.getByTestId('complaint-state').innerText()).toBe('已受理');
    // Accepting answered the complainant: the first-response clock is met.
    expect(await page.getByTestId('clock-row-first_response').getByTestId('clock-first_response').getAttribute('data-tone')).toBe('met');

    await page.getByTestId('action-assign').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await chooseOption(page, dialog, 'assigneeId', /李娜/);
    await screenshot(page, '22-step-dialog-assign');
    await dialog.getByTestId('step-confirm').click();
    await dialogClosed(dialog);
    await waitForTimeline(page, 'assigned');
    expect(await page.getByTestId('complaint-state').innerText()).toBe('调查中');
    expect(await page.getByTestId('complaint-header').innerText()).toContain('李娜');
    expect(await page.locator('[data-testid=timeline-event][data-kind=assigned]').innerText()).toContain('承办人：李娜');
    expect(await timelineKinds(page)).toEqual(['registered', 'accepted', 'assigned']);
  });

  test('the agent finds it in my queue on the dashboard with its clocks, and the bell tells of the assignment', async () => {
    const { page } = files.session();
    await signIn(page, 'agent');
    const item = page.getByTestId('my-queue').getByTestId('queue-item').filter({ hasText: number });
    await item.waitFor();
    expect(await item.getByTestId('clock-resolution_target').innerText()).toMatch(/剩 \d+ 个工作日/);
    await eventually(async () => Number(await page.getByTestId('notification-count').getAttribute('data-count')) > 0, 'the bell counts the assignment');
    await screenshot(page, '23-dashboard-agent-queue');

    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notification-list').getByTestId('notification-item').filter({ hasText: `投诉 ${number} 已分派给您处理` });
    await notice.waitFor();
    expect(await notice.getAttribute('data-unread')).toBe('true');
    await screenshot(page, '24-notifications');
    await notice.click();
    await page.waitForURL(new RegExp(`/complaints/${complaintId}/show`));
    await page.getByTestId('complaint-number').getByText(number).waitFor();
  });

  test('a stale page is refused with CONFLICT and reloaded; the manager then proposes, communicates and closes', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await goTo(page, `/complaints/${complaintId}/show`);
    await page.getByTestId('action-propose_resolution').waitFor();

    // Meanwhile the handler corrects the registration: the page's version is now stale.
    const agent = await apiAs('agent');
    const { Complaint } = await agent.ok<{ Complaint: { version: number } }>(COMPLAINT, { id: complaintId });
    await agent.ok('mutation ($id: ID!, $v: Int!) { updateComplaint(id: $id, version: $v, details: "客户补充：已多次致电无果。") { id } }', { id: complaintId, v: Complaint.version });

    await page.getByTestId('action-propose_resolution').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name=resolution]').fill('核实后加快理赔进度，并致歉。');
    await dialog.locator('input[name=compensationFen]').fill('800');
    await dialog.getByTestId('authority-hint').getByText('¥50,000.00').waitFor();
    await dialog.getByTestId('step-confirm').click();
    const error = dialog.getByTestId('step-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('CONFLICT');
    expect(await error.innerText()).toContain('其他人刚刚修改了这条记录');
    await screenshot(page, '25-step-conflict');
    // Reloaded underneath: the correction is on the timeline; the same step now goes through.
    await waitForTimeline(page, 'updated');
    await dialog.getByTestId('step-confirm').click();
    await dialogClosed(dialog);
    await waitForTimeline(page, 'resolution_proposed');
    expect(await page.getByTestId('complaint-state').innerText()).toBe('方案待定');
    expect(await page.locator('[data-testid=timeline-event][data-kind=resolution_proposed]').innerText()).toContain('¥800.00');

    // Within the manager's authority: no approval step, the decision goes straight out.
    expect(await page.getByTestId('action-approve_resolution').count()).toBe(0);
    await takeStep(page, 'communicate_decision', async (d) => chooseOption(page, d, 'method', '电话'));
    await waitForTimeline(page, 'decision_communicated');
    await takeStep(page, 'close', async (d) => {
      await d.getByLabel('4 · 满意').check();
      await d.locator('textarea[name=note]').fill('回访：客户对处理结果基本满意');
    });
    await waitForTimeline(page, 'closed');
    expect(await page.getByTestId('complaint-state').innerText()).toBe('已结案');
    expect(await timelineKinds(page)).toEqual(['registered', 'accepted', 'assigned', 'updated', 'resolution_proposed', 'decision_communicated', 'closed']);
    const closed = await page.locator('[data-testid=timeline-event][data-kind=closed]').innerText();
    expect(closed).toContain('满意度 4 / 5');
    expect(closed).toContain('王强');
    // A closed complaint offers the appeal only.
    expect(await page.getByTestId('complaint-actions').locator('[data-testid^=action-]').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')))).toEqual(['action-appeal']);
    await screenshot(page, '26-complaint-closed');
  });

  test('the overdue and major quick filters show the rows the API counts, and combine', async () => {
    const { page } = files.session();
    await signIn(page, 'manager');
    await goTo(page, '/complaints');
    await page.locator('td.column-number').first().waitFor();
    await screenshot(page, '27-register');
    const manager = await apiAs('manager');
    const countOf = async (filter: Record<string, boolean>) =>
      (await manager.ok<{ _allComplaintsMeta: { count: number } }>('query ($f: ComplaintFilter) { _allComplaintsMeta(filter: $f) { count } }', { f: filter }))._allComplaintsMeta.count;
    const rows = page.locator('table tbody tr');

    await page.getByTestId('quick-overdue').click();
    await page.waitForURL(/overdue/);
    const overdue = await countOf({ overdue: true });
    expect(overdue).toBeGreaterThan(0);
    await eventually(async () => (await rows.count()) === overdue, `the register lists the ${overdue} overdue complaints`);
    // Every row has a clock past its deadline, shown red.
    for (const row of await rows.all()) expect(await row.locator('[data-tone=breached]').count()).toBeGreaterThan(0);

    await page.getByTestId('quick-major').click();
    await page.waitForURL(/major/);
    const both = await countOf({ overdue: true, major: true });
    await eventually(async () => (await rows.count()) === both && (await page.getByTestId('quick-major').getAttribute('data-active')) === 'true', 'overdue and major combine');
    for (const row of await rows.all()) expect(await row.getByTestId('severity-major').count()).toBe(1);
    await screenshot(page, '28-register-overdue-major');

    await page.getByTestId('quick-overdue').click();
    const major = await countOf({ major: true });
    expect(major).toBeGreaterThan(both);
    await eventually(async () => (await rows.count()) === major, `the register lists the ${major} major complaints`);
    for (const row of await rows.all()) expect(await row.getByTestId('severity-major').count()).toBe(1);
  });
});
