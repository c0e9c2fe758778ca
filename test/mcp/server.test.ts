import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gitdir, testdir, type GitDir } from '../helpers/index.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'dist/cli/bin.js');

const POLARS_PROPOSED = `---
title: Use Polars for feature pipelines
status: proposed
date: 2023-01-10
deciders: [Ada Lovelace]
tags: [data]
applies-to: ["pipelines/**/*.py"]
criteria:
  - { id: quality, name: Quality on our data, weight: 3 }
  - { id: cost, name: Cost and maintenance, weight: 1 }
options:
  - { id: polars, name: Polars, blip: polars, ring: adopt, scores: { quality: 5, cost: 4 } }
  - { id: pandas, name: Pandas, blip: pandas-numpy-backend, ring: hold, scores: { quality: 3, cost: 4 } }
  - { id: duckdb, name: DuckDB, scores: { quality: 4, cost: 3 } }
chosen: polars
revisit-by: 2024-01-01
---

# Use Polars for feature pipelines

## Context

Our feature pipelines read 40 GB of Parquet every night and pandas runs out of memory.

## Decision

We use Polars lazy frames for every feature pipeline.

## Consequences

Pipelines must be rewritten; the team learns the expression API.
`;

const POLARS_ACCEPTED = POLARS_PROPOSED.replace('status: proposed', 'status: accepted');

const EMBEDDINGS = `---
title: Choose an embedding model for product images
status: proposed
date: 2024-02-01
tags: [vision]
applies-to: "search/embeddings/**"
options:
  - { id: dinov2, name: DINOv2, blip: dinov2 }
  - { id: clip, name: CLIP }
  - { id: resnet, name: ResNet-50 }
---

# Choose an embedding model for product images

## Context

Visual search needs image embeddings for two million product photos.
`;

const NYGARD = `# 3. Log experiments in MLflow

Date: 2024-03-01

## Status

Accepted

## Context

Experiment results live in notebooks and get lost.

## Decision

We log every training run to MLflow.

## Consequences

Runs are comparable across the team.
`;

let repo: GitDir;
let client: Client;
let stderr = '';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

async function call(name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

async function ok<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
  return result.structuredContent as T;
}

function errorText(result: ToolResult): string {
  expect(result.isError).toBe(true);
  const text = result.content.map((c) => c.text ?? '').join('\n');
  expect(text, 'no stack trace').not.toMatch(/\n\s+at /);
  return text;
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error('dist/cli/bin.js is missing: run `npm run build` first');
  repo = gitdir([
    { files: { 'adrkit.config.json': '{ "dir": "adr" }\n', 'adr/0001-use-polars-for-feature-pipelines.md': POLARS_PROPOSED, 'adr/0002-choose-an-embedding-model-for-product-images.md': EMBEDDINGS }, message: 'propose', date: '2023-01-10T10:00:00Z' },
    { files: { 'adr/0001-use-polars-for-feature-pipelines.md': POLARS_ACCEPTED, 'adr/0003-log-experiments-in-mlflow.md': NYGARD }, message: 'accept polars', date: '2023-02-01T10:00:00Z' },
  ]);
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--today', '2024-06-01'], cwd: repo.path, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  client = new Client({ name: 'adrkit-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  repo?.remove();
});

describe('adrkit mcp: tools, resources and prompts over stdio', () => {
  it('lists every tool with input and output schemas, and marks read-only and destructive tools', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    const read = ['list_records', 'get_record', 'search', 'lint', 'matrix', 'stale_decisions', 'blip', 'governing_decisions', 'review'];
    const write = ['new_record', 'set_status', 'supersede', 'link'];
    expect([...byName.keys()].sort()).toEqual([...read, ...write].sort());
    for (const name of [...read, ...write]) expect(byName.get(name)!.outputSchema, name).toBeDefined();
    for (const name of read) expect(byName.get(name)!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    for (const name of ['set_status', 'supersede', 'link']) expect(byName.get(name)!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get('new_record')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(stderr).toContain('serving the decision log');
  });

  it('list_records: every record, and each filter', async () => {
    const all = await ok<{ total: number; records: Array<{ number: number; status: string; format: string; path: string }> }>('list_records');
    expect(all.total).toBe(3);
    expect(all.records.map((r) => [r.number, r.status, r.format])).toEqual([[1, 'accepted', 'native'], [2, 'proposed', 'native'], [3, 'accepted', 'nygard']]);
    expect(all.records[0].path).toBe('adr/0001-use-polars-for-feature-pipelines.md');
    const numbers = async (args: Record<string, unknown>) => (await ok<{ records: Array<{ number: number }> }>('list_records', args)).records.map((r) => r.number);
    expect(await numbers({ status: 'proposed' })).toEqual([2]);
    expect(await numbers({ tag: 'DATA' })).toEqual([1]);
    expect(await numbers({ blip: 'dinov2' })).toEqual([2]);
    expect(await numbers({ blip: 'sicara-tech-radar-ia-2024/polars' })).toEqual([1]);
    expect(await numbers({ decider: 'ada lovelace' })).toEqual([1]);
    expect(await numbers({ since: '2024-01-01' })).toEqual([2, 3]);
    expect(await numbers({ status: 'accepted', since: '2024-01-01' })).toEqual([3]);
  });

  it('get_record: metadata, sections, matrix, git status history, relations', async () => {
    const record = await ok<Record<string, any>>('get_record', { record: '1' });
    expect(record).toMatchObject({ number: 1, title: 'Use Polars for feature pipelines', status: 'accepted', chosen: 'polars', deciders: ['Ada Lovelace'], appliesTo: ['pipelines/**/*.py'], revisitBy: '2024-01-01' });
    expect(record.sections.map((s: { heading: string }) => s.heading)).toEqual(expect.arrayContaining(['Context', 'Decision', 'Consequences']));
    expect(record.matrix.options.map((o: { id: string; total: number; best: boolean }) => [o.id, o.total, o.best])).toEqual([['polars', 19, true], ['pandas', 13, false], ['duckdb', 15, false]]);
    expect(record.statusHistory.map((h: { status: string }) => h.status)).toEqual(['proposed', 'accepted']);
    expect(record.statusHistory[1].date).toMatch(/^2023-02-01/);
    const nygard = await ok<Record<string, any>>('get_record', { record: 'ADR-0003' });
    expect(nygard).toMatchObject({ number: 3, format: 'nygard', status: 'accepted', matrix: null, statusHistory: [{ status: 'accepted' }] });
  });

  it('search: the site index finds records by body text, prefix and tag', async () => {
    const memory = await ok<{ hits: Array<{ number: number; terms: string[] }> }>('search', { query: 'memory' });
    expect(memory.hits.map((h) => h.number)).toEqual([1]);
    const prefix = await ok<{ hits: Array<{ number: number }> }>('search', { query: 'embed' });
    expect(prefix.hits[0].number).toBe(2);
    const none = await call('search', { query: 'kubernetes' });
    expect(none.structuredContent).toEqual({ query: 'kubernetes', hits: [] });
    expect(none.content[0].text).toContain('no record matches');
  });

  it('lint: findings as data, for the whole log and for given files', async () => {
    const all = await ok<{ fileCount: number; findings: Array<{ ruleId: string; file: string; line: number }> }>('lint');
    expect(all.fileCount).toBe(3);
    // 0001 considered pandas-numpy-backend, a blip in the HOLD ring
    expect(all.findings.some((f) => f.ruleId === 'radar-hold' && f.file === 'adr/0001-use-polars-for-feature-pipelines.md')).toBe(true);
    for (const f of all.findings) expect(f.line).toBeGreaterThan(0);
    const one = await ok<{ fileCount: number; findings: Array<{ file: string }> }>('lint', { files: ['adr/0002-choose-an-embedding-model-for-product-images.md'] });
    expect(one.fileCount).toBe(1);
    for (const f of one.findings) expect(f.file).toBe('adr/0002-choose-an-embedding-model-for-product-images.md');
  });

  it('matrix: the weighted matrix of a record; a record without one is a tool error', async () => {
    const matrix = await ok<{ criteria: Array<{ id: string; weight: number }>; options: Array<{ id: string; chosen: boolean }> }>('matrix', { record: '0001' });
    expect(matrix.criteria).toEqual([{ id: 'quality', name: 'Quality on our data', weight: 3, derived: false }, { id: 'cost', name: 'Cost and maintenance', weight: 1, derived: false }]);
    expect(matrix.options.find((o) => o.chosen)!.id).toBe('polars');
    expect(errorText(await call('matrix', { record: '3' }))).toMatch(/has no decision matrix\n {2}hint: add `criteria`/);
  });

  it('stale_decisions: accepted records past revisit-by at the server\'s today', async () => {
    const stale = await ok<{ today: string; stale: Array<{ number: number; source: string; daysOverdue: number }> }>('stale_decisions');
    expect(stale.today).toBe('2024-06-01');
    expect(stale.stale).toEqual([expect.objectContaining({ number: 1, source: 'revisit-by', due: '2024-01-01', daysOverdue: 152 })]);
  });

  it('blip: ring and the decisions that chose or considered it', async () => {
    const polars = await ok<Record<string, any>>('blip', { blip: 'polars' });
    expect(polars).toMatchObject({ ref: 'sicara-tech-radar-ia-2024/polars', ring: { stance: 'adopt' }, current: true });
    expect(polars.chose.map((r: { number: number }) => r.number)).toEqual([1]);
    expect(polars.considered).toEqual([]);
    const pandas = await ok<Record<string, any>>('blip', { blip: 'pandas-numpy-backend' });
    expect(pandas.ring.stance).toBe('hold');
    expect(pandas.considered.map((r: { number: number }) => r.number)).toEqual([1]);
    expect(errorText(await call('blip', { blip: 'polar' }))).toContain('did you mean');
  });

  it('governing_decisions: applies-to globs matched against paths', async () => {
    const result = await ok<{ decisions: Array<{ number: number; governs: string[] }> }>('governing_decisions', { paths: ['pipelines/daily/features.py', 'search/embeddings/index.py', 'README.md'] });
    expect(result.decisions.map((d) => [d.number, d.governs])).toEqual([[1, ['pipelines/daily/features.py']], [2, ['search/embeddings/index.py']]]);
    const none = await ok<{ decisions: unknown[] }>('governing_decisions', { paths: ['docs/intro.md'] });
    expect(none.decisions).toEqual([]);
  });

  it('review: the status change between two refs', async () => {
    const report = await ok<Record<string, any>>('review', { base: 'HEAD~1', head: 'HEAD' });
    expect(report.decisions.filter((d: { status?: unknown }) => d.status).map((d: { number: number; status: unknown }) => [d.number, d.status])).toEqual([[1, expect.objectContaining({ from: 'proposed', to: 'accepted' })]]);
    expect(report.changes.map((c: { kind: string; number: number }) => [c.kind, c.number]).sort()).toEqual([['added', 3], ['edited', 1]]);
  });

  it('bad input: unknown record, invalid status, bad glob, unknown ref are tool errors with adrkit\'s message and hint; the server keeps serving', async () => {
    const unknown = errorText(await call('get_record', { record: '42' }));
    expect(unknown).toBe('adrkit: no decision record "42" in the log\n  hint: run `adrkit list` to see the records');
    expect(errorText(await call('get_record', { record: '0001-use-polars-for-feature-pipeline' }))).toContain('did you mean 0001-use-polars-for-feature-pipelines?');
    expect(errorText(await call('set_status', { record: '1', status: 'approved' }))).toBe('adrkit: unknown status "approved"\n  hint: use one of proposed, accepted, rejected, deprecated, superseded');
    const glob = errorText(await call('governing_decisions', { paths: ['src/[models'] }));
    expect(glob).toMatch(/^adrkit: bad glob "src\/\[models": .*\n {2}hint: close every \[/);
    expect(errorText(await call('governing_decisions', { paths: ['/etc/passwd'] }))).toContain('absolute path');
    expect(errorText(await call('review', { base: 'no-such-branch' }))).toMatch(/^adrkit: /);
    expect(errorText(await call('link', { from: '1', to: '2', relation: 'blocks' }))).toContain('unknown relation "blocks"');
    expect(errorText(await call('new_record', { title: 'X', template: 'adr-tools' }))).toBe('adrkit: unknown template "adr-tools"\n  hint: use one of algorithm, madr, nygard');
    expect(errorText(await call('new_record', { title: 'X', options: [{ name: 'Y', blip: 'no-such-blip' }] }))).toMatch(/^adrkit: --option "Y@no-such-blip": /);
    expect((await ok<{ total: number }>('list_records')).total).toBe(3);
  });

  it('resources: records (listed, markdown), the index, radar blips', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(expect.arrayContaining(['adr://index', 'adr://records/1', 'adr://records/2', 'adr://records/3', 'adr://radar/polars', 'adr://radar/dinov2']));
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(['adr://radar/{blip}', 'adr://records/{number}']);
    const record = await client.readResource({ uri: 'adr://records/3' });
    expect(record.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: NYGARD });
    const index = (await client.readResource({ uri: 'adr://index' })).contents[0] as { text: string };
    expect(index.text).toContain('| 1 | [Use Polars for feature pipelines](adr://records/1) | accepted | 2023-01-10 |');
    expect(index.text).toContain('| 3 | [Log experiments in MLflow](adr://records/3) | accepted | 2024-03-01 |');
    const blip = (await client.readResource({ uri: 'adr://radar/pandas-numpy-backend' })).contents[0] as { text: string };
    expect(blip.text).toMatch(/Ring: .*\(hold\)/);
    expect(blip.text).toMatch(/## Decisions that considered it\n\n- \[1\. Use Polars for feature pipelines\]\(adr:\/\/records\/1\) \(accepted\)/);
    await expect(client.readResource({ uri: 'adr://records/99' })).rejects.toThrow(/no decision record "99"/);
    // a malformed escape is an unknown record, not an internal error
    await expect(client.readResource({ uri: 'adr://records/%E0%A4%A' })).rejects.toThrow(/no decision record "%E0%A4%A"/);
  });

  it('prompts: draft an ADR, review a decision, revisit a stale decision', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['draft_decision_record', 'review_decision', 'revisit_decision']);
    const draft = await client.getPrompt({ name: 'draft_decision_record', arguments: { problem: 'embedding model for product photos' } });
    const draftText = (draft.messages[0].content as { text: string }).text;
    expect(draftText).toContain('Reliable existing implementation');
    expect(draftText).toContain('Hardware constraints');
    expect(draftText).toContain('Data needs');
    expect(draftText).toContain('at least 3 realistic options');
    expect(draftText).toContain('**Impacts**');
    expect(draftText).toContain('adr://records/2');
    const review = await client.getPrompt({ name: 'review_decision', arguments: { record: '1' } });
    const reviewText = (review.messages[0].content as { text: string }).text;
    expect(reviewText).toContain('We use Polars lazy frames');
    expect(reviewText).toContain('radar-hold');
    const revisit = await client.getPrompt({ name: 'revisit_decision', arguments: {} });
    const revisitText = (revisit.messages[0].content as { text: string }).text;
    expect(revisitText).toContain('Why now: its revisit date 2024-01-01 passed 152 days ago');
    expect(revisitText).toContain('# Use Polars for feature pipelines');
  });

  it('new_record: preview returns the file as a diff and writes nothing; confirm creates it', async () => {
    const args = {
      title: 'Choose a vector database',
      criteria: ['quality', 'implementation', { name: 'Latency', weight: 2 }],
      options: [{ name: 'Qdrant', blip: 'dedicated-vector-databases' }, { name: 'pgvector' }, { name: 'FAISS' }],
      tags: ['search'],
    };
    const before = readdirSync(repo.join('adr')).sort();
    const preview = await ok<{ applied: boolean; files: string[]; diff: string; summary: string }>('new_record', args);
    expect(preview.applied).toBe(false);
    expect(preview.files).toEqual(['adr/0004-choose-a-vector-database.md']);
    expect(preview.summary).toContain('nothing written');
    expect(preview.diff).toMatch(/^--- \/dev\/null\n\+\+\+ b\/adr\/0004-choose-a-vector-database.md\n@@ -0,0 \+1,\d+ @@\n/);
    expect(preview.diff).toContain('+title: Choose a vector database');
    expect(preview.diff).toMatch(/\+ {4}name: Latency/);
    expect(readdirSync(repo.join('adr')).sort()).toEqual(before);

    const done = await ok<{ applied: boolean; files: string[]; diff: string }>('new_record', { ...args, confirm: true });
    expect(done.applied).toBe(true);
    const written = readFileSync(repo.join('adr/0004-choose-a-vector-database.md'), 'utf8');
    const added = preview.diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1)).join('\n');
    expect(`${added}\n`).toBe(written);
    expect(written).toContain('blip: dedicated-vector-databases');
    expect(written).toMatch(/ring: \w+/);
    const again = await ok<{ files: string[] }>('new_record', { ...args, confirm: true });
    expect(again.files).toEqual(['adr/0005-choose-a-vector-database.md']);
    expect(readFileSync(repo.join('adr/0004-choose-a-vector-database.md'), 'utf8')).toBe(written);
  });

  it('set_status: preview diff, then confirm writes exactly that change', async () => {
    const file = repo.join('adr/0002-choose-an-embedding-model-for-product-images.md');
    const preview = await ok<{ applied: boolean; diff: string }>('set_status', { record: '2', status: 'accepted', date: '2024-06-01' });
    expect(preview.applied).toBe(false);
    expect(preview.diff).toMatch(/^--- a\/adr\/0002-choose-an-embedding-model-for-product-images.md\n\+\+\+ b\/adr\/0002-choose-an-embedding-model-for-product-images.md\n@@ /);
    expect(preview.diff).toContain('\n-status: proposed\n');
    expect(preview.diff).toContain('\n+status: accepted\n');
    expect(preview.diff).toContain('\n+date: 2024-06-01\n');
    expect(readFileSync(file, 'utf8')).toBe(EMBEDDINGS);
    const done = await ok<{ applied: boolean; diff: string }>('set_status', { record: '2', status: 'accepted', date: '2024-06-01', confirm: true });
    expect(done).toMatchObject({ applied: true, diff: preview.diff });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('status: accepted');
    expect(text).toContain('date: 2024-06-01');
    const same = await ok<{ applied: boolean; summary: string; diff: string }>('set_status', { record: '2', status: 'accepted', confirm: true });
    expect(same).toMatchObject({ applied: false, diff: '' });
    expect(same.summary).toContain('already accepted');
  });

  it('supersede: both files in the diff; confirm writes both', async () => {
    const preview = await ok<{ applied: boolean; files: string[]; diff: string }>('supersede', { old: '2', by: '4', date: '2024-06-01' });
    expect(preview.applied).toBe(false);
    expect(preview.files.sort()).toEqual(['adr/0002-choose-an-embedding-model-for-product-images.md', 'adr/0004-choose-a-vector-database.md']);
    expect(preview.diff).toContain('+status: superseded');
    expect(readFileSync(repo.join('adr/0002-choose-an-embedding-model-for-product-images.md'), 'utf8')).toContain('status: accepted');
    await ok('supersede', { old: '2', by: '4', date: '2024-06-01', confirm: true });
    expect(readFileSync(repo.join('adr/0002-choose-an-embedding-model-for-product-images.md'), 'utf8')).toMatch(/status: superseded[\s\S]*superseded-by: 4/);
    expect(readFileSync(repo.join('adr/0004-choose-a-vector-database.md'), 'utf8')).toContain('supersedes: 2');
    const record = await ok<{ relations: { supersededBy: Array<{ number: number }> } }>('get_record', { record: '2' });
    expect(record.relations.supersededBy.map((r) => r.number)).toEqual([4]);
  });

  it('link: relates-to on both sides, after confirm only', async () => {
    const nygard = readFileSync(repo.join('adr/0003-log-experiments-in-mlflow.md'), 'utf8');
    const preview = await ok<{ applied: boolean; diff: string }>('link', { from: '1', to: '3', relation: 'relates-to' });
    expect(preview.diff).toContain('+relates-to: 3');
    expect(readFileSync(repo.join('adr/0003-log-experiments-in-mlflow.md'), 'utf8')).toBe(nygard);
    await ok('link', { from: '1', to: '3', relation: 'relates-to', confirm: true });
    expect(readFileSync(repo.join('adr/0001-use-polars-for-feature-pipelines.md'), 'utf8')).toContain('relates-to: 3');
    expect(readFileSync(repo.join('adr/0003-log-experiments-in-mlflow.md'), 'utf8')).toMatch(/^---\nrelates-to: 1\n---\n/);
    const record = await ok<{ relations: { relatesTo: Array<{ number: number }> } }>('get_record', { record: '3' });
    expect(record.relations.relatesTo.map((r) => r.number)).toEqual([1]);
  });
});

describe('adrkit mcp: edits made outside the server', () => {
  it('sees a record edited in place and a record added by another process', async () => {
    const file = repo.join('adr/0003-log-experiments-in-mlflow.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('# 3. Log experiments in MLflow', '# 3. Log experiments in MLflow and W&B'));
    await vi.waitFor(async () => expect((await ok<{ title: string }>('get_record', { record: '3' })).title).toBe('Log experiments in MLflow and W&B'), { timeout: 5000, interval: 100 });
    writeFileSync(repo.join('adr/0006-track-data-versions.md'), '# 6. Track data versions\n\nDate: 2024-06-01\n\n## Status\n\nProposed\n\n## Context\n\nTraining data changes weekly; we cannot reproduce last month\'s model.\n');
    await vi.waitFor(async () => expect((await ok<{ total: number }>('list_records')).total).toBe(6), { timeout: 5000, interval: 100 });
    await vi.waitFor(async () => expect((await ok<{ hits: Array<{ number: number }> }>('search', { query: 'reproduce' })).hits.map((h) => h.number)).toEqual([6]), { timeout: 5000, interval: 100 });
  });
});

describe('adrkit mcp: start-up', () => {
  it('exits 2 with the CLI\'s message when the directory has no decision log', () => {
    const dir = testdir({ 'README.md': '# x\n' });
    try {
      const result = spawnSync(process.execPath, [BIN, 'mcp'], { cwd: dir.path, input: '', encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^adrkit: no decision log folder found in .*\n {2}hint: run `adrkit init`/);
      expect(result.stdout).toBe('');
    } finally {
      dir.remove();
    }
  });

  it('rejects a bad --today', () => {
    const result = spawnSync(process.execPath, [BIN, 'mcp', '--today', '2024-02-30'], { cwd: ROOT, input: '', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--today must be a real date YYYY-MM-DD, got "2024-02-30"');
  });
});

