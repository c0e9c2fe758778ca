// Writes the generated artefacts (schema/*.json, docs/rules.md) from the built code,
// or with --check exits 1 listing the stale ones. Run `npm run gen` after changing the model or rules.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from '../dist/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const stale = [];
for (const [path, content] of generatedFiles()) {
  const abs = join(root, path);
  let current;
  try {
    current = readFileSync(abs, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  if (check) stale.push(path);
  else {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    console.log(`wrote ${path}`);
  }
}
if (stale.length) {
  console.error(`stale generated files (run \`npm run gen\` and commit):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
