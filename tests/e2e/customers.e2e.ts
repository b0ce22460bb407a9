import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { apiAs, revealAs } from './support/api';
import { goTo, launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser';
import { eventually } from './support/eventually';
import { residentId } from './support/ids';

/** The helper text under an input: where react-admin shows a field's error. */
const helperOf = (page: Page, source: string) =>
  page.locator('.MuiFormControl-root', { has: page.locator(`input[name="${source}"]`) }).locator('.MuiFormHelperText-root');

async function fillCustomer(page: Page, name: string, idNumber: string, phone: string): Promise<void> {
  await page.fill('input[name=name]', name);
  await page.fill('input[name=idNumber]', idNumber);
  await page.fill('input[name=phone]', phone);
}

/** Registering and correcting a customer, as a service manager would during the day. */
describe('customers: create and edit', () => {
  let browser: Browser;
  let session: Session;
  const ids = residentId();
  const name = `测试客户${Date.now().toString().slice(-5)}`;
  let customerId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
    await signIn(session.page, 'manager');
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  test('a wrong check digit is refused by the server and shown on the ID number field', async () => {
    const { page } = session;
    await goTo(page, '/customers/create');
    await page.locator('input[name=name]').waitFor();
    await fillCustomer(page, name, ids.wrongCheckDigit, '13800138000');
    await page.getByRole('button', { name: '保存' }).click();
    await helperOf(page, 'idNumber').getByText('校验位不正确').waitFor();
    expect(page.url()).toContain('/customers/create');
    await screenshot(page, '10-customer-create-validation');
  });

  test('a valid customer is created and shown with the ID number masked', async () => {
    const { page } = session;
    await page.fill('input[name=idNumber]', ids.valid);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/customers\/\d+\/show/);
    customerId = page.url().match(/customers\/(\d+)\/show/)![1];
    await page.getByTestId('customer-name').getByText(name).waitFor();
    expect(await page.getByTestId('value-idNumber').innerText()).toBe(`${ids.valid.slice(0, 3)}${'*'.repeat(11)}${ids.valid.slice(-4)}`);
    await screenshot(page, '11-customer-created');
  });

  test('editing a masked record changes what was edited and leaves the real ID number intact', async () => {
    const { page } = session;
    await goTo(page, `/customers/${customerId}`);
    const idInput = page.locator('input[name=idNumber]');
    await idInput.waitFor();
    expect(await idInput.inputValue()).toMatch(/\*{4,}/);
    // A manager may change identity fields too (agents get read-only text instead: see access.e2e.ts).
    for (const field of ['idType', 'branchId', 'status']) expect(await page.locator(`input[name=${field}]`).count()).toBe(1);
    await page.fill('input[name=occupation]', '软件工程师');
    await page.fill('input[name=name]', `${name}（已更正）`);
    await screenshot(page, '12-customer-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/customers\/\d+\/show/);
    await page.getByTestId('customer-name').getByText(`${name}（已更正）`).waitFor();

    const manager = await apiAs('manager');
    expect(await revealAs(manager, customerId, 'idNumber')).toBe(ids.valid);
    expect(await revealAs(manager, customerId, 'phone')).toBe('13800138000');
  });

  test('a value typed over the mask is saved; mask characters are refused', async () => {
    const { page } = session;
    await goTo(page, `/customers/${customerId}`);
    const phone = page.locator('input[name=phone]');
    await phone.waitFor();
    await phone.fill('138****9999');
    await page.getByRole('button', { name: '保存' }).click();
    await helperOf(page, 'phone').getByText('脱敏字符').waitFor();
    await phone.fill('13900139000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/customers\/\d+\/show/);
    const manager = await apiAs('manager');
    expect(await revealAs(manager, customerId, 'phone')).toBe('13900139000');
    expect(await revealAs(manager, customerId, 'idNumber')).toBe(ids.valid);
  });

  test('the filtered list exports as CSV through the server: masked like the screen, and audited', async () => {
    const { page } = session;
    await goTo(page, `/customers?filter=${encodeURIComponent(JSON.stringify({ q: ids.valid }))}`);
    await page.locator('td.column-name').getByText(name).waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff); // Excel needs the byte-order mark for Chinese text
    expect(csv).toContain(name);
    expect(csv).toContain(`${ids.valid.slice(0, 3)}${'*'.repeat(11)}${ids.valid.slice(-4)}`);
    expect(csv).not.toContain(ids.valid);

    const compliance = await apiAs('compliance');
    const audit = await compliance.ok<{ allAuditEntries: { subjectType: string; staffUsername: string }[] }>(
      'query { allAuditEntries(filter: { action: "export" }, sortField: "id", sortOrder: DESC, perPage: 5) { subjectType staffUsername } }',
    );
    expect(audit.allAuditEntries).toContainEqual({ subjectType: 'Customer', staffUsername: 'manager' });
  });

  test('a conflicting save says someone else changed the record and reloads it', async () => {
    const { page } = session;
    await goTo(page, `/customers/${customerId}`);
    await page.locator('input[name=occupation]').waitFor();
    // Someone else saves the same customer meanwhile.
    const other = await apiAs('manager');
    const { Customer } = await other.ok<{ Customer: { version: number } }>('query ($id: ID!) { Customer(id: $id) { version } }', { id: customerId });
    await other.ok('mutation ($id: ID!, $v: Int!) { updateCustomer(id: $id, version: $v, occupation: "教师") { id } }', { id: customerId, v: Customer.version });

    await page.fill('input[name=occupation]', '医生');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('其他人刚刚修改了这条记录').waitFor();
    // Reloaded: the form now shows the other person's change.
    await eventually(async () => (await page.locator('input[name=occupation]').inputValue()) === '教师', 'the form shows the reloaded record');
    await screenshot(page, '13-customer-conflict');
    expect(session.problems).toEqual([]);
  });
});
