// Preview latency: time to re-render the site after one record of a 1,000-record log changes
// (`Preview.applyChange`: re-read and re-parse that file, re-render the pages it affects), the
// figure behind the "≤ 0.2 s" target of `adrkit preview`. Median of 9 edits, after one warm-up.
// Usage: node bench/preview.mjs [N=1000]   (uses the cached log of bench/generate.mjs)
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateRepo } from './generate.mjs';

const n = Number(process.argv[2] ?? 1000);
const { dir: repo } = generateRepo(n);
const dist = new URL('../dist/', import.meta.url);
const { openProject, readProjectLogs } = await import(new URL('workspace/project.js', dist));
const { collectSite } = await import(new URL('site/io/collect.js', dist));
const { loadSiteTemplates } = await import(new URL('site/io/templates.js', dist));
const { Preview } = await import(new URL('site/io/preview.js', dist));

const project = await openProject(repo);
const logs = readProjectLogs(project);
const collected = await collectSite(repo, logs, { title: 'Decision log', baseUrl: '' });
const t0 = performance.now();
const preview = new Preview(collected, loadSiteTemplates(undefined, repo));
const initial = performance.now() - t0;

const dir = project.dirs[0];
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const target = join(dir, files[Math.floor(files.length / 2)]);
const original = readFileSync(target, 'utf8');
const times = [];
let changed = 0;
try {
  for (let i = 0; i < 10; i++) {
    writeFileSync(target, original.replace(/## Impacts\n/, `## Impacts\n\nEdit ${i} made by the preview benchmark.\n`));
    const start = performance.now();
    const update = preview.applyChange(target);
    const ms = performance.now() - start;
    if (i > 0) times.push(ms);
    changed = update.changed.length;
  }
} finally {
  writeFileSync(target, original);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| preview: one edited record re-rendered | ${n.toLocaleString('en')} | ${(median / 1000).toFixed(3)} s | ${changed} pages | ≤ 0.2 s | ${median <= 200 ? 'pass' : '**FAIL**'} |`);
console.log(`(initial in-memory render of the whole site: ${(initial / 1000).toFixed(2)} s; median of ${times.length} edits)`);
