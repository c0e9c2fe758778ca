import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewReport } from '../../src/model/review.js';
import { evidenceChanges } from '../../src/review/evidence.js';
import { parseRecord } from '../../src/parse/record.js';
import { run } from '../../src/cli/program.js';
import { fakeIo } from '../helpers/fake-io.js';
import { gitdir, type GitDir } from '../helpers/gitdir.js';

const DEMO = readFileSync(join(import.meta.dirname, '../../examples/adr/0012-choose-a-text-embedding-model.md'), 'utf8');
const FILE = 'adr/0012-choose-a-text-embedding-model.md';
/** The demo record before the benchmark and run evidence was added: model and paper entries only. */
const BEFORE = DEMO.replace(/^ {6}- kind: (benchmark|run)\n(?: {8}.*\n)+/gm, '');

async function cli(cwd: string, argv: string[]) {
  const io = fakeIo({ cwd });
  const code = await run(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('review reports evidence added, removed and changed', () => {
  let repo: GitDir;
  beforeAll(() => {
    repo = gitdir([{ files: { 'adrkit.config.json': '{"dir": "adr"}', [FILE]: BEFORE }, message: 'record 12 with models and papers' }]);
    repo.git(['checkout', '-q', '-b', 'evidence']);
    const head = DEMO.replace('value: 74.8', 'value: 75.1').replace(/^ {6}- kind: paper\n {8}title: Text Embeddings[^\n]*\n {8}arxiv: "2212.03533"\n/m, '');
    repo.commit({ files: { [FILE]: head }, message: 'add benchmark and run evidence', date: '2026-11-21T10:00:00Z' });
  });
  afterAll(() => repo.remove());

  it('the pure diff matches entries by identity', () => {
    expect(BEFORE).not.toMatch(/kind: (benchmark|run)/);
    const from = parseRecord('x.md', DEMO).record;
    const to = parseRecord('x.md', DEMO.replace('value: 74.8', 'value: 75.1').replace('latency_p95_ms: 11.2', 'latency_p95_ms: 12')).record;
    expect(evidenceChanges('x.md', from, to).map((c) => [c.option, c.added.length, c.removed.length, c.changed.map((e) => e.fields)])).toEqual([
      ['bge-small', 0, 0, [[{ key: 'metrics.latency_p95_ms', from: 11.2, to: 12 }]]],
      ['gte-base', 0, 0, [[{ key: 'value', from: 74.8, to: 75.1 }]]],
    ]);
  });

  it('markdown and JSON', async () => {
    const md = await cli(repo.path, ['review', '--base', 'main', '--head', 'evidence']);
    expect(md.stderr).toBe('');
    const section = md.stdout.slice(md.stdout.indexOf('### Evidence'));
    expect(section).toContain('| `0012-choose-a-text-embedding-model.md` | `bge-small` | added | benchmark: mteb/scifact ndcg_at_10 = 71.3 |');
    expect(section).toContain('| `0012-choose-a-text-embedding-model.md` | `e5-large` | added | run: mlflow run latency-e5-large-v2-cpu |');
    expect(section).toContain('| `e5-large` | removed | paper: Text Embeddings by Weakly-Supervised Contrastive Pre-training |');
    const json = await cli(repo.path, ['review', '--base', 'main', '--head', 'evidence', '--format', 'json']);
    const report = ReviewReport.parse(JSON.parse(json.stdout));
    expect(report.evidenceChanges.map((c) => [c.option, c.added.map((a) => a.kind), c.removed.map((r) => r.kind)])).toEqual([
      ['bge-small', ['benchmark', 'run'], []],
      ['gte-base', ['benchmark', 'run'], []],
      ['e5-large', ['benchmark', 'run'], ['paper']],
    ]);
    expect(report.findings.filter((f) => f.ruleId.startsWith('evidence') || f.ruleId.includes('constraint') || f.ruleId.includes('measur'))).toEqual([]);
  });
});
