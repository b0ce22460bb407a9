import type { Page } from 'playwright-core';

/**
 * The demo data has no 10,000 rows: on the way to the real server, the console's `countLimit` is
 * replaced by `limitFor` of the request's variables, so the server answers "more" as it would at a
 * million rows. Only requests that carry a count limit are touched.
 */
export async function lowerCountLimit(page: Page, limitFor: (variables: { page: number; perPage: number }) => number): Promise<void> {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON();
    if (body?.variables?.countLimit === undefined) return route.continue();
    await route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, countLimit: limitFor(body.variables) } }) });
  });
}
