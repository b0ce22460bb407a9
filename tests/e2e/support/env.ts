import path from 'node:path';

/** Where the run keeps what a person looks at afterwards: screenshots and the server's log (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

export const DEMO_PASSWORD = 'e2e-demo-pass-2026';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Set by the global setup before any test file runs. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');
  return url;
}
