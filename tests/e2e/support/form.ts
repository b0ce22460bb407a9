import type { Locator, Page } from 'playwright-core';

const pageOf = (scope: Page | Locator): Page => ('page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page));

/**
 * The form control holding an input, found by the input's name (react-admin names inputs by their
 * source). The `has` locator must be rooted at the page: Playwright resolves it inside each candidate.
 */
export const controlOf = (scope: Page | Locator, source: string) =>
  scope.locator('.MuiFormControl-root', { has: pageOf(scope).locator(`input[name="${source}"]`) }).first();

/** The helper text under an input: where react-admin shows a field's error. */
export const helperOf = (scope: Page | Locator, source: string) => controlOf(scope, source).locator('.MuiFormHelperText-root');

/** Picks an option of a select input (MUI renders a combobox and a listbox in a popover). */
export async function chooseOption(page: Page, scope: Page | Locator, source: string, option: string | RegExp): Promise<void> {
  await controlOf(scope, source).getByRole('combobox').click();
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}
