import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, baseUrl, CHROMIUM, DEMO_PASSWORD } from './env';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors and missing translations seen so far. */
  problems: string[];
}

/**
 * One browser for the test file and a fresh profile for each test, closed after it; a test fails when
 * its page logged an error or a missing translation. Call at the top of a describe block.
 */
export function browserPerFile(): { browser(): Browser; session(): Session } {
  let browser: Browser | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await openSession(browser!);
  });
  afterEach(async () => {
    await session?.context.close();
    expect(session?.problems).toEqual([]);
  });
  return { browser: () => browser!, session: () => session! };
}

/** A fresh browser profile (no cookies, no saved language) as a staff member at a desk in Shanghai. */
export async function openSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Missing translation/i.test(text)) problems.push(`missing translation: ${text}`);
    // Failed requests are logged by the browser as console errors; a 4xx the console handles is not a problem.
    else if (message.type() === 'error' && !/Failed to load resource/.test(text)) problems.push(`console error: ${text}`);
  });
  return { context, page, problems };
}

export async function goTo(page: Page, route: string): Promise<void> {
  await page.goto(`${baseUrl()}/#${route}`);
}

/** Signs in through the sign-in page and waits for the app bar to show who is signed in. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.getByTestId('staff-badge').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('staff-badge').click();
  await page.getByRole('menuitem').last().click();
  await page.locator('input[name=username]').waitFor();
}

/** A full-page screenshot in tests/e2e/artifacts, once network and animations have settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The side menu's entries, by their visible text. */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open a, .RaMenu-closed a');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}
