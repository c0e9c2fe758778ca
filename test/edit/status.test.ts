import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';
import { cli, read, testdir } from './helpers.js';

describe('adrkit status', () => {
  it('sets the status of a frontmatter record keeping comments and key order, and records the history', async () => {
    const dir = testdir({}, '.');
    const { code, stdout } = await cli(dir, ['status', '1', 'accepted', '--date', '2026-03-01']);
    expect(code).toBe(0);
    expect(stdout).toContain('proposed -> accepted');
    const text = read(dir, '0001-use-faiss.md');
    expect(text).toContain('# Vector index for semantic search\ntitle: Use FAISS for the vector index\nstatus: accepted # waiting for the benchmark\ndate: 2026-03-01\n');
    expect(text).toContain('tags: [search]');
    expect(text).toContain('scores: {quality: 4, cost: 5}'); // flow maps stay flow, unpadded
    expect(text).toMatch(/status-history:\n {2}- status: proposed\n {4}date: 2026-01-10\n {2}- status: accepted\n {4}date: 2026-03-01\n---\n/);
    // body untouched
    expect(text.slice(text.indexOf('\n# Use FAISS'))).toBe('\n# Use FAISS for the vector index\n\n## Context and problem\n\nWe need nearest-neighbour search.\n\n## Decision\n\nWe take pgvector.\n');
    expect(parseRecord('0001-use-faiss.md', text).record.status).toBe('accepted');
  });

  it('changes only the edited keys: every other byte of the file (padded flow maps, quoting, comments, blank lines) is kept', async () => {
    const original = [
      '---',
      "# top comment",
      'title: "Pick a reranker"',
      'status:   proposed   # still open',
      'date: 2026-01-10',
      "tags: [ search,  ranking ]",
      '',
      'options:',
      '  - id: a',
      '    name: Cohere',
      '    scores: { quality: 4, cost: 2 }   # measured',
      '  - id: b',
      "    name: 'bge'",
      '    scores: {   quality: 3, cost: 5 }',
      'chosen: a',
      '---',
      '',
      '# Pick a reranker',
      '',
    ].join('\n');
    const dir = testdir({ '0009-reranker.md': original });
    const { code } = await cli(dir, ['status', '9', 'accepted', '--date', '2026-03-01']);
    expect(code).toBe(0);
    const text = read(dir, '0009-reranker.md');
    const edited = new Set(['status', 'date', 'status-history']);
    // Drop the edited top-level entries from both texts: what is left must be identical bytes.
    const parts = (t: string) => {
      const end = t.indexOf('\n---\n', 4);
      const yaml = t.slice(4, end + 1);
      const kept = yaml.split(/^(?=[^\s#-][^:\n]*:)/m).filter((chunk) => !edited.has(chunk.slice(0, chunk.indexOf(':'))));
      return { kept: kept.join(''), body: t.slice(end) };
    };
    expect(parts(text)).toEqual(parts(original));
    expect(text).toContain('    scores: { quality: 4, cost: 2 }   # measured\n');
    expect(text).toContain('status: accepted');
    expect(parseRecord('0009-reranker.md', text).record.status).toBe('accepted');
  });

  it('keeps the decision date when an accepted record is deprecated (the change goes to status-history)', async () => {
    const dir = testdir({}, '.');
    await cli(dir, ['status', '0002-use-pgvector', 'deprecated', '--date', '2026-05-05']);
    const text = read(dir, '0002-use-pgvector.md');
    expect(text).toContain('status: deprecated\ndate: 2026-02-01\n');
    expect(text).toContain('status-history:\n  - status: accepted\n    date: 2026-02-01\n  - status: deprecated\n    date: 2026-05-05\n');
  });

  it('says when it moves the decision date, and refuses a --date before the last status change (the history would read out of order)', async () => {
    const dir = testdir({}, '.');
    const moved = await cli(dir, ['status', '1', 'accepted', '--date', '2026-03-01']);
    expect(moved.stdout).toContain('date 2026-01-10 -> 2026-03-01');
    const before = read(dir, '0001-use-faiss.md');
    const early = await cli(dir, ['status', '1', 'deprecated', '--date', '2026-02-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--date 2026-02-01 is before the last status change (accepted on 2026-03-01)');
    expect(read(dir, '0001-use-faiss.md')).toBe(before);
    const kept = await cli(dir, ['status', '1', 'deprecated', '--date', '2026-04-01']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).not.toContain('date ');
  });

  it('edits the Status section of a Nygard record in place, and its Date line on acceptance', async () => {
    const dir = testdir({}, '.');
    const before = read(dir, '0003-nygard.md');
    const { code } = await cli(dir, ['status', 'adr/0003-nygard.md', 'accepted']);
    expect(code).toBe(0);
    const text = read(dir, '0003-nygard.md');
    expect(text).toBe(before.replace('\nProposed\n', '\nAccepted\n').replace('Date: 2025-01-02', 'Date: 2026-11-21'));
    expect(text.startsWith('---')).toBe(false);
  });

  it('edits a MADR status bullet in place', async () => {
    const dir = testdir({}, '.');
    await cli(dir, ['status', '4', 'rejected', '--date', '2025-04-01']);
    const text = read(dir, '0004-madr-bullets.md');
    expect(text).toContain('* Status: Rejected\n* Deciders: Ana, Bo\n* Date: 2025-04-01\n');
    expect(parseRecord('0004-madr-bullets.md', text).record.status).toBe('rejected');
  });

  it('fails with exit 2 for an unknown status or record, naming the problem, and writes nothing', async () => {
    const dir = testdir({}, '.');
    const before = read(dir, '0001-use-faiss.md');
    const bad = await cli(dir, ['status', '1', 'approvedd']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown status "approvedd"');
    const missing = await cli(dir, ['status', '0001-use-fais', 'accepted']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('did you mean 0001-use-faiss');
    expect(read(dir, '0001-use-faiss.md')).toBe(before);
  });
});
