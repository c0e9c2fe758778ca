#!/usr/bin/env node
// adrkit MCP benchmark: `adrkit mcp` on the generated 1,000-record log (bench/generate.mjs),
// driven by the MCP SDK's client over stdio as an assistant would:
//   - start: spawning the server to the first `list_records` answer (initialize handshake included);
//   - later calls: `list_records` and `search` round trips once the server runs (the first search
//     builds the index and is reported on its own).
// Baselines in the same run: `node -e 0` and the CLI `adrkit list --format json` on the same log
// (whole process). Median of >= 5 runs after one warm-up. Prints a markdown table and writes
// bench/out/mcp.json. Exits 0 even when a target is missed: the table says so.
//
// Usage: node bench/mcp.mjs [--runs 5] [--n 1000] [--bin dist/cli/bin.js]

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { generateRepo, OUT_DIR } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const RUNS = Math.max(5, Number(value('--runs', 5)) || 5);
const N = Number(value('--n', 1000)) || 1000;
const BIN = resolve(value('--bin', join(ROOT, 'dist', 'cli', 'bin.js')));
const CALLS = 30;
const QUERIES = ['model', 'embedding', 'latency', 'gpu', 'pipeline', 'accepted', 'polars', 'drift', 'cost', 'evaluation'];
const log = (msg) => process.stderr.write(`bench mcp: ${msg}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function wall(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  return seconds;
}

function baseline(label, cmd, args, cwd) {
  wall(cmd, args, cwd);
  const times = Array.from({ length: RUNS }, () => wall(cmd, args, cwd));
  log(`${label}: median ${median(times).toFixed(3)} s`);
  return median(times);
}

/** One server session: start to first list answer, then later list and search round trips (ms). */
async function session(dir) {
  const t0 = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: dir, stderr: 'ignore' });
  const client = new Client({ name: 'adrkit-bench', version: '1.0.0' });
  await client.connect(transport);
  const first = await client.callTool({ name: 'list_records', arguments: {} });
  const start = (performance.now() - t0) / 1000;
  if (first.isError || first.structuredContent.total !== N) throw new Error(`list_records: ${JSON.stringify(first).slice(0, 200)}`);
  const timed = async (name, args) => {
    const t = performance.now();
    const r = await client.callTool({ name, arguments: args });
    if (r.isError) throw new Error(`${name}: ${r.content[0].text}`);
    return performance.now() - t;
  };
  const firstSearch = await timed('search', { query: 'model' });
  const list = [];
  const search = [];
  for (let i = 0; i < CALLS; i++) {
    list.push(await timed('list_records', {}));
    search.push(await timed('search', { query: QUERIES[i % QUERIES.length] }));
  }
  const hits = (await client.callTool({ name: 'search', arguments: { query: 'model' } })).structuredContent.hits.length;
  await client.close();
  return { start, firstSearch, list: median(list), search: median(search), hits };
}

const repo = generateRepo(N);
log(`log: ${repo.dir} (${N} records)`);
const nodeFloor = baseline('node -e 0', process.execPath, ['-e', '0'], repo.dir);
const cliList = baseline('adrkit list --format json', process.execPath, [BIN, 'list', '--format', 'json'], repo.dir);

log('adrkit mcp sessions …');
await session(repo.dir); // warm-up: fills the record cache, as a second editor start would find it
const sessions = [];
for (let i = 0; i < RUNS; i++) sessions.push(await session(repo.dir));
const m = {
  start: median(sessions.map((s) => s.start)),
  firstSearch: median(sessions.map((s) => s.firstSearch)),
  list: median(sessions.map((s) => s.list)),
  search: median(sessions.map((s) => s.search)),
};
log(`start to first list_records: ${m.start.toFixed(3)} s; list ${m.list.toFixed(1)} ms; search ${m.search.toFixed(1)} ms (first ${m.firstSearch.toFixed(0)} ms, ${sessions[0].hits} hits)`);

const rows = [
  { case: 'mcp: start to first list_records', value: `${m.start.toFixed(3)} s`, baseline: `adrkit list ${cliList.toFixed(3)} s; node -e 0 ${nodeFloor.toFixed(3)} s (${(m.start / nodeFloor).toFixed(1)}×)`, ratio: m.start / cliList, target: '≤ 0.5 s', pass: m.start <= 0.5 },
  { case: 'mcp: list_records round trip', value: `${m.list.toFixed(1)} ms`, baseline: `adrkit list ${(cliList * 1000).toFixed(0)} ms`, ratio: m.list / 1000 / cliList, target: '≤ 50 ms', pass: m.list <= 50 },
  { case: 'mcp: search round trip', value: `${m.search.toFixed(1)} ms`, baseline: `adrkit list ${(cliList * 1000).toFixed(0)} ms`, ratio: m.search / 1000 / cliList, target: '≤ 50 ms', pass: m.search <= 50 },
  { case: 'mcp: first search (builds the index)', value: `${m.firstSearch.toFixed(0)} ms`, baseline: `adrkit list ${(cliList * 1000).toFixed(0)} ms`, ratio: m.firstSearch / 1000 / cliList, target: '', pass: undefined },
];
const table = [
  `| case (N = ${N}) | median | baseline (same run) | ratio | target | |`,
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.case} | ${r.value} | ${r.baseline} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED'} |`),
  '',
  `Baselines: node -e 0 ${nodeFloor.toFixed(3)} s; adrkit list --format json ${cliList.toFixed(3)} s (whole process). Median of ${RUNS} sessions after one warm-up; later calls: median of ${CALLS} calls per session. ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(', ')}.`,
  '',
].join('\n');
process.stdout.write(table);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'mcp.json'), `${JSON.stringify({ n: N, runs: RUNS, baselines: { node: nodeFloor, cli_list: cliList }, medians: m, sessions, rows, markdown: table }, null, 2)}\n`);
