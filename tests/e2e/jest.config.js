// Browser tests, a jest project of their own (not part of `npm test`): one built server for the whole
// run (global setup), Debian's chromium driven by playwright-core, files run one after another.
// Run with `npm run test:e2e` after `npm run build`.
const fs = require('fs');
const path = require('path');
const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../.swcrc'), 'utf8'));
delete swc.$schema;

module.exports = {
  rootDir: __dirname,
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { ...swc, swcrc: false }] },
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 90_000,
  slowTestThreshold: 30,
  // fetch (undici) keeps idle keep-alive sockets to the server open for a few seconds after the last check.
  forceExit: true,
};
