import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { GqlClient } from '../support/client';
import { apiAs } from './support/api';
import { baseUrl } from './support/env';
import { browserPerFile, goTo, menuEntries, openSession, signIn } from './support/browser';
import { eventually } from './support/eventually';
import { chooseOption } from './support/form';
import { autocomplete, shot, takeStep } from './support/steps';

/**
 * Quality inspection in the browser: an inspector plans and scores a periodic inspection (the
 * weighted score follows every typed item), records a finding and submits; the branch manager
 * reviews; the inspector publishes and raises the finding's rectification; its owner (an agent)
 * starts and completes it with evidence; an inspector verifies it. Then the ledger’s overdue filter.
 * One scenario: each test goes on from what the one before it left (the same inspection and rectification),
 * so the tests stay together in this file.
 */

const INSPECTION = `query ($id: ID!) { QualityInspection(id: $id) { id version state totalScore availableActions scoreSummary { total complete }
  findings { id rectification { id state } } } }`;
const RECTIFICATION = `query ($id: ID!) { QualityRectification(id: $id) { id state overdue ownerId } }`;

/** Demo checklist HOTLINE v1 weights, in order (server/src/modules/quality/quality-demo.ts). */
const WEIGHTS = [10, 10, 20, 15, 20, 10, 15];

/** What the page shows as the live weighted score. */
const liveScore = (page: Page) => page.getByTestId('live-score').innerText();

describe('quality inspection', () => {
  const files = browserPerFile();
  let inspector: GqlClient;
  let inspectionId = '';
  let rectificationId = '';

  beforeAll(async () => {
    inspector = await apiAs('inspector');
  });

  test('an inspector plans a periodic inspection from the half-year plan, scores it with the score following every item, records a finding and submits', async () => {
    const { page } = files.session();
    await signIn(page, 'inspector');
    const menu = await menuEntries(page);
    for (const entry of ['质检报告', '半年度质检计划', '回访工作台', '整改台账', '质检检查表']) expect(menu).toContain(entry);

    // The plan: the demo covers 北京 热线组 (published) and plans 上海 热线组 (draft); 北京 柜面组 is not covered yet.
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '半年度质检计划' }).first().click();
    await page.getByTestId('plan-table').waitFor();
    expect(await page.getByTestId('plan-coverage').innerText()).toMatch(/已覆盖 1 \/ \d+ 个班组/);
    const row = page.getByTestId('plan-row').filter({ hasText: '北京分公司' }).filter({ hasText: '柜面组' });
    expect(await row.getAttribute('data-covered')).toBe('no');
    expect(await page.getByTestId('plan-uncovered').innerText()).toContain('北京分公司 柜面组');
    await shot(page, 'quality-01-plan');

    await row.getByTestId('plan-inspection').click();
    await page.locator('input[name=period]').waitFor();
    await chooseOption(page, page, 'templateId', /热线服务质检表/);
    await shot(page, 'quality-02-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('inspection-page').waitFor();
    inspectionId = /qualityInspections\/(\d+)\/show/.exec(page.url())?.[1] ?? '';
    expect(inspectionId).not.toBe('');
    expect(await page.getByTestId('inspection-state').innerText()).toBe('草稿');
    // A draft without samples and scores cannot be submitted yet, but the button is offered to its inspector.
    await page.getByTestId('action-submit').waitFor();

    // The sample: the agent's work (not the inspector's own, nor the reviewing manager's).
    await page.getByTestId('add-sample').click();
    const sampleDialog = page.getByTestId('sample-dialog');
    await autocomplete(page, sampleDialog, 'refId', 'agent', /（agent）$/);
    await sampleDialog.getByTestId('step-confirm').click();
    await sampleDialog.waitFor({ state: 'detached' });
    await page.getByTestId('sample-table').getByText('agent', { exact: false }).first().waitFor();

    // Scoring: the weighted score follows each typed item, before anything is saved.
    const inputs = page.locator('[data-testid^=score-row-]');
    expect(await inputs.count()).toBe(WEIGHTS.length);
    const keys = await inputs.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('score-row-', '')));
    expect(await liveScore(page)).toBe('—');
    await page.getByTestId(`score-${keys[0]}`).fill('80');
    expect(await liveScore(page)).toBe('80.00');
    await page.getByTestId(`score-${keys[1]}`).fill('100');
    expect(await liveScore(page)).toBe('90.00');
    const scores = [80, 100, 90, 70, 100, null, 85];
    for (let i = 2; i < keys.length; i++) {
      if (scores[i] === null) await page.getByTestId(`na-${keys[i]}`).locator('input').check();
      else await page.getByTestId(`score-${keys[i]}`).fill(String(scores[i]));
    }
    await page.getByTestId(`evidence-${keys[3]}`).fill('录音 3 处未核验查询密码');
    // Σ(weight × score) / Σ(weight) over the applicable items: 7925 / 90.
    const points = scores.reduce<number>((sum, s, i) => sum + (s === null ? 0 : s * WEIGHTS[i]), 0);
    const weight = scores.reduce<number>((sum, s, i) => sum + (s === null ? 0 : WEIGHTS[i]), 0);
    const expected = (Math.round((points / weight) * 100) / 100).toFixed(2);
    expect(await liveScore(page)).toBe(expected);
    expect(await page.getByTestId('scored-of').innerText()).toBe(`已评 ${WEIGHTS.length} / ${WEIGHTS.length} 项`);
    await page.getByTestId('unsaved').waitFor();
    // Submitting waits for the scores to be saved.
    expect(await page.getByTestId('action-submit').isDisabled()).toBe(true);
    await shot(page, 'quality-03-scoring-live');
    await page.getByTestId('save-scores').click();
    await page.getByTestId('unsaved').waitFor({ state: 'detached' });
    const saved = (await inspector.ok<{ QualityInspection: { totalScore: number; scoreSummary: { total: number; complete: boolean } } }>(INSPECTION, { id: inspectionId })).QualityInspection;
    expect(saved.scoreSummary.total.toFixed(2)).toBe(expected);
    expect(saved.scoreSummary.complete).toBe(true);

    // A finding that needs a rectification.
    await page.getByTestId('add-finding').click();
    const findingDialog = page.getByTestId('finding-dialog');
    await chooseOption(page, findingDialog, 'dimension', '话术合规');
    await chooseOption(page, findingDialog, 'severity', '重要');
    await findingDialog.locator('textarea[name=description]').fill('柜面未按规定核验客户身份即办理保单信息变更');
    await autocomplete(page, findingDialog, 'concernedStaffId', 'agent', /（agent）$/);
    await findingDialog.getByLabel('需整改').check();
    await findingDialog.getByTestId('step-confirm').click();
    await findingDialog.waitFor({ state: 'detached' });
    await page.getByTestId('finding-row').first().waitFor();

    await takeStep(page, 'submit', async (dialog) => {
      await dialog.locator('textarea[name=note]').fill('已完成抽检');
    });
    await eventually(async () => (await page.getByTestId('inspection-state').innerText()) === '已提交', 'the inspection shows as submitted');
    // Submitted: the inspector neither edits it nor reviews their own report.
    expect(await page.getByTestId('save-scores').count()).toBe(0);
    expect(await page.getByTestId('action-review').count()).toBe(0);
    await shot(page, 'quality-04-submitted');

    // The plan now counts the team as covered.
    await goTo(page, '/quality-plan');
    await page.getByTestId('plan-table').waitFor();
    await eventually(async () => (await page.getByTestId('plan-row').filter({ hasText: '北京分公司' }).filter({ hasText: '柜面组' }).getAttribute('data-covered')) === 'yes', 'the team counts as covered');
  });

  test('the branch manager reviews; the inspector publishes, opens the printable report and raises the rectification', async () => {
    expect(inspectionId).not.toBe('');
    const { page } = files.session();
    await signIn(page, 'manager');
    const menu = await menuEntries(page);
    for (const entry of ['质检报告', '半年度质检计划', '整改台账']) expect(menu).toContain(entry);
    // Managers review; templates are the inspectors'.
    expect(menu).not.toContain('质检检查表');
    await goTo(page, '/qualityInspections');
    await page.getByTestId('inspection-table').waitFor();
    await page.getByTestId('inspection-table').locator('tbody tr').first().waitFor();
    await shot(page, 'quality-05-list-manager');
    await goTo(page, `/qualityInspections/${inspectionId}/show`);
    await page.getByTestId('action-review').waitFor();
    // A manager reviews or returns, and never publishes.
    expect(await page.getByTestId('action-publish').count()).toBe(0);
    expect(await page.getByTestId('action-return').count()).toBe(1);
    await takeStep(page, 'review');
    await eventually(async () => (await page.getByTestId('inspection-state').innerText()) === '已复核', 'the inspection shows as reviewed');

    const second = await openSession(files.browser());
    try {
      const p = second.page;
      await signIn(p, 'inspector');
      await goTo(p, `/qualityInspections/${inspectionId}/show`);
      await takeStep(p, 'publish');
      await eventually(async () => (await p.getByTestId('inspection-state').innerText()) === '已发布', 'the inspection shows as published');
      // Published: only a correction (a new version) is offered.
      await p.getByTestId('action-correct').waitFor();
      expect(await p.getByTestId('action-submit').count()).toBe(0);

      // The printable page and the PDF, with the console's session.
      const html = await p.getByTestId('print-link').getAttribute('href');
      const pdf = await p.getByTestId('pdf-link').getAttribute('href');
      expect(html).toBe(`/documents/quality-inspections/${inspectionId}.html`);
      const htmlResponse = await p.request.get(`${baseUrl()}${html}`);
      expect(htmlResponse.status()).toBe(200);
      expect(await htmlResponse.text()).toContain('柜面未按规定核验客户身份');
      const pdfResponse = await p.request.get(`${baseUrl()}${pdf}`);
      expect(pdfResponse.status()).toBe(200);
      expect((await pdfResponse.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // The finding needing action becomes a rectification owned by the agent.
      await p.getByTestId('raise-rectification').click();
      const dialog = p.getByTestId('rectification-dialog');
      await dialog.waitFor();
      // The owner starts as the staff member the finding concerns.
      await eventually(async () => (await dialog.locator('input[name=ownerId]').inputValue()).endsWith('（agent）'), 'the owner is the agent concerned');
      await dialog.locator('textarea[name=requiredAction]').fill('重新学习柜面身份核验流程，主管抽查 5 笔业务');
      await dialog.getByTestId('step-confirm').click();
      await dialog.waitFor({ state: 'detached' });
      const link = p.getByTestId('finding-row').first().getByRole('link');
      await link.waitFor();
      expect(await link.innerText()).toMatch(/^ZG\d{4}-\d{6}$/);
      await shot(p, 'quality-06-published');
      const after = (await inspector.ok<{ QualityInspection: { findings: Array<{ rectification: { id: string; state: string } | null }> } }>(INSPECTION, { id: inspectionId })).QualityInspection;
      rectificationId = after.findings[0].rectification!.id;
      expect(after.findings[0].rectification!.state).toBe('open');
    } finally {
      await second.context.close();
      expect(second.problems).toEqual([]);
    }
  });

  test('the owner starts and completes the rectification with evidence; an inspector verifies it', async () => {
    expect(rectificationId).not.toBe('');
    const { page } = files.session();
    await signIn(page, 'agent');
    // Agents keep no ledger in their menu; their own items open from the ledger's address (or a notification).
    await goTo(page, '/qualityRectifications');
    await page.getByTestId('rectification-table').waitFor();
    await goTo(page, `/qualityRectifications/${rectificationId}/show`);
    await page.getByTestId('action-start').waitFor();
    // The owner cannot verify their own item, nor reassign it.
    expect(await page.getByTestId('action-verify').count()).toBe(0);
    expect(await page.getByTestId('action-update').count()).toBe(0);
    await takeStep(page, 'start');
    await eventually(async () => (await page.getByTestId('rectification-state').innerText()) === '整改中', 'the item is in progress');
    await takeStep(page, 'complete', async (dialog) => {
      await dialog.locator('textarea[name=evidence]').fill('已完成培训考试（成绩 92 分），主管抽查 5 笔业务均已核验身份，记录见共享盘 /质检/整改');
    });
    await eventually(async () => (await page.getByTestId('rectification-state').innerText()) === '已完成', 'the item is done');
    expect(await page.getByTestId('evidence').innerText()).toContain('成绩 92 分');
    await shot(page, 'quality-07-rectification-done');

    const second = await openSession(files.browser());
    try {
      const p = second.page;
      await signIn(p, 'inspector');
      await goTo(p, `/qualityRectifications/${rectificationId}/show`);
      await p.getByTestId('action-reopen').waitFor();
      await takeStep(p, 'verify', async (dialog) => {
        await dialog.locator('textarea[name=note]').fill('抽查记录已核对');
      });
      await eventually(async () => (await p.getByTestId('rectification-state').innerText()) === '已验证', 'the item is verified');
      expect(await p.getByTestId('rectification-actions').innerText()).toContain('当前状态下您没有可执行的操作');
      await shot(p, 'quality-08-rectification-verified');
    } finally {
      await second.context.close();
      expect(second.problems).toEqual([]);
    }
    const verified = (await inspector.ok<{ QualityRectification: { state: string } }>(RECTIFICATION, { id: rectificationId })).QualityRectification;
    expect(verified.state).toBe('verified');
  });

  test('the ledger’s overdue filter lists exactly the items past their due day, with the badge', async () => {
    const { page } = files.session();
    // The demo's open rectification (北京 热线组, owned by the agent) is due in ten working days; move its due day into
    // the past in the database, as if those days had gone by.
    const { allQualityRectifications: open } = await inspector.ok<{ allQualityRectifications: Array<{ id: string; state: string }> }>(
      '{ allQualityRectifications(filter: { state: open }) { id state } }',
    );
    expect(open.length).toBeGreaterThan(0);
    const late = open[0].id;
    const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'insuredesk.sqlite'));
    try {
      // The server writes to the same file (its jobs run every minute): wait for its lock rather than fail.
      db.pragma('busy_timeout = 5000');
      db.prepare("UPDATE quality_rectification SET due_date = '2026-01-05', due_at = '2026-01-05 15:59:59.999' WHERE id = ?").run(Number(late));
    } finally {
      db.close();
    }
    const { _allQualityRectificationsMeta: overdueCount } = await inspector.ok<{ _allQualityRectificationsMeta: { count: number } }>('{ _allQualityRectificationsMeta(filter: { overdue: true }) { count } }');
    expect(overdueCount.count).toBe(1);

    await signIn(page, 'inspector');
    await page.locator('.RaMenu-open a, .RaMenu-closed a', { hasText: '整改台账' }).first().click();
    const rows = page.getByTestId('rectification-table').locator('tbody tr');
    await rows.first().waitFor();
    // The first row can appear before the page has settled: wait for the whole list and its one badge.
    await eventually(async () => (await rows.count()) >= 2 && (await page.getByTestId('overdue-badge').count()) === 1, 'the ledger lists every item, one of them overdue');
    await page.getByLabel('仅看逾期').check();
    await eventually(async () => (await rows.count()) === 1, 'the ledger lists the one overdue item');
    expect(await rows.first().getByTestId('overdue-badge').count()).toBe(1);
    expect(page.url()).toContain('overdue');
    await shot(page, 'quality-09-ledger-overdue');

    // The state filter on the server: verified items only.
    await page.getByLabel('仅看逾期').uncheck();
    await chooseOption(page, page, 'state', '已验证');
    await eventually(async () => (await rows.count()) === 1 && (await rows.first().innerText()).includes('已验证'), 'the ledger lists the verified item');
    await rows.first().click();
    await page.getByTestId('rectification-page').waitFor();
    expect(await page.getByTestId('overdue-badge').count()).toBe(0);
  });
});
