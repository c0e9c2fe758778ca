import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { z } from 'zod';
import { parse } from 'csv-parse/sync';
import { ExportedLog } from '../../src/model/export.js';
import { cli, FIXTURES, testdir } from './helpers.js';

const accepted = (n: number, date: string, extra = '') => `---
title: Record ${n}
status: accepted
date: ${date}
${extra}---

# Record ${n}
`;

describe('adrkit stale', () => {
  it('lists accepted records past revisit-by or acceptance + interval, exit 1', async () => {
    const dir = testdir({
      '0001-a.md': accepted(1, '2026-01-01', 'revisit-by: 2026-06-01\n'),
      '0002-b.md': accepted(2, '2025-12-01', 'options:\n  - {id: x, name: X}\n'), // algorithm record: 9 months -> 2026-09-01
      '0003-c.md': accepted(3, '2020-01-01'), // not an algorithm record, no config: never due
      '0004-d.md': accepted(4, '2026-05-01', 'criteria:\n  - {id: q, name: Q}\n'), // due 2027-02-01
    });
    const { code, stdout } = await cli(dir, ['stale', '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      { number: 1, title: 'Record 1', path: 'adr/0001-a.md', acceptedOn: '2026-01-01', due: '2026-06-01', source: 'revisit-by', daysOverdue: 173 },
      { number: 2, title: 'Record 2', path: 'adr/0002-b.md', acceptedOn: '2025-12-01', due: '2026-09-01', source: 'interval', daysOverdue: 81 },
    ]);
    const table = await cli(dir, ['stale']);
    expect(table.stdout).toMatch(/2\s+Record 2\s+2026-09-01\s+81 d\s+accepted 2025-12-01 \+ 9 months/);
  });

  it('uses revisitMonths from the config for every record, and the acceptance in status-history', async () => {
    const dir = testdir({ '0001-a.md': accepted(1, '2020-01-01', 'status-history:\n  - {status: accepted, date: 2026-08-01}\n') });
    writeFileSync(join(dir, 'adrkit.config.json'), JSON.stringify({ dir: 'adr', revisitMonths: 3 }));
    const { code, stdout } = await cli(dir, ['stale', '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ due: '2026-11-01', acceptedOn: '2026-08-01' });
  });

  it('exits 0 when nothing is overdue', async () => {
    const dir = testdir({}, '.');
    const { code, stdout } = await cli(dir, ['stale']);
    expect(code).toBe(0);
    expect(stdout).toContain('no accepted record is past its revisit date');
  });
});

describe('adrkit index', () => {
  it('creates the markers at the end of README.md, then is idempotent', async () => {
    const dir = testdir({ 'README.md': '# Decisions\n\nIntro kept.\n' }, '.');
    const first = await cli(dir, ['index']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('adr/README.md: index updated (4 records)');
    const text = readFileSync(join(dir, 'adr', 'README.md'), 'utf8');
    expect(text).toBe(`# Decisions

Intro kept.

<!-- adrkit:index -->
| # | Title | Status | Date |
| --- | --- | --- | --- |
| 1 | [Use FAISS for the vector index](0001-use-faiss.md) | proposed | 2026-01-10 |
| 2 | [Use pgvector](0002-use-pgvector.md) | accepted | 2026-02-01 |
| 3 | [Deploy with Helm](0003-nygard.md) | proposed | 2025-01-02 |
| 4 | [Use Kafka for events](0004-madr-bullets.md) | proposed | 2025-03-04 |
<!-- adrkit:index-end -->
`);
    const second = await cli(dir, ['index']);
    expect(second.stdout).toContain('up to date');
    expect(readFileSync(join(dir, 'adr', 'README.md'), 'utf8')).toBe(text);
  });

  it('replaces only what is between the markers of --file, with links relative to it', async () => {
    const dir = testdir({}, '.');
    writeFileSync(join(dir, 'DECISIONS.md'), 'top\n<!-- adrkit:index -->\nold\n<!-- adrkit:index-end -->\nbottom\n');
    await cli(dir, ['index', '--file', 'DECISIONS.md']);
    const text = readFileSync(join(dir, 'DECISIONS.md'), 'utf8');
    expect(text.startsWith('top\n<!-- adrkit:index -->\n| # |')).toBe(true);
    expect(text.endsWith('<!-- adrkit:index-end -->\nbottom\n')).toBe(true);
    expect(text).toContain('](adr/0002-use-pgvector.md)');
    expect(text).not.toContain('old');
  });
});

describe('adrkit export', () => {
  it('keeps an unfilled placeholder status as data, never as status text (export, list)', async () => {
    const placeholder = '# 30. Use Lambda\n\nDate: 2024-05-17\n\n## Status\n\n> Accepted or Rejected\n>\n> Valid ADR statuses are: "Proposed", "Accepted", "Rejected".\n\n## Context\n\nx\n';
    const dir = testdir({ '0030-use-lambda.md': placeholder, '0031-use-x.md': '# 31. Use X\n\n## Status\n\nAccepted\n' });
    writeFileSync(join(dir, 'adrkit.config.json'), JSON.stringify({ dir: 'adr' }));
    const exported = JSON.parse((await cli(dir, ['export', '--format', 'json'])).stdout);
    const schema = z.toJSONSchema(ExportedLog, { target: 'draft-7', io: 'input' });
    expect(new Ajv({ strict: false }).compile(schema)(exported)).toBe(true);
    expect(exported.records[0]).toMatchObject({ number: 30, status: null, statusText: null, statusPlaceholder: 'Accepted or Rejected' });
    expect(exported.records[1]).not.toHaveProperty('statusPlaceholder');
    const listed = await cli(dir, ['list', '--format', 'json']);
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({ number: 30, status: null, statusText: null });
    expect((await cli(dir, ['list'])).stdout).not.toContain('Accepted or Rejected');
  });

  it('JSON validates against the generated export schema', async () => {
    const dir = testdir({}, '.');
    const { code, stdout } = await cli(dir, ['export', '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    const schema = z.toJSONSchema(ExportedLog, { target: 'draft-7', io: 'input' });
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.records).toHaveLength(4);
    expect(data.records[0]).toMatchObject({ number: 1, status: 'proposed', chosen: 'pgvector' });
    expect(data.records[0].options.map((o: { total: number }) => o.total)).toEqual([17, 13, 16]);
    expect(validate({ ...data, records: [{ ...data.records[0], status: 'approved' }] })).toBe(false);
  });

  it('CSV has one row per record with criteria, options and scores flattened; -o writes a file', async () => {
    const dir = testdir({}, '.');
    const { code } = await cli(dir, ['export', '--format', 'csv', '-o', 'log.csv']);
    expect(code).toBe(0);
    const rows = parse(readFileSync(join(dir, 'log.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      number: '1',
      title: 'Use FAISS for the vector index',
      deciders: 'Ana Lima',
      criteria: 'quality (3); cost (1)',
      options: 'faiss: FAISS @faiss = 17; pgvector: pgvector @pgvector = 13; pinecone: Pinecone = 16',
      scores: 'faiss.quality=4; faiss.cost=5; pgvector.quality=3; pgvector.cost=4; pinecone.quality=5; pinecone.cost=1',
      chosen: 'pgvector',
    });
    expect(rows[2]).toMatchObject({ number: '3', format: 'nygard', status: 'proposed', options: '' });
  });
});

describe('adrkit stale, radar', () => {
  it('lists accepted records whose option blips moved ring since the decision', async () => {
    const dir = testdir({
      '0001-a.md': accepted(1, '2023-07-01', 'options:\n  - {id: bert, name: BERT, blip: bert}\n  - {id: xgb, name: XGBoost, blip: xgboost}\nrevisit-by: 2030-01-01\n'),
    });
    copyFileSync(join(FIXTURES, '..', 'radar', 'native', 'two-editions.yaml'), join(dir, 'radar.yaml'));
    writeFileSync(join(dir, 'adrkit.config.json'), JSON.stringify({ dir: 'adr', radars: ['radar.yaml'] }));
    const { code, stdout, stderr } = await cli(dir, ['stale', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      { number: 1, title: 'Record 1', path: 'adr/0001-a.md', acceptedOn: '2023-07-01', due: '2030-01-01', source: 'ring-moved', daysOverdue: null, moves: ['BERT: Use -> Avoid'] },
    ]);
  });
});
