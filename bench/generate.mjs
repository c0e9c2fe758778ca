#!/usr/bin/env node
// Benchmark fixture generator: a git repository holding a decision log of N adrkit Algorithm
// Decision Records, one commit per record plus ~5 % edit commits (status proposed -> accepted),
// built with a single `git fast-import` stream (fixed author/committer dates, seeded PRNG, so the
// same N always gives the same commits). Repositories are cached under bench/out/ keyed by N and
// format.
//
// Usage: node bench/generate.mjs <N> [--format native|log4brains]   (prints the repository path)
// Library: import { generateRepo } from './generate.mjs'

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
// The seeded PRNG of the radar layout, from the build `npm run bench` makes first.
import { mulberry32 } from '../dist/util/random.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
/** Cache folder of generated repositories (gitignored). */
export const OUT_DIR = join(HERE, 'out');
/** Bump when the generated content changes, so stale caches are rebuilt. */
const GENERATOR_VERSION = 7;

const RADAR_CANDIDATES = [join(ROOT, 'radar', 'sicara-2024.yaml'), resolve(ROOT, '..', 'shared', 'radar', 'sicara-tech-radar-ia-2024.yaml')];

/** Blips of the seed radar: [{id, name, ring, quadrant, summary}]. */
export function loadBlips() {
  const file = RADAR_CANDIDATES.find((f) => existsSync(f));
  if (!file) throw new Error(`no seed radar found (looked in ${RADAR_CANDIDATES.join(', ')})`);
  const radar = parseYaml(readFileSync(file, 'utf8'));
  return { file, blips: radar.blips.map((b) => ({ id: b.id, name: b.name_en ?? b.name, ring: b.ring, quadrant: b.quadrant, summary: b.summary ?? '' })) };
}

const PROBLEMS = [
  ['product search', 'rank catalogue items for free-text queries'],
  ['invoice extraction', 'extract totals, dates and supplier names from scanned invoices'],
  ['churn prediction', 'flag subscribers likely to cancel within 30 days'],
  ['defect detection', 'spot scratches and dents on production-line photos'],
  ['support triage', 'route customer tickets to the right team'],
  ['demand forecasting', 'forecast weekly demand per store and product'],
  ['document Q&A', 'answer employee questions from the internal wiki'],
  ['fraud scoring', 'score card payments for fraud risk in real time'],
  ['PII redaction', 'remove personal data from call transcripts before analytics'],
  ['image similarity', 'find near-duplicate product photos'],
  ['data versioning', 'version training sets and evaluation sets reproducibly'],
  ['pipeline orchestration', 'schedule and monitor nightly training pipelines'],
  ['LLM evaluation', 'evaluate generated answers without a labelled test set'],
  ['feature attribution', 'explain individual credit decisions to auditors'],
  ['serving', 'serve an open-weight language model at low latency'],
];
const TEAMS = ['vision', 'nlp', 'forecasting', 'platform', 'search', 'risk', 'data'];
const PEOPLE = ['Alice Martin', 'Bruno Petit', 'Chloé Durand', 'David Leroy', 'Emma Moreau', 'Farid Benali', 'Grace Okafor', 'Hugo Lambert'];
const CRITERIA = [
  { id: 'quality', name: 'Quality on our data', description: 'offline metrics on a representative evaluation set' },
  { id: 'implementation', name: 'Reliable existing implementation', description: 'maintained library or reference code, licence, community' },
  { id: 'hardware', name: 'Hardware constraints', description: 'GPU/CPU and memory for training and inference, latency' },
  { id: 'data', name: 'Data needs', description: 'volume and quality of labelled data required, and what we have' },
  { id: 'cost', name: 'Cost and maintenance', description: 'run cost, team skills, time to production' },
  { id: 'privacy', name: 'Privacy', description: 'where data goes and who can see it' },
];
const FILLER = [
  'The current baseline was built in a hurry and nobody on the team fully owns it any more.',
  'Offline metrics were computed on the March evaluation set, which over-represents the largest customers.',
  'Latency must stay under 200 ms at the 95th percentile on the existing CPU nodes.',
  'Labelled data is scarce: about 4,000 annotated examples, a third of them noisy.',
  'The legal team asked for an audit trail of every automated decision.',
  'We ran a two-week spike on a sample of production traffic before writing this record.',
  'Training cost matters less than inference cost, which scales with traffic.',
  'The model has to be retrained monthly as the catalogue changes.',
  'Two engineers know the stack well; the rest of the team would need training.',
  'Vendor lock-in is acceptable only if an exit plan exists.',
  'The evaluation protocol is described in the team wiki and reused across decisions.',
  'Results were stable across three random seeds, within one point of F1.',
  'The open-source community around the library is active and releases every month.',
  'Monitoring in production will rely on business metrics agreed with the product owner.',
  'A rollback must be possible within one hour without retraining.',
  'Inference runs on a single T4 GPU shared with two other services.',
];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
function pickN(rand, list, n) {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}
function sentences(rand, n) {
  return Array.from({ length: n }, () => pick(rand, FILLER)).join(' ');
}
const slugify = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
const isoDay = (epochSeconds) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);

/**
 * Plans the N records of a log (pure, deterministic): title, options with blips, criteria,
 * supersede links, which records are later accepted by an edit commit.
 */
export function planLog(n, blips, seed = 20240601) {
  const rand = mulberry32(seed);
  const records = [];
  for (let i = 1; i <= n; i++) {
    const [problem, goal] = pick(rand, PROBLEMS);
    const team = pick(rand, TEAMS);
    // Real logs rarely weigh HOLD blips: ~3 % of records consider one.
    const pool = rand() < 0.03 ? blips : blips.filter((b) => b.ring !== 'hold');
    const optionBlips = pickN(rand, pool, 3 + Math.floor(rand() * 3));
    const criteria = pickN(rand, CRITERIA, 3 + Math.floor(rand() * 3)).map((c) => ({ ...c, weight: 1 + Math.floor(rand() * 3) }));
    const options = optionBlips.map((b) => ({
      id: slugify(b.name),
      name: b.name,
      blip: b.id,
      ring: b.ring,
      scores: Object.fromEntries(criteria.map((c) => [c.id, 1 + Math.floor(rand() * 5)])),
      summary: b.summary,
    }));
    // The chosen option is the best of the weighted decision matrix (never a HOLD blip).
    const total = (o) => criteria.reduce((sum, c) => sum + c.weight * o.scores[c.id], 0);
    const eligible = options.filter((o) => o.ring !== 'hold');
    const best = eligible.reduce((a, b) => (total(b) > total(a) ? b : a));
    for (const o of options) if (o !== best && total(o) >= total(best)) for (const c of criteria) o.scores[c.id] = Math.max(1, o.scores[c.id] - 1);
    for (const c of criteria) if (options.some((o) => o !== best && total(o) >= total(best))) best.scores[c.id] = 5;
    const chosen = best.id;
    const title = `Choose ${options[0].name} or alternatives for ${problem} (${team} #${i})`;
    const supersedes = (i > 20 && rand() < 0.05) || i % 25 === 0 ? Math.max(1, i - 1 - Math.floor(rand() * 15)) : undefined;
    const willAccept = rand() < 0.05;
    records.push({
      number: i,
      file: `${String(i).padStart(4, '0')}-${slugify(title)}.md`,
      title,
      problem,
      goal,
      team,
      deciders: pickN(rand, PEOPLE, 2),
      criteria,
      options,
      chosen,
      supersedes,
      status: willAccept ? 'proposed' : 'accepted',
      revisit: best.ring === 'assess' || best.ring === 'trial',
      willAccept,
      bodySeed: Math.floor(rand() * 2 ** 31),
      supersededBy: undefined,
    });
  }
  // A record superseded twice keeps the first link only (a real log rarely has more).
  for (const r of records) {
    if (!r.supersedes) continue;
    const old = records[r.supersedes - 1];
    if (old.supersededBy) r.supersedes = undefined;
    else old.supersededBy = r.number;
  }
  return records;
}

function body(r, format) {
  const rand = mulberry32(r.bodySeed);
  const out = [];
  const l4b = format === 'log4brains';
  out.push(`# ${r.title}`, '');
  if (l4b) {
    out.push(`- Status: ${r.status}${r.status === 'superseded' ? ` by ${r.supersededByFile.replace(/\.md$/, '')}` : ''}`, `- Deciders: ${r.deciders.join(', ')}`, `- Date: ${r.date}`, `- Tags: ${r.team}, ml`, '');
  }
  out.push(l4b ? '## Context and Problem Statement' : '## Context and problem', '');
  out.push(`The ${r.team} team needs to ${r.goal}. ${sentences(rand, 3)}`, '');
  out.push(`${sentences(rand, 3)} In scope: the first production release; out of scope: multilingual support.`, '');
  if (r.supersedes) out.push(`This decision replaces [record ${r.supersedes}](${r.supersedesFile}), whose assumptions no longer hold.`, '');
  out.push(l4b ? '## Decision Drivers' : '## Decision criteria', '');
  for (const c of r.criteria) out.push(`- **${c.name}** (weight ${c.weight}): ${c.description}. ${sentences(rand, 1)}`);
  out.push('');
  if (l4b) {
    out.push('## Considered Options', '');
    for (const o of r.options) out.push(`- ${o.name}`);
    out.push('', '## Decision Outcome', '', `Chosen option: "${r.options.find((o) => o.id === r.chosen).name}", because it scores best on the weighted criteria. ${sentences(rand, 2)}`, '');
    out.push('### Positive Consequences', '', `- ${sentences(rand, 1)}`, `- ${sentences(rand, 1)}`, '', '### Negative Consequences', '', `- ${sentences(rand, 1)}`, '');
    out.push('## Pros and Cons of the Options', '');
  } else {
    out.push('## Options', '');
  }
  for (const o of r.options) {
    out.push(l4b ? `### ${o.name}` : `### ${o.name} (radar: \`${o.blip}\`)`, '');
    out.push(`${o.summary} ${sentences(rand, 1)}`, '');
    out.push(`- Good, because ${sentences(rand, 1).toLowerCase()}`, `- Bad, because ${sentences(rand, 1).toLowerCase()}`, '');
  }
  if (!l4b) {
    const chosen = r.options.find((o) => o.id === r.chosen);
    out.push('## Decision', '', `We choose **${chosen.name}**: it has the best weighted score on the criteria above. ${sentences(rand, 3)}`, '');
    out.push('## Impacts', '', `${sentences(rand, 3)}`, '', `- Cost: ${sentences(rand, 1)}`, `- Skills: ${sentences(rand, 1)}`, `- Risks: ${sentences(rand, 1)}`, '', 'Revisit this decision within a year, or earlier if the evaluation set changes.', '');
  }
  return out.join('\n');
}

function renderNative(r) {
  const fm = {
    title: r.title,
    status: r.status,
    date: r.date,
    deciders: r.deciders,
    tags: [r.team, 'ml'],
    ...(r.supersedes ? { supersedes: r.supersedes } : {}),
    ...(r.status === 'superseded' ? { 'superseded-by': r.supersededBy } : {}),
    criteria: r.criteria.map(({ id, name, weight, description }) => ({ id, name, weight, description })),
    options: r.options.map(({ id, name, blip, ring, scores }) => ({ id, name, blip, ring, scores })),
    chosen: r.chosen,
    ...(r.revisit ? { 'revisit-by': `${Number(r.date.slice(0, 4)) + 1}${r.date.slice(4)}` } : {}),
    ...(r.statusHistory ? { 'status-history': r.statusHistory } : {}),
  };
  return `---\n${stringifyYaml(fm, { lineWidth: 0 })}---\n\n${body(r, 'native')}`;
}

/** Text of record `r` in its current state. */
export function renderRecordText(r, format) {
  return format === 'log4brains' ? body(r, 'log4brains') : renderNative(r);
}

/**
 * Writes the `git fast-import` stream of a log: one commit per record (a superseding record's
 * commit also marks the old record superseded), and an edit commit proposed -> accepted a few
 * commits after each record planned for it (~5 %). Dates start 2020-01-01T09:00Z, one hour apart.
 *
 * @returns {{stream: string[], commits: number}} chunks of the stream.
 */
export function fastImportStream(n, format, blips) {
  const records = planLog(n, blips);
  const dir = format === 'log4brains' ? 'docs/adr' : 'adr';
  const chunks = [];
  let t = Date.UTC(2020, 0, 1, 9) / 1000;
  let commits = 0;
  const pending = []; // [dueCommitIndex, record]
  // log4brains names files YYYYMMDD-slug.md; the record number keeps same-day slugs apart.
  const fileOf = (r) => (format === 'log4brains' ? `${isoDay(r.created).replace(/-/g, '')}-${slugify(r.title).slice(0, 48).replace(/-+$/, '')}-${r.number}.md` : r.file);
  const commit = (message, author, files) => {
    const who = `${author} <${slugify(author)}@example.com> ${t} +0000`;
    const msg = Buffer.from(`${message}\n`);
    let s = `commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${msg.length}\n${msg}`;
    if (commits === 0 && format === 'log4brains') {
      const cfg = Buffer.from(`---\nproject:\n  name: adrkit bench\n  tz: Etc/UTC\n  adrFolder: ./docs/adr\n`);
      s += `M 100644 inline .log4brains.yml\ndata ${cfg.length}\n${cfg}\n`;
    }
    for (const [path, text] of files) {
      const data = Buffer.from(text);
      s += `M 100644 inline ${dir}/${path}\ndata ${data.length}\n`;
      chunks.push(s, data, '\n');
      s = '';
    }
    chunks.push(`${s}\n`);
    commits++;
    t += 3600;
  };
  for (const r of records) {
    r.created = t;
    r.date = isoDay(t);
    const files = [];
    if (r.supersedes) {
      const old = records[r.supersedes - 1];
      r.supersedesFile = fileOf(old);
      old.status = 'superseded';
      old.supersededByFile = fileOf(r);
      old.statusHistory = [...(old.statusHistory ?? [{ status: 'accepted', date: old.date }]), { status: 'superseded', date: r.date }];
      files.push([fileOf(old), renderRecordText(old, format)]);
    }
    files.unshift([fileOf(r), renderRecordText(r, format)]);
    commit(`Add decision record ${r.number}: ${r.title}`, r.deciders[0], files);
    if (r.willAccept) pending.push([commits + 3, r]);
    while (pending.length && pending[0][0] <= commits) {
      const [, p] = pending.shift();
      if (p.status !== 'proposed') continue;
      p.status = 'accepted';
      p.statusHistory = [{ status: 'proposed', date: p.date }, { status: 'accepted', date: isoDay(t) }];
      commit(`Accept decision record ${p.number}`, p.deciders[1], [[fileOf(p), renderRecordText(p, format)]]);
    }
  }
  for (const [, p] of pending) {
    if (p.status !== 'proposed') continue;
    p.status = 'accepted';
    p.statusHistory = [{ status: 'proposed', date: p.date }, { status: 'accepted', date: isoDay(t) }];
    commit(`Accept decision record ${p.number}`, p.deciders[1], [[fileOf(p), renderRecordText(p, format)]]);
  }
  return { chunks, commits, records: records.map((r) => ({ number: r.number, file: `${dir}/${fileOf(r)}`, status: r.status })) };
}

/**
 * Generates (or reuses from the cache) the repository for N records.
 *
 * @param {number} n - number of decision records.
 * @param {{format?: 'native'|'log4brains', force?: boolean}} [opts]
 * @returns {{dir: string, logDir: string, commits: number, records: number, cached: boolean}}
 */
export function generateRepo(n, { format = 'native', force = false } = {}) {
  const dir = join(OUT_DIR, `repo-${format}-${n}`);
  const marker = join(dir, '.git', 'adrkit-bench.json');
  if (!force && existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8'));
    if (info.version === GENERATOR_VERSION) return { ...info, dir, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (args, input) => execFileSync('git', args, { cwd: dir, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'adrkit bench']);
  git(['config', 'user.email', 'bench@example.com']);
  const { blips } = loadBlips();
  const { chunks, commits, records } = fastImportStream(n, format, blips);
  const stream = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  const res = spawnSync('git', ['fast-import', '--quiet', '--done'], { cwd: dir, input: Buffer.concat([stream, Buffer.from('done\n')]), maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`git fast-import failed: ${res.stderr}`);
  git(['checkout', '-q', '-f', 'main']);
  const info = { version: GENERATOR_VERSION, n, format, commits, records: records.length, logDir: format === 'log4brains' ? 'docs/adr' : 'adr', sampleFile: records[Math.floor(records.length / 2)].file };
  writeFileSync(marker, JSON.stringify(info, null, 2));
  return { ...info, dir, cached: false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100);
  const fi = process.argv.indexOf('--format');
  const format = fi > 0 ? process.argv[fi + 1] : 'native';
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: node bench/generate.mjs <N> [--format native|log4brains] [--force]');
    process.exit(2);
  }
  const start = process.hrtime.bigint();
  const info = generateRepo(n, { format, force: process.argv.includes('--force') });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${info.dir} (${info.records} records, ${info.commits} commits, ${info.cached ? 'cached' : `generated in ${(ms / 1000).toFixed(1)} s`})`);
}
