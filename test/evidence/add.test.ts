import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/program.js';
import { readEvalResults } from '../../src/parse/evidence/eval-results.js';
import { readMlflowRun } from '../../src/parse/evidence/mlflow.js';
import { readWandbSummary } from '../../src/parse/evidence/wandb.js';
import { detectEvidenceFormat } from '../../src/parse/evidence/index.js';
import { addEvidence } from '../../src/edit/evidence.js';
import { fakeIo } from '../helpers/fake-io.js';
import { testdir } from '../helpers/testdir.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/evidence');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const WANDB = 'wandb/run-20261112_101742-p7d2x8mc/files/wandb-summary.json';

const RECORD = `---
# a comment the edit must keep
title: Choose a text embedding model
status: proposed
date: 2026-11-20
criteria:
  - { id: quality, name: Quality, weight: 3, metric: ndcg_at_10 }   # flow map, padded
  - id: latency
    name: Latency
    metric: latency_p95_ms
    unit: ms
    direction: lower
    max: 50
options:
  - id: bge-small
    name: "BGE small"
    scores: { quality: 2 }
  - id: gte-base
    name: GTE base   # trailing comment
    evidence:
      - kind: model
        id: thenlper/gte-base
        licence: mit
  - {id: e5-large, name: E5 large}
chosen: gte-base
---

# Choose a text embedding model

Body text, kept byte for byte.
`;

/** Asserts `after` is `before` with one contiguous insertion, and returns the inserted text. */
function insertion(before: string, after: string): string {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  expect(p + s, 'everything but one inserted block is byte-identical').toBe(before.length);
  return after.slice(p, after.length - s);
}

async function cli(cwd: string, argv: string[]) {
  const io = fakeIo({ cwd });
  const code = await run(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('evidence file readers (formats as documented)', () => {
  it('reads a Hugging Face .eval_results file into benchmark entries', () => {
    const [e] = readEvalResults(example('e5-large-v2.eval_results.yaml'), { file: 'x.yaml', metric: 'ndcg_at_10', split: 'test' });
    expect(e).toEqual({
      kind: 'benchmark', dataset: 'mteb/scifact', task: 'default', split: 'test', revision: '0228b52cf27578f30900b9e5271d331663a030d7',
      metric: 'ndcg_at_10', value: 76.2, source: 'https://huggingface.co/intfloat/e5-large-v2', date: '2026-11-03', note: 'query: / passage: prefixes; source: Model Card',
    });
    const two = readEvalResults('- dataset: {id: cais/hle}\n  value: 20.9\n- dataset: {id: Idavidrein/gpqa, task_id: gpqa_diamond}\n  value: "63.3"\n', { file: 'x.yaml', metric: 'accuracy' });
    expect(two.map((x) => [x.dataset, x.task, x.value])).toEqual([['cais/hle', undefined, 20.9], ['Idavidrein/gpqa', 'gpqa_diamond', 63.3]]);
  });

  it('reports a malformed .eval_results entry at its line', () => {
    expect(() => readEvalResults('- dataset: {id: cais/hle}\n  value: 1\n- dataset: {}\n  value: 2\n', { file: 'bad.yaml', metric: 'm' })).toThrow(/result 2: `dataset.id`/);
    try {
      readEvalResults('- dataset: {id: a/b}\n  value: 1\n- dataset: {id: a/b}\n  value: high\n', { file: 'bad.yaml', metric: 'm' });
    } catch (error) {
      expect((error as { format(): string }).format()).toMatch(/^bad\.yaml:3:3: result 2: `value` must be a number/);
    }
  });

  it('reads an MLflow runs/get response (and a bare run), latest step per metric', () => {
    const e = readMlflowRun(example('e5-large-v2.mlflow-run.json'), { file: 'run.json' });
    expect(e).toMatchObject({ kind: 'run', tracker: 'mlflow', id: '8f1c2a9d4b7e4c0a9e3d5f6a7b8c9d0e', name: 'latency-e5-large-v2-cpu', experiment: '14', date: '2026-11-13' });
    expect(e.metrics).toEqual({ latency_p50_ms: 71.9, latency_p95_ms: 118.4, peak_rss_mb: 1710, throughput_qps: 13.6 });
    expect(e.params).toMatchObject({ model: 'intfloat/e5-large-v2', batch_size: '1' });
    const bare = readMlflowRun(JSON.stringify({ info: { run_uuid: 'abc', start_time: '1794578531000' }, data: { metrics: [{ key: 'loss', value: 0.5, step: 2, timestamp: 1 }, { key: 'loss', value: 0.9, step: 1, timestamp: 5 }], tags: [{ key: 'mlflow.runName', value: 'r1' }] } }), { file: 'r.json', url: 'https://mlflow.example.com/#/experiments/1/runs/abc' });
    expect(bare).toMatchObject({ id: 'abc', name: 'r1', metrics: { loss: 0.5 }, url: 'https://mlflow.example.com/#/experiments/1/runs/abc', date: '2026-11-13' });
    expect(() => readMlflowRun('{"run": {"data": {}}}', { file: 'r.json' })).toThrow(/not an MLflow run/);
  });

  it('reads a wandb-summary.json: numeric metrics, nested groups flattened, internal keys skipped, run id from its folder', () => {
    const e = readWandbSummary(example(WANDB), { file: `examples/evidence/${WANDB}` });
    expect(e).toEqual({ kind: 'run', tracker: 'wandb', id: 'p7d2x8mc', metrics: { latency_p50_ms: 16.4, latency_p95_ms: 27.9, peak_rss_mb: 498, throughput_qps: 58.3 }, date: '2026-11-12' });
    const nested = readWandbSummary('{"val": {"acc": 0.9, "table": {"_type": "table-file"}}, "train/loss": 0.1, "_step": 3}', { file: 'wandb-summary.json', runId: 'r' });
    expect(nested.metrics).toEqual({ 'train/loss': 0.1, 'val/acc': 0.9 });
    expect(() => readWandbSummary('{"acc": 1}', { file: 'wandb-summary.json' })).toThrow(/does not name its run/);
  });

  it('detects the format from the file', () => {
    expect(detectEvidenceFormat('x.yaml', '- dataset: {}')).toBe('eval-results');
    expect(detectEvidenceFormat('run.json', example('e5-large-v2.mlflow-run.json'))).toBe('mlflow');
    expect(detectEvidenceFormat('wandb-summary.json', example(WANDB))).toBe('wandb');
  });
});

describe('addEvidence (text edit)', () => {
  const bench = { kind: 'benchmark' as const, dataset: 'mteb/scifact', metric: 'ndcg_at_10', value: 71.3 };

  it('adds an `evidence` list to a block option; nothing else in the file changes', () => {
    const edit = addEvidence(RECORD, 'bge-small', [bench]);
    insertion(RECORD, edit.text);
    const block = '    evidence:\n      - kind: benchmark\n        dataset: mteb/scifact\n        metric: ndcg_at_10\n        value: 71.3\n';
    expect(edit.text).toBe(RECORD.replace('    scores: { quality: 2 }\n', `    scores: { quality: 2 }\n${block}`));
  });

  it('appends to an existing list, keeping its indentation', () => {
    const edit = addEvidence(RECORD, 'gte-base', [bench, { ...bench, value: 74.8 }]);
    insertion(RECORD, edit.text);
    const block = '      - kind: benchmark\n        dataset: mteb/scifact\n        metric: ndcg_at_10\n        value: 71.3\n      - kind: benchmark\n        dataset: mteb/scifact\n        metric: ndcg_at_10\n        value: 74.8\n';
    expect(edit.text).toBe(RECORD.replace('        licence: mit\n', `        licence: mit\n${block}`));
    expect((parse(edit.text.split('---\n')[1]) as { options: Array<{ evidence: unknown[] }> }).options[1].evidence).toHaveLength(3);
  });

  it('keeps CRLF line endings and only inserts', () => {
    const crlf = RECORD.replace(/\n/g, '\r\n');
    const after = addEvidence(crlf, 'bge-small', [bench]).text;
    insertion(crlf, after);
    const block = '    evidence:\r\n      - kind: benchmark\r\n        dataset: mteb/scifact\r\n        metric: ndcg_at_10\r\n        value: 71.3\r\n';
    expect(after).toBe(crlf.replace('    scores: { quality: 2 }\r\n', `    scores: { quality: 2 }\r\n${block}`));
  });

  it('re-writes only the line of a flow-style option', () => {
    const edit = addEvidence(RECORD, 'e5-large', [bench]);
    const before = RECORD.split('\n');
    const after = edit.text.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line]));
    expect(changed).toEqual(['  - {id: e5-large, name: E5 large, evidence: [{kind: benchmark, dataset: mteb/scifact, metric: ndcg_at_10, value: 71.3}]}']);
  });

  it('is idempotent, validates entries and names unknown options', () => {
    const once = addEvidence(RECORD, 'bge-small', [bench]).text;
    const twice = addEvidence(once, 'bge-small', [bench]);
    expect([twice.text === once, twice.added.length, twice.skipped.length]).toEqual([true, 0, 1]);
    expect(() => addEvidence(RECORD, 'bge-smal', [bench])).toThrow('no option with id "bge-smal" (did you mean "bge-small"?)');
    expect(() => addEvidence(RECORD, 'bge-small', [{ ...bench, source: 'not a url' }])).toThrow(/source: expected an absolute http\(s\) URL/);
  });
});

describe('adrkit evidence add', () => {
  const setup = () => testdir({ 'adr/0001-choose-a-text-embedding-model.md': RECORD, 'run.json': example('e5-large-v2.mlflow-run.json'), 'scifact.yaml': example('gte-base.eval_results.yaml'), 'broken.json': '{\n  "run": {\n    "info": oops\n' });

  it('writes the entry atomically and shows the diff', async () => {
    const dir = setup();
    const r = await cli(dir.path, ['evidence', 'add', '1', '--option', 'e5-large', '--from', 'run.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ b/adr/0001-choose-a-text-embedding-model.md');
    expect(r.stdout).toContain('latency_p95_ms: 118.4');
    expect(r.stdout).toContain('added 1 mlflow evidence entry to option "e5-large" (options[2].evidence)');
    const text = readFileSync(dir.join('adr/0001-choose-a-text-embedding-model.md'), 'utf8');
    expect(text).toContain('latency_p95_ms: 118.4');
    const matrix = await cli(dir.path, ['matrix', '1']);
    expect(matrix.stdout).toMatch(/E5 large\s+–\s+– \(118\.4 ms ✘\)\s+0\s+✘ breaks Latency \(118\.4 ms > max 50 ms\)/);
    const again = await cli(dir.path, ['evidence', 'add', '1', '--option', 'e5-large', '--from', 'run.json']);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('nothing to add')]);
    expect(readFileSync(dir.join('adr/0001-choose-a-text-embedding-model.md'), 'utf8')).toBe(text);
  });

  it('--dry-run writes nothing; a .eval_results file needs --metric', async () => {
    const dir = setup();
    const dry = await cli(dir.path, ['evidence', 'add', '1', '--option', 'bge-small', '--from', 'scifact.yaml', '--metric', 'ndcg_at_10', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+        value: 74.8');
    expect(dry.stderr).toContain('dry run');
    expect(readFileSync(dir.join('adr/0001-choose-a-text-embedding-model.md'), 'utf8')).toBe(RECORD);
    const noMetric = await cli(dir.path, ['evidence', 'add', '1', '--option', 'bge-small', '--from', 'scifact.yaml']);
    expect(noMetric.code).toBe(2);
    expect(noMetric.stderr).toContain('pass --metric <name>');
  });

  it('bad input: one clear line with the position, exit 2, file untouched', async () => {
    const dir = setup();
    const broken = await cli(dir.path, ['evidence', 'add', '1', '--option', 'e5-large', '--from', 'broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json:3:\d+: not valid JSON/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    const missing = await cli(dir.path, ['evidence', 'add', '1', '--option', 'e5-large', '--from', 'nope.json']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('nope.json: evidence file not found')]);
    const option = await cli(dir.path, ['evidence', 'add', '1', '--option', 'e5', '--from', 'run.json']);
    expect([option.code, option.stderr]).toEqual([2, expect.stringContaining('no option with id "e5"')]);
    expect(readFileSync(dir.join('adr/0001-choose-a-text-embedding-model.md'), 'utf8')).toBe(RECORD);
  });
});

describe('addEvidence: other layouts', () => {
  const bench = { kind: 'benchmark' as const, dataset: 'd', metric: 'm', value: 1 };
  it('an empty flow list becomes a block list; unindented sequences stay unindented; block scalars are kept', () => {
    const empty = '---\ntitle: X\noptions:\n  - id: a\n    name: A\n    evidence: []\n  - id: b\n    name: B\n---\n';
    expect(addEvidence(empty, 'a', [bench]).text).toBe('---\ntitle: X\noptions:\n  - id: a\n    name: A\n    evidence:\n      - kind: benchmark\n        dataset: d\n        metric: m\n        value: 1\n  - id: b\n    name: B\n---\n');
    const flat = '---\ntitle: X\noptions:\n- id: a\n  name: A\n  scores:\n    q: 1\n  # comment\n- id: b\n  name: B\n---\n';
    expect(addEvidence(flat, 'a', [bench]).text).toBe('---\ntitle: X\noptions:\n- id: a\n  name: A\n  scores:\n    q: 1\n  evidence:\n  - kind: benchmark\n    dataset: d\n    metric: m\n    value: 1\n  # comment\n- id: b\n  name: B\n---\n');
    const scalar = '---\ntitle: X\noptions:\n  - id: a\n    name: A\n    description: |\n      multi\n      line\n---\n';
    expect(addEvidence(scalar, 'a', [bench]).text).toBe('---\ntitle: X\noptions:\n  - id: a\n    name: A\n    description: |\n      multi\n      line\n    evidence:\n      - kind: benchmark\n        dataset: d\n        metric: m\n        value: 1\n---\n');
  });
});
