import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';
import { readLog } from '../../src/workspace/read-log.js';
import { Frontmatter } from '../../src/model/record.js';
import { splitFrontmatter } from '../../src/parse/frontmatter.js';
import { cli, cloneCorpus, testdir } from './helpers.js';
import { HAS_CORPUS } from '../helpers/corpus.js';

const snapshot = (dir: string) =>
  readLog(dir, dir).records.map((r) => ({ file: r.file, title: r.record.title, status: r.record.status, statusText: r.record.status ? undefined : r.record.statusText, body: r.record.body }));

async function importAndLint(name: string, from: string) {
  const dir = cloneCorpus(name);
  const before = snapshot(dir);
  const texts = new Map(readLog(dir, dir).records.map((r) => [r.absPath, r.text]));
  const dry = await cli(dir, ['import', '--dir', '.', '--from', from]);
  expect(dry.code).toBe(0);
  // dry run: nothing written
  for (const [path, text] of texts) expect(readFileSync(path, 'utf8')).toBe(text);
  const written = await cli(dir, ['import', '--dir', '.', '--from', from, '--write']);
  expect(written.code).toBe(0);
  const after = readLog(dir, dir).records;
  const lint = await cli(dir, ['lint', '--dir', '.', '--format', 'json', '--rule', 'parse', 'frontmatter-schema']);
  return { dir, before, after, texts, dry, written, lint };
}

describe('adrkit import on real logs', () => {
  it.skipIf(!HAS_CORPUS)('converts the Nygard log (alphagov/govuk-aws): titles and statuses unchanged, bodies kept, schema-valid frontmatter', async () => {
    const { before, after, texts, dry, written, lint } = await importAndLint('alphagov__govuk-aws', 'nygard');
    expect(dry.stdout).toContain('--- a/0004-dns-definitions-for-hosts-and-services.md\n+++ b/0004-dns-definitions-for-hosts-and-services.md\n@@ -1,3 +1,9 @@\n+---\n+title: DNS definitions for hosts and services\n+status: superseded\n+date: 2017-07-14\n+superseded-by: 15\n+---\n # 4. DNS definitions');
    expect(written.stdout).toBe(`converted ${before.length} records\n`);
    expect(snapshot(after[0].absPath.replace(/\/[^/]+$/, ''))).toEqual(before);
    for (const r of after) {
      expect(r.hasFrontmatter).toBe(true);
      // no content loss: the file is the old file with a frontmatter block in front
      expect(r.text.endsWith(texts.get(r.absPath)!)).toBe(true);
      const result = Frontmatter.safeParse(r.record.frontmatter);
      expect(result.success, `${r.file}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    expect(after.find((r) => r.record.number === 4)!.record.frontmatter['superseded-by']).toBe(15);
    expect(JSON.parse(lint.stdout).findings).toEqual([]);
    expect(lint.code).toBe(0);
    // idempotent
    expect((await cli(after[0].absPath.replace(/\/[^/]+$/, ''), ['import', '--dir', '.'])).stdout).toContain('nothing to convert');
  });

  it.skipIf(!HAS_CORPUS)('converts the MADR log (adr/madr): Jekyll keys, comments and bodies kept; titles and statuses unchanged', async () => {
    const { dir, before, after, texts, lint } = await importAndLint('adr__madr', 'madr');
    expect(snapshot(dir)).toEqual(before);
    for (const r of after) {
      const old = texts.get(r.absPath)!;
      const oldSplit = splitFrontmatter(old);
      const newSplit = splitFrontmatter(r.text)!;
      expect(newSplit.rest).toBe(oldSplit ? oldSplit.rest : old);
      expect(r.record.frontmatter.title).toBe(r.record.title);
      if (oldSplit) for (const line of oldSplit.yaml.split('\n').filter(Boolean)) expect(newSplit.yaml).toContain(line);
    }
    const r3 = after.find((r) => r.record.number === 3)!;
    expect(r3.text.startsWith('---\ntitle: Write Own MADR Tooling\nparent: Decisions\nnav_order: 3\nstatus: on hold\n')).toBe(true);
    // MADR's considered options and chosen option become options / chosen
    expect(r3.record.options.length).toBeGreaterThan(1);
    if (r3.record.chosen) expect(r3.record.options.map((o) => o.id)).toContain(r3.record.chosen);
    expect(JSON.parse(lint.stdout).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(lint.code).toBe(0);
  });

  it('converts MADR bullets and log4brains-style supersedes to adrkit keys, refusing nothing but --from typos', async () => {
    const dir = testdir({
      '0005-new.md': '# Use Pulsar\n\n* Status: accepted; supersedes [ADR-0004](0004-madr-bullets.md)\n* Deciders: Ana, Bo\n* Tags: events, messaging\n* Date: 2025-05-05\n\n## Context and Problem Statement\n\nx\n',
    }, '.');
    const bad = await cli(dir, ['import', '--from', 'adr-tools']);
    expect(bad.code).toBe(2);
    await cli(dir, ['import', '--write']);
    const text = readFileSync(`${dir}/adr/0005-new.md`, 'utf8');
    expect(text).toBe('---\ntitle: Use Pulsar\nstatus: accepted\ndate: 2025-05-05\ndeciders:\n  - Ana\n  - Bo\ntags:\n  - events\n  - messaging\nsupersedes: 4\n---\n# Use Pulsar\n\n* Status: accepted; supersedes [ADR-0004](0004-madr-bullets.md)\n* Deciders: Ana, Bo\n* Tags: events, messaging\n* Date: 2025-05-05\n\n## Context and Problem Statement\n\nx\n');
    // the native record 0001 is left alone
    expect(readFileSync(`${dir}/adr/0001-use-faiss.md`, 'utf8')).toContain('# Vector index for semantic search');
  });

  it('extracts MADR considered options and the chosen option into options / chosen', async () => {
    const dir = testdir({
      '0006-pick-a-queue.md': [
        '---',
        'status: accepted',
        'date: 2025-06-01',
        '---',
        '',
        '# Pick a message queue',
        '',
        '## Considered Options',
        '',
        '* [Apache Kafka](https://kafka.apache.org)',
        '* **RabbitMQ**',
        '* Amazon SQS',
        '  * managed, but AWS only',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "RabbitMQ", because the team runs it already.',
        '',
      ].join('\n'),
    }, '.');
    const { code, stderr } = await cli(dir, ['import', '--write']);
    expect(code, stderr).toBe(0);
    const { record } = parseRecord('0006-pick-a-queue.md', readFileSync(`${dir}/adr/0006-pick-a-queue.md`, 'utf8'));
    expect(record.options.map((o) => [o.id, o.name])).toEqual([['apache-kafka', 'Apache Kafka'], ['rabbitmq', 'RabbitMQ'], ['amazon-sqs', 'Amazon SQS']]);
    expect(record.chosen).toBe('rabbitmq');
    expect(record.title).toBe('Pick a message queue');
  });
});
