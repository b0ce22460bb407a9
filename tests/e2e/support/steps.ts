import type { Page } from 'playwright-core';
import { screenshot } from './browser';

// Page helpers of the quality screens' scenario (quality.e2e.ts): a screenshot from the top, a workflow
// step's dialog, an autocomplete input.

/** A screenshot from the top of the page (the app bar is fixed: a scrolled full-page shot would show it mid-page). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

/** Opens a step's dialog from its button, fills it, confirms, and waits for it to close (failing with the server's refusal otherwise). */
export async function takeStep(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByTestId('step-confirm').click();
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const said = await dialog.getByTestId('step-error').innerText({ timeout: 1000 }).catch(() => 'no error shown');
    throw new Error(`the ${action} dialog stayed open: ${said}`, { cause: error });
  }
}

/** Picks an option of an autocomplete input (react-admin's AutocompleteInput) by typing and choosing. */
export async function autocomplete(page: Page, scope: Page | ReturnType<Page['getByRole']>, source: string, typed: string, option: RegExp): Promise<void> {
  const input = scope.locator(`input[name="${source}"]`);
  await input.click();
  await input.fill(typed);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}
