#!/usr/bin/env node
// adrkit benchmark: whole-process wall time (median of >= 5 runs) and peak RSS of `adrkit lint`
// and `adrkit build` on generated decision logs (bench/generate.mjs), as ratios against baselines
// measured in the same run (`node -e 0` for lint, `git log --name-status` for build), plus the
// weight of the built site. Prints a markdown table and writes bench/out/results.json.
// Exits 0 even when a target is missed: the table says so.
//
// Hostile input: `adrkit lint` on a record whose body is one 100 KB line of `[` (and of `![`, `[](`),
// as a ratio to the same command on a record of 100 KB of prose, so super-linear parsing shows.
//
// Usage: node bench/run.mjs [--runs 5] [--quick] [--peers] [--only lint|build|site|hostile|discovery] [--bin dist/cli/bin.js]
//   --quick   N = 100 and 1,000 only (skips the 10,000-record log)
//   --peers   also installs log4brains and adr-log into a temp folder and times them on N = 100

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateRepo, OUT_DIR } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const BIN_ARG = process.argv.indexOf('--bin');
// --bin <path/to/cli/bin.js>: time another build of adrkit (e.g. a private `tsc --outDir`) instead of dist/.
const BIN = BIN_ARG > 0 ? resolve(process.argv[BIN_ARG + 1]) : join(ROOT, 'dist', 'cli', 'bin.js');
const WRAPPER = join(HERE, 'rss-wrapper.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const LOAD_START = loadavg();

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const RUNS = Math.max(5, Number(value('--runs', 5)) || 5);
const QUICK = flag('--quick');
const ONLY = value('--only', undefined);
const want = (group) => !ONLY || ONLY.split(',').includes(group);

mkdirSync(OUT_DIR, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'adrkit-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

/**
 * Runs `cmd args` once and returns wall seconds, peak RSS in KB (undefined when it cannot be
 * measured) and the exit status. Wall time covers the whole child process (spawn to exit).
 * Peak RSS comes from `/usr/bin/time -f %M`, else, for node commands, from bench/rss-wrapper.mjs.
 */
function runOnce(cmd, args, { cwd, env } = {}) {
  const rssFile = join(scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let file = cmd;
  let full = args;
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (TIME) {
    file = TIME;
    full = ['-f', '%M %U %S', '-o', rssFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    // node <entry> args -> node rss-wrapper.mjs <entry> args ; node -e 0 -> node rss-wrapper.mjs -
    full = args[0] === '-e' ? [WRAPPER, '-'] : [WRAPPER, ...args];
    childEnv.ADRKIT_BENCH_RSS = rssFile;
  }
  const start = process.hrtime.bigint();
  const res = spawnSync(file, full, { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssKb;
  let cpu;
  try {
    const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssKb = kb;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user + sys;
    rmSync(rssFile, { force: true });
  } catch {
    rssKb = undefined;
  }
  const stderr = String(res.stderr ?? '')
    .split('\n')
    .filter((l) => !/^Command exited with non-zero status/.test(l))
    .join('\n')
    .trim();
  return { seconds, cpu, rssKb: Number.isFinite(rssKb) ? rssKb : undefined, status: res.status, error: res.error?.message, stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Measures a command: one warm-up run (page cache), then `runs` timed runs.
 * @param ok - accepts an exit status (lint exits 1 on findings, which is still a valid run).
 * @param before - called before every run (outside the timing), e.g. to empty the output folder.
 * @returns {{median, times, peakMb, status, failure?}}
 */
function measure(label, cmd, args, { cwd, runs = RUNS, ok = (s) => s === 0, before } = {}) {
  log(`${label} …`);
  before?.();
  const warm = runOnce(cmd, args, { cwd });
  if (!ok(warm.status)) return { failure: firstLine(warm.error ?? warm.stderr) || `exit ${warm.status}`, status: warm.status };
  const times = [];
  const cpus = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = runOnce(cmd, args, { cwd });
    if (!ok(r.status)) return { failure: firstLine(r.error ?? r.stderr) || `exit ${r.status}`, status: r.status };
    times.push(r.seconds);
    if (r.cpu !== undefined) cpus.push(r.cpu);
    if (r.rssKb !== undefined) peak = Math.max(peak, r.rssKb);
  }
  const m = median(times);
  log(`${label}: median ${m.toFixed(3)} s, peak ${peak ? (peak / 1024).toFixed(0) : '?'} MB`);
  return { median: m, times, cpu: cpus.length ? median(cpus) : undefined, peakMb: peak ? peak / 1024 : undefined };
}

function firstLine(text) {
  return String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0)
    ?.slice(0, 160);
}

const rows = [];
/**
 * Adds a table row. `target` = {seconds?, mb?, ratio?, bytes?}; `value` holds what is compared.
 */
function addRow({ name, n, m, baseline, target = {}, note }) {
  const row = { case: name, n, median_s: m?.median, cpu_s: m?.cpu, baseline_cpu_s: baseline?.cpu, peak_mb: m?.peakMb, baseline_s: baseline?.median, ratio: m?.median && baseline?.median ? m.median / baseline.median : undefined, target, note };
  if (m?.failure) {
    row.pass = undefined;
    row.note = `not available: ${m.failure}`;
  } else {
    const checks = [];
    if (target.seconds !== undefined) checks.push(m.median <= target.seconds);
    if (target.mb !== undefined && m.peakMb !== undefined) checks.push(m.peakMb <= target.mb);
    if (target.ratio !== undefined) checks.push(row.ratio <= target.ratio);
    if (target.bytes !== undefined) checks.push(row.bytes <= target.bytes);
    row.pass = checks.length ? checks.every(Boolean) : undefined;
  }
  rows.push(row);
  return row;
}

const node = process.execPath;
const adrkit = (...args) => [BIN, ...args];

if (!existsSync(BIN)) {
  console.error(`bench: ${relative(process.cwd(), BIN)} is missing: run \`npm run build\` first (npm run bench does)`);
  process.exit(2);
}

// ------------------------------------------------------------------ fixtures
const sizes = QUICK ? [100, 1000] : [100, 1000, 10000];
const repos = {};
for (const n of sizes) {
  const t0 = Date.now();
  repos[n] = generateRepo(n);
  log(`log N=${n}: ${repos[n].dir} (${repos[n].commits} commits, ${repos[n].cached ? 'cached' : `generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`})`);
}

// ------------------------------------------------------------------ baselines
const nodeFloor = measure('baseline node -e 0', node, ['-e', '0']);
const gitFloor = {};
for (const n of sizes) gitFloor[n] = measure(`baseline git log --name-status N=${n}`, 'git', ['log', '--name-status'], { cwd: repos[n].dir });

// ------------------------------------------------------------------ lint
const lintOk = (s) => s === 0 || s === 1;
if (want('lint')) {
  const m = measure('adrkit lint N=1000', node, adrkit('lint'), { cwd: repos[1000].dir, ok: lintOk });
  addRow({ name: 'adrkit lint (whole log)', n: 1000, m, baseline: nodeFloor, target: { seconds: 0.35 } });

  if (repos[10000]) {
    const dir = repos[10000].dir;
    const staged = join(repos[10000].logDir, '10001-staged-record.md');
    const source = readFileSync(join(dir, repos[10000].sampleFile), 'utf8').replace(/^title: .*$/m, 'title: A newly staged decision record').replace(/^status: .*$/m, 'status: proposed');
    writeFileSync(join(dir, staged), source);
    spawnSync('git', ['add', staged], { cwd: dir });
    try {
      const one = measure('adrkit lint <one staged file> N=10000', node, adrkit('lint', staged), { cwd: dir, ok: lintOk });
      addRow({ name: 'adrkit lint <one staged file>', n: 10000, m: one, baseline: nodeFloor, target: { seconds: 0.5 } });
    } finally {
      spawnSync('git', ['rm', '-q', '--cached', '-f', staged], { cwd: dir });
      rmSync(join(dir, staged), { force: true });
    }
  }
}

// ------------------------------------------------------------------ hostile input
if (want('hostile')) {
  const record = (body) => `---\ntitle: A hostile record\nstatus: proposed\ndate: 2025-01-01\n---\n# A hostile record\n\n${body}\n`;
  const logWith = (name, body) => {
    const dir = join(scratch, name);
    mkdirSync(join(dir, 'adr'), { recursive: true });
    writeFileSync(join(dir, 'adr', '0001-a-hostile-record.md'), record(body));
    return dir;
  };
  const SIZE = 100_000;
  const prose = logWith('hostile-baseline', 'lorem ipsum dolor sit amet, '.repeat(Math.ceil(SIZE / 28)).slice(0, SIZE));
  const floor = measure('baseline adrkit lint, 100 KB of prose', node, adrkit('lint', 'adr/0001-a-hostile-record.md'), { cwd: prose, ok: lintOk });
  for (const unit of ['[', '![', '[](']) {
    const dir = logWith(`hostile-${unit.length}-${unit.charCodeAt(unit.length - 1)}`, unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE));
    const m = measure(`adrkit lint, one 100 KB line of ${unit}`, node, adrkit('lint', 'adr/0001-a-hostile-record.md'), { cwd: dir, ok: lintOk });
    addRow({ name: `adrkit lint: 100 KB line of \`${unit}\``, n: 1, m, baseline: floor, target: { ratio: 3 }, note: 'baseline: the same record with 100 KB of prose' });
  }
}

// ------------------------------------------------------------------ build
const buildOut = join(scratch, 'site');
const emptyOut = () => rmSync(buildOut, { recursive: true, force: true });
const builds = {};
if (want('build') || want('site')) {
  for (const n of sizes) {
    if (!want('build') && n !== 1000) continue;
    const m = measure(`adrkit build N=${n}`, node, adrkit('build', '--out', buildOut), { cwd: repos[n].dir, before: emptyOut });
    builds[n] = m;
    const target = n === 1000 ? { seconds: 2.5, mb: 300 } : n === 10000 ? { seconds: 20, mb: 1024 } : {};
    if (want('build')) addRow({ name: 'adrkit build', n, m, baseline: gitFloor[n], target });
    if (n === 1000 && !m.failure) builds.site1000 = siteWeight(buildOut);
  }
  if (want('build') && builds[1000] && builds[10000]) {
    const a = builds[1000];
    const b = builds[10000];
    const row = { case: 'build scaling t(10k)/t(1k)', n: 10000, target: { ratio: 12 } };
    if (a.failure || b.failure) rows.push({ ...row, note: `not available: ${a.failure ?? b.failure}` });
    else {
      const ratio = b.median / a.median;
      rows.push({ ...row, ratio, pass: ratio <= 12, note: `git log floor scales ×${(gitFloor[10000].median / gitFloor[1000].median).toFixed(1)}` });
    }
  }
  if (want('site') || want('build')) {
    const s = builds.site1000;
    if (!s) rows.push({ case: 'site: home page', n: 1000, target: { bytes: 200 * 1024 }, note: `not available: ${builds[1000]?.failure ?? 'no build'}` }, { case: 'site: search index (gzip)', n: 1000, target: { bytes: 1024 * 1024 }, note: `not available: ${builds[1000]?.failure ?? 'no build'}` });
    else {
      rows.push({ case: 'site: home page', n: 1000, bytes: s.home, target: { bytes: 200 * 1024 }, pass: s.home !== undefined ? s.home <= 200 * 1024 : undefined, note: s.homeFile ?? 'no index.html found' });
      rows.push({ case: 'site: search index (gzip)', n: 1000, bytes: s.searchGz, target: { bytes: 1024 * 1024 }, pass: s.searchGz !== undefined ? s.searchGz <= 1024 * 1024 : undefined, note: s.searchFile ? `${s.searchFile}, ${kb(s.searchRaw)} raw` : 'no search index found' });
      rows.push({ case: 'site: total', n: 1000, bytes: s.total, note: `${s.files} files` });
    }
  }
}

// ------------------------------------------------------------------ discovery (hostile input)
// Decision log discovery reads every folder down to 4 levels and sniffs numbered files for
// record signals; format detection reads metadata lines. Both must stay linear in the input: a
// tree of numbered guides made of pathological lines (heading marks, bars, emphasis without an
// end) and a log whose record is one huge metadata table, at two sizes (×4): the ratio should
// stay near 4 (linear), far from 16 (quadratic).
if (want('discovery')) {
  const hostile = (kb) => {
    const dir = join(scratch, `hostile-${kb}`);
    const line = `${'#'.repeat(6)} ${'*_'.repeat(40)} status${' '.repeat(60)}|${'| '.repeat(30)}\n`;
    const text = line.repeat(Math.ceil((kb * 1024) / line.length));
    for (const a of ['a', 'b', 'c', 'd']) for (const b of ['e', 'f', 'g', 'h']) for (const c of ['i', 'j']) {
      const folder = join(dir, 'docs', a, b, c);
      mkdirSync(folder, { recursive: true });
      for (let i = 1; i <= 3; i++) writeFileSync(join(folder, `0${i}-chapter.md`), text);
    }
    mkdirSync(join(dir, 'docs', 'adr'), { recursive: true });
    const table = `| Field | Value |\n|---|---|\n${'| Status | Accepted |\n'.repeat(Math.ceil((kb * 1024) / 22))}`;
    writeFileSync(join(dir, 'docs', 'adr', '0001-huge-table.md'), `# Huge table\n\n${table}\n## Context\n\nC.\n`);
    writeFileSync(join(dir, 'docs', 'adr', '0002-plain.md'), '# Plain\n\n## Status\n\nAccepted\n');
    return dir;
  };
  const small = measure('adrkit list, hostile tree 64 KB files', node, adrkit('list'), { cwd: hostile(64) });
  const large = measure('adrkit list, hostile tree 256 KB files', node, adrkit('list'), { cwd: hostile(256) });
  addRow({ name: 'adrkit list (hostile tree, 96 numbered guides of 64 KB + a 64 KB metadata table)', n: 98, m: small, baseline: nodeFloor, target: { seconds: 1.5 } });
  const row = { case: 'discovery + format detection, input ×4', n: 98, target: { ratio: 6 } };
  if (small.failure || large.failure) rows.push({ ...row, note: `not available: ${small.failure ?? large.failure}` });
  else {
    const ratio = (large.median - nodeFloor.median) / Math.max(0.001, small.median - nodeFloor.median);
    rows.push({ ...row, ratio, pass: ratio <= 6, note: 'time above node -e 0; 4 = linear, 16 = quadratic' });
  }
}

/** Weight of a built site: home page bytes, gzipped search index bytes (largest file named *search*), total. */
function siteWeight(dir) {
  if (!existsSync(dir)) return undefined;
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push({ path: relative(dir, p), size: statSync(p).size });
    }
  };
  walk(dir);
  const home = files.find((f) => f.path === 'index.html');
  const search = files.filter((f) => /search/i.test(f.path) && /\.(json|js|mjs)$/.test(f.path) && !/\.map$/.test(f.path)).sort((a, b) => b.size - a.size)[0];
  return {
    home: home?.size,
    homeFile: home?.path,
    searchFile: search?.path,
    searchRaw: search?.size,
    searchGz: search ? gzipSync(readFileSync(join(dir, search.path))).length : undefined,
    total: files.reduce((s, f) => s + f.size, 0),
    files: files.length,
  };
}

// ------------------------------------------------------------------ peers
const peers = [];
if (flag('--peers')) runPeers();

function runPeers() {
  const base = mkdtempSync(join(tmpdir(), 'adrkit-peers-'));
  log(`peers: installing into ${base}`);
  const l4bRepo = generateRepo(100, { format: 'log4brains' });
  const ours = builds[100] && !builds[100].failure ? builds[100] : undefined;
  const oursL4b = measure('adrkit build N=100 (log4brains-format log)', node, adrkit('build', '--out', buildOut), { cwd: l4bRepo.dir, before: emptyOut });
  addRow({ name: 'adrkit build (log4brains-format log)', n: 100, m: oursL4b, baseline: gitFloor[100] });
  const install = (pkg) => {
    const prefix = join(base, pkg);
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
    const t0 = Date.now();
    const res = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', pkg], { cwd: prefix, encoding: 'utf8', timeout: 15 * 60 * 1000 });
    if (res.status !== 0) return { error: `npm install ${pkg} failed: ${firstLine(res.error?.message ?? res.stderr) ?? `exit ${res.status}`}` };
    const version = JSON.parse(readFileSync(join(prefix, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    log(`peers: ${pkg}@${version} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return { prefix, version, bin: (name) => join(prefix, 'node_modules', '.bin', name) };
  };
  const cases = [
    {
      pkg: 'log4brains',
      name: 'log4brains build',
      repo: l4bRepo,
      args: (p) => [p.bin('log4brains'), ['build', '--out', buildOut]],
      compare: oursL4b,
    },
    {
      pkg: 'adr-log',
      name: 'adr-log (index only)',
      repo: repos[100],
      args: (p) => [p.bin('adr-log'), ['-d', `${repos[100].logDir}/`]], // adr-log needs the trailing slash
      compare: ours,
    },
  ];
  for (const c of cases) {
    const p = install(c.pkg);
    if (p.error) {
      log(`peers: ${p.error}`);
      peers.push({ peer: c.pkg, error: p.error });
      rows.push({ case: `peer: ${c.name}`, n: 100, note: p.error });
      continue;
    }
    const [cmd, args] = c.args(p);
    const m = measure(`peer ${c.name} N=100`, cmd, args, { cwd: c.repo.dir, before: emptyOut, runs: RUNS });
    const vsAdrkit = m.median && c.compare?.median ? m.median / c.compare.median : undefined;
    peers.push({ peer: `${c.pkg}@${p.version}`, case: c.name, ...m, vs_adrkit_build: vsAdrkit });
    const row = addRow({ name: `peer: ${c.name} (${c.pkg}@${p.version})`, n: 100, m, baseline: gitFloor[100] });
    if (!m.failure) row.note = vsAdrkit ? `${vsAdrkit.toFixed(2)}× adrkit build` : 'adrkit build not available for comparison';
    else log(`peers: ${c.name} failed: ${m.failure}`);
  }
  rmSync(base, { recursive: true, force: true });
}

// ------------------------------------------------------------------ report
function kb(bytes) {
  return bytes === undefined ? '—' : bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
function targetText(t) {
  const parts = [];
  if (t.seconds !== undefined) parts.push(`≤ ${t.seconds} s`);
  if (t.mb !== undefined) parts.push(t.mb >= 1024 ? `≤ ${t.mb / 1024} GiB` : `≤ ${t.mb} MB`);
  if (t.ratio !== undefined) parts.push(`ratio ≤ ${t.ratio}`);
  if (t.bytes !== undefined) parts.push(`≤ ${kb(t.bytes)}`);
  return parts.join(', ') || '—';
}
const fmt = (x, d = 3) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory_gib: +(totalmem() / 2 ** 30).toFixed(1),
  free_gib_at_start: +(freemem() / 2 ** 30).toFixed(1),
  load_average_at_start: LOAD_START.map((x) => +x.toFixed(1)),
  load_average_at_end: loadavg().map((x) => +x.toFixed(1)),
  os: `${process.platform} ${release()}`,
  git: spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim(),
  peak_rss_from: TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (bench/rss-wrapper.mjs)',
  runs: RUNS,
  date: new Date().toISOString(),
};
const header = '| case | N | median s | CPU s | peak MB | baseline s | ratio | target | result |\n|---|---:|---:|---:|---:|---:|---:|---|---|';
const lines = rows.map((r) => {
  const value = r.bytes !== undefined ? kb(r.bytes) : fmt(r.median_s);
  const result = r.note?.startsWith('not available') || r.error ? r.note : r.pass === undefined ? (r.note ?? '—') : `${r.pass ? 'pass' : '**FAIL**'}${r.note ? ` (${r.note})` : ''}`;
  return `| ${r.case} | ${r.n.toLocaleString('en')} | ${value} | ${fmt(r.cpu_s, 2)} | ${fmt(r.peak_mb, 0)} | ${fmt(r.baseline_s)} | ${r.ratio === undefined ? '—' : `×${r.ratio.toFixed(1)}`} | ${targetText(r.target ?? {})} | ${result} |`;
});
const baselineLines = [`node -e 0: ${fmt(nodeFloor.median)} s (CPU ${fmt(nodeFloor.cpu, 2)} s), ${fmt(nodeFloor.peakMb, 0)} MB`, ...sizes.map((n) => `git log --name-status, N=${n.toLocaleString('en')} (${repos[n].commits.toLocaleString('en')} commits): ${fmt(gitFloor[n].median)} s (CPU ${fmt(gitFloor[n].cpu, 2)} s), ${fmt(gitFloor[n].peakMb, 0)} MB`)];
const table = `${header}\n${lines.join('\n')}\n\nBaselines (same run): ${baselineLines.join('; ')}.\nMachine: node ${machine.node}, ${machine.cores} × ${machine.cpu}, ${machine.memory_gib} GiB, ${machine.os}, ${machine.git}. Median of ${RUNS} runs after one warm-up (wall time; CPU s = median user+sys of the child); peak RSS = max over runs (${machine.peak_rss_from}). Load average at start ${LOAD_START.map((x) => x.toFixed(1)).join(', ')}, at the end: ${loadavg().map((x) => x.toFixed(1)).join(', ')}.\n`;
process.stdout.write(table);
const results = { machine, baselines: { node: nodeFloor, git_log: gitFloor }, rows, peers, markdown: table };
writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`results written to ${relative(process.cwd(), join(OUT_DIR, 'results.json'))}`);
process.exitCode = 0;
