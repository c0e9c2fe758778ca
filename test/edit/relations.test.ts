import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/workspace/read-log.js';
import { supersede } from '../../src/edit/relations.js';
import { commitWrites } from '../../src/workspace/transaction.js';
import { cli, read, testdir } from './helpers.js';

const load = (dir: string) => readLog(dir, join(dir, 'adr')).records;
const byNumber = (dir: string, n: number) => load(dir).find((r) => r.record.number === n)!;

describe('adrkit supersede', () => {
  it('sets both sides on frontmatter records', async () => {
    const dir = testdir({}, '.');
    const { code, stdout } = await cli(dir, ['supersede', '1', '--by', '2', '--date', '2026-06-01']);
    expect(code).toBe(0);
    expect(stdout).toContain('adr/0001-use-faiss.md: superseded by adr/0002-use-pgvector.md');
    const old = byNumber(dir, 1).record;
    expect(old.status).toBe('superseded');
    expect(old.supersededBy).toEqual([2]);
    expect(old.frontmatter['status-history']).toEqual([
      { status: 'proposed', date: '2026-01-10' },
      { status: 'superseded', date: '2026-06-01' },
    ]);
    expect(byNumber(dir, 2).record.supersedes).toEqual([1]);
    expect(read(dir, '0002-use-pgvector.md')).toContain('date: 2026-02-01\nsupersedes: 1\n---');
  });

  it('writes Nygard records the adr-tools way (status lines with links)', async () => {
    const dir = testdir({
      '0005-nygard-new.md': '# 5. Deploy with Argo CD\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n',
    }, '.');
    expect((await cli(dir, ['supersede', '3', '--by', '5'])).code).toBe(0);
    expect(read(dir, '0003-nygard.md')).toContain('## Status\n\nSuperseded by [5. Deploy with Argo CD](0005-nygard-new.md)\n\n## Context');
    expect(read(dir, '0005-nygard-new.md')).toContain('## Status\n\nAccepted\n\nSupersedes [3. Deploy with Helm](0003-nygard.md)\n\n## Context');
    expect(byNumber(dir, 3).record).toMatchObject({ status: 'superseded', supersededBy: ['0005-nygard-new.md'] });
    expect(byNumber(dir, 5).record).toMatchObject({ status: 'accepted', supersedes: ['0003-nygard.md'] });
  });

  it('writes neither file when the second changes between read and write', () => {
    const dir = testdir({}, '.');
    const [old, by] = [byNumber(dir, 1), byNumber(dir, 2)];
    const edit = supersede(old, by, '2026-06-01');
    const before = [read(dir, '0001-use-faiss.md'), read(dir, '0002-use-pgvector.md')];
    expect(() =>
      commitWrites([
        { path: by.absPath, expected: by.text, content: edit.from },
        { path: old.absPath, expected: old.text, content: edit.to },
      ], { beforeRename: (i) => { if (i === 1) throw new Error('EIO'); } }),
    ).toThrow();
    expect([read(dir, '0001-use-faiss.md'), read(dir, '0002-use-pgvector.md')]).toEqual(before);
  });

  it('`adrkit new --supersedes` creates the record and updates the old one', async () => {
    const dir = testdir({}, '.');
    const { code, stdout, stderr } = await cli(dir, ['new', 'Use Qdrant', '--supersedes', '2', '--date', '2026-07-01', '--no-input', '--option', 'Qdrant', '--option', 'pgvector', '--option', 'FAISS']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('adr/0005-use-qdrant.md');
    expect(byNumber(dir, 5).record.supersedes).toEqual([2]);
    expect(byNumber(dir, 2).record).toMatchObject({ status: 'superseded', supersededBy: [5] });
  });

  it('`adrkit new --supersedes` with an unknown record creates nothing', async () => {
    const dir = testdir({}, '.');
    const { code, stderr } = await cli(dir, ['new', 'Use Qdrant', '--supersedes', '42', '-t', 'nygard']);
    expect(code).toBe(2);
    expect(stderr).toContain('no decision record "42"');
    expect(readdirSync(join(dir, 'adr')).sort()).toEqual(['0001-use-faiss.md', '0002-use-pgvector.md', '0003-nygard.md', '0004-madr-bullets.md']);
  });
});

describe('adrkit link', () => {
  it('relates-to goes on both sides; a second run changes nothing', async () => {
    const dir = testdir({}, '.');
    expect((await cli(dir, ['link', '1', '3', '--as', 'relates-to'])).code).toBe(0);
    expect(byNumber(dir, 1).record.relatesTo).toEqual([3]);
    expect(byNumber(dir, 3).record.relatesTo).toEqual([1]);
    expect(byNumber(dir, 3).record.status).toBe('proposed');
    const again = await cli(dir, ['link', '1', '3', '--as', 'relates-to']);
    expect(again.stdout).toContain('already relates-to');
  });

  it('amends goes on the amending record only (no inverse key in the schema)', async () => {
    const dir = testdir({}, '.');
    const before = read(dir, '0002-use-pgvector.md');
    expect((await cli(dir, ['link', '1', '2', '--as', 'amends'])).code).toBe(0);
    expect(byNumber(dir, 1).record.amends).toEqual([2]);
    expect(read(dir, '0002-use-pgvector.md')).toBe(before);
  });

  it('rejects unknown relations with exit 2', async () => {
    const dir = testdir({}, '.');
    const { code, stderr } = await cli(dir, ['link', '1', '2', '--as', 'supersedes']);
    expect(code).toBe(2);
    expect(stderr).toContain('adrkit supersede');
  });
});
