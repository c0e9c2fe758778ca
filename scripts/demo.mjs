#!/usr/bin/env node
// Builds the demo decision log (examples/): copies it into a fresh git repository whose history
// is fixed (each record added as `proposed`, then accepted, superseded, rejected or deprecated on
// fixed dates, GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), then runs `adrkit build` on it. The same
// files always give the same commits, so the site is reproducible.
//
// Usage: node scripts/demo.mjs [--out _site/demo] [--repo <folder>]
//   --out   site folder (default _demo, next to adrkit's own _site)
//   --repo  where the demo repository is created (default: a temp folder, removed afterwards)

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

/**
 * The history of the demo log: [day, commit message, record number, status it has after the
 * commit]. A status other than the file's final one is written into the copy of that commit;
 * `undefined` writes the file as it is in examples/.
 */
export const STEPS = [
  ['2026-01-06', 'adr: propose recording algorithm decisions', 1, 'proposed'],
  ['2026-01-08', 'adr 0001: accepted', 1, undefined],
  ['2026-01-20', 'adr: feature pipelines in pandas', 2, 'proposed'],
  ['2026-01-24', 'adr 0002: accepted', 2, 'accepted'],
  ['2026-02-03', 'adr: gradient boosting for churn scoring', 3, 'proposed'],
  ['2026-02-10', 'adr 0003: accepted after the hold-out review', 3, undefined],
  ['2026-02-17', 'adr: orchestrate training with Airflow', 4, undefined],
  ['2026-03-03', 'adr: track experiments with MLflow', 5, 'proposed'],
  ['2026-03-05', 'adr 0005: accepted', 5, undefined],
  ['2026-04-07', 'adr: label intent data with Prodigy', 10, 'accepted'],
  ['2026-05-12', 'adr: move feature pipelines to Polars', 6, 'proposed'],
  ['2026-05-19', 'adr 0006: accepted, supersedes 0002', [6, 'accepted'], [2, undefined]],
  ['2026-09-15', 'adr: answer support questions with RAG', 8, 'proposed'],
  ['2026-09-22', 'adr: LangChain for the RAG pipeline', 9, 'proposed'],
  ['2026-09-26', 'adr 0008 accepted, 0009 rejected, 0010 deprecated', [8, undefined], [9, undefined], [10, undefined]],
  ['2026-10-06', 'adr: serve the assistant with vLLM', 7, undefined],
  ['2026-10-20', 'adr: feature pipelines as SQL on DuckDB', 11, 'proposed'],
  ['2026-10-27', 'adr 0011: accepted, supersedes 0006', [11, undefined], [6, undefined]],
  ['2026-11-03', 'adr: explain churn scores with SHAP', 13, undefined],
  ['2026-11-12', 'adr: choose a text embedding model from benchmark and run evidence', 12, 'proposed'],
  ['2026-11-20', 'adr 0012: accepted; E5 large breaks the 50 ms latency constraint', 12, undefined],
];

/** Commit author of a step: the first decider of the (first) record it changes. */
function authorOf(files, number) {
  const text = readFileSync(join(EXAMPLES, 'adr', files.get(number)), 'utf8');
  const name = /^deciders: \[([^,\]]+)/m.exec(text)?.[1].trim() ?? 'Demo';
  return `${name} <${name.split(' ')[0].toLowerCase()}@example.com>`;
}

/** The text of record `number` with `status` (and no `superseded-by` unless superseded). */
function recordText(files, number, status) {
  const text = readFileSync(join(EXAMPLES, 'adr', files.get(number)), 'utf8');
  if (status === undefined) return text;
  let out = text.replace(/^status: .*$/m, `status: ${status}`);
  if (status !== 'superseded') out = out.replace(/^superseded-by: .*\n/m, '');
  return out;
}

/** Creates the demo repository in `repo` (must not exist or be empty). */
export function createDemoRepo(repo) {
  mkdirSync(repo, { recursive: true });
  const git = (args, env = {}) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Demo']);
  git(['config', 'user.email', 'demo@example.com']);
  git(['config', 'commit.gpgsign', 'false']);
  const files = new Map(
    execFileSync('ls', [join(EXAMPLES, 'adr')], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => /^\d{4}-.*\.md$/.test(f))
      .map((f) => [Number(f.slice(0, 4)), f]),
  );
  mkdirSync(join(repo, 'adr'), { recursive: true });
  cpSync(join(EXAMPLES, 'radar'), join(repo, 'radar'), { recursive: true });
  const config = JSON.parse(readFileSync(join(EXAMPLES, 'adrkit.config.json'), 'utf8'));
  delete config.$schema;
  writeFileSync(join(repo, 'adrkit.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  STEPS.forEach(([day, message, ...changes], k) => {
    const list = typeof changes[0] === 'number' ? [[changes[0], changes[1]]] : changes;
    for (const [number, status] of list) {
      writeFileSync(join(repo, 'adr', files.get(number)), recordText(files, number, status));
      git(['add', join('adr', files.get(number))]);
    }
    if (k === 0) git(['add', 'adrkit.config.json', 'radar']);
    const when = `${day}T09:${String(10 + k).padStart(2, '0')}:00Z`;
    const author = authorOf(files, list[0][0]);
    git(['commit', '-q', '-m', message, `--author=${author}`], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_COMMITTER_NAME: 'Demo', GIT_COMMITTER_EMAIL: 'demo@example.com' });
  });
  return repo;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(arg('--out', join(ROOT, '_demo')));
  const given = arg('--repo', undefined);
  const repo = given ? resolve(given) : join(mkdtempSync(join(tmpdir(), 'adrkit-demo-')), 'ranking-team');
  if (given) rmSync(repo, { recursive: true, force: true });
  createDemoRepo(repo);
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli', 'bin.js'), 'build', '--no-cache', '--out', out], { cwd: repo, stdio: 'inherit' });
  if (!given) rmSync(dirname(repo), { recursive: true, force: true });
}
