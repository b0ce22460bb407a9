// Fails the build when the Chinese messages miss a key that English has (react-admin's or ours), or
// drop a %{placeholder}: the Chinese packs on the registry are incomplete, so ours must be complete.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function load(entry) {
  const result = await build({
    entryPoints: [`${root}/src/i18n/${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function leaves(messages, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') leaves(value, path, out);
    else out.set(path, String(value));
  }
  return out;
}

const namesIn = (text) => new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).filter((name) => name !== 'smart_count'));

// Chinese has a single plural form: it must keep the placeholders every English form uses.
function placeholders(text) {
  const forms = text.split('||||').map(namesIn);
  return [...forms[0]].filter((name) => forms.every((form) => form.has(name)));
}

const [{ en }, { zh }] = await Promise.all([load('en.ts'), load('zh.ts')]);
const english = leaves(en);
const chinese = leaves(zh);
const problems = [];
for (const [key, text] of english) {
  if (!chinese.has(key)) {
    problems.push(`missing zh message: ${key}`);
    continue;
  }
  const zhText = chinese.get(key);
  if (!zhText.trim() && text.trim()) problems.push(`empty zh message: ${key}`);
  for (const name of placeholders(text)) {
    if (!zhText.includes(`%{${name}}`)) problems.push(`zh message ${key} lacks %{${name}}`);
  }
}
for (const key of chinese.keys()) if (!english.has(key)) problems.push(`zh message without an English one: ${key}`);
if (problems.length) {
  console.error(`i18n check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n check: ${english.size} messages, zh complete`);
