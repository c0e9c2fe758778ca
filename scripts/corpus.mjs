#!/usr/bin/env node
// `npm run corpus`: clones every ../shared/corpus/*.bundle into a temporary folder, reads it with
// the built adrkit (dist/, the same discovery and reading `adrkit list` uses, plus the git history
// `adrkit build` reads) and compares with ../shared/corpus/truth/<name>.json. Prints a markdown
// table per collection and overall (see scripts/corpus-lib.mjs for what "right" means).
//
// Usage: node scripts/corpus.mjs [name-or-part] [--json] [--details] [--corpus <dir>] [--dist <dir>]
//   name-or-part  only the collections whose name contains it
//   --json        the comparisons as JSON (every misread record with what was read and expected)
//   --details     after the table, every missing record, extra file and misread field
//   --dist        measure another build of adrkit (a private `tsc --outDir`) instead of dist/
// Exit status: 0 when read, 2 when the corpus is absent or a bundle cannot be cloned.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneBundle, collections, compare, corpusDir, readCollection, readTruth, renderDetails, renderTable } from './corpus-lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const valueOf = (name) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
const dir = valueOf('--corpus') ? resolve(valueOf('--corpus')) : corpusDir(ROOT);
const dist = valueOf('--dist') ? resolve(valueOf('--dist')) : join(ROOT, 'dist');
const json = argv.includes('--json');
const details = argv.includes('--details');
const filter = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--corpus' && argv[i - 1] !== '--dist');

const adrkit = await import(join(dist, 'index.js'));
const names = collections(dir).filter((n) => !filter || n.includes(filter));
if (names.length === 0) {
  process.stderr.write(filter ? `corpus: no collection matches "${filter}" in ${dir}\n` : `corpus: no bundles with truth files in ${dir}\n`);
  process.exit(2);
}

const temp = mkdtempSync(join(tmpdir(), 'adrkit-corpus-'));
const results = [];
try {
  for (const name of names) {
    const repo = join(temp, name);
    try {
      cloneBundle(dir, name, repo);
    } catch (error) {
      process.stderr.write(`corpus: cannot clone ${name}.bundle: ${String(error.stderr ?? error.message).trim()}\n`);
      process.exit(2);
    }
    results.push(compare(name, readTruth(dir, name), await readCollection(adrkit, repo)));
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  process.stdout.write(renderTable(results));
  if (details) process.stdout.write(`\n${results.map(renderDetails).join('')}`);
}
