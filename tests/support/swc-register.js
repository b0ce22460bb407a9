// Lets a child process run the server's TypeScript sources as they are (node -r tests/support/swc-register.js
// server/src/main.ts), compiled on require with the project's own .swcrc, for suites that need the real
// entry point rather than createApp.
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const options = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.swcrc'), 'utf8'));
delete options.$schema;

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
