import { describe, expect, it } from 'vitest';
import { cli, testdir } from '../edit/helpers.js';

describe('adrkit show', () => {
  it('prints metadata, the options matrix, the status history and relations both ways', async () => {
    const dir = testdir({}, '.');
    await cli(dir, ['status', '1', 'accepted', '--date', '2026-03-01']);
    await cli(dir, ['supersede', '2', '--by', '1', '--date', '2026-03-02']);
    const { code, stdout, stderr } = await cli(dir, ['show', '1']);
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('1. Use FAISS for the vector index');
    expect(stdout).toMatch(/^Status: +accepted$/m);
    expect(stdout).toMatch(/^Date: +2026-03-01$/m);
    expect(stdout).toMatch(/^Deciders: +Ana Lima$/m);
    expect(stdout).toMatch(/^Tags: +search$/m);
    expect(stdout).toMatch(/^File: +adr\/0001-use-faiss\.md$/m);
    // the weighted matrix: FAISS 4×3+5×1 = 17, pgvector 13, Pinecone 16
    expect(stdout).toMatch(/FAISS\s+4\s+5\s+17/);
    expect(stdout).toMatch(/Status history\n\n {2}2026-01-10 {2}proposed\n {2}2026-03-01 {2}accepted\n/);
    expect(stdout).toContain('Relations\n\n  supersedes 2. ');
    const other = await cli(dir, ['show', '0002-use-pgvector']);
    expect(other.stdout).toContain('  superseded by 1. Use FAISS for the vector index');
    const missing = await cli(dir, ['show', '42']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no decision record "42"');
  });
});
