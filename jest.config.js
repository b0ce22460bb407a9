// Three projects: unit specs live beside the pure logic they test; api suites (and the red-team suite in
// tests/security) drive GraphQL over HTTP against a real database (embedded SQLite by default, MySQL/MariaDB when TEST_DATABASE_URL is set).
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;
const transform = { '^.+\\.tsx?$': ['@swc/jest', { ...swc, swcrc: false }] };

module.exports = {
  maxWorkers: 2,
  // Global only: jest ignores testTimeout inside projects. Each api suite starts a real server and database.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/server/src'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/tests/api'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/setup-env.ts'],
    },
    {
      // The red-team suite: each role tries to break the permissions and the limits over HTTP.
      displayName: 'security',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/tests/security'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/setup-env.ts'],
    },
  ],
};
