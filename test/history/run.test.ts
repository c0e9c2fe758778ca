import { afterEach, describe, expect, it } from 'vitest';
import { catFileBatch, catFileStream, runGit } from '../../src/history/run.js';
import { readBlobs, readLogHistory, streamBlobs } from '../../src/history/git.js';
import { gitMove, isTracked } from '../../src/workspace/git-rename.js';
import { gitdir, testdir, type TestDir } from '../helpers/index.js';

const dirs: TestDir[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('the git runner and the cat-file reader', () => {
  it('reads blobs and trees by the name asked for; missing names are absent', async () => {
    const repo = gitdir([{ files: { 'adr/0001-a.md': '# A\n', 'adr/0002-b.md': 'second\nrecord\n' }, date: '2025-01-01T00:00:00Z' }]);
    dirs.push(repo);
    const a = repo.git(['rev-parse', 'HEAD:adr/0001-a.md']).trim();
    const objects = await catFileBatch(repo.path, [a, 'HEAD:adr', 'HEAD:adr/nope.md', '0'.repeat(40)]);
    expect([...objects.keys()]).toEqual([a, 'HEAD:adr']);
    expect(objects.get(a)).toEqual({ type: 'blob', content: Buffer.from('# A\n') });
    expect(objects.get('HEAD:adr')!.type).toBe('tree');
    expect(await readBlobs(repo.path, [a, a])).toEqual(new Map([[a, '# A\n']]));
  });

  it('checks git’s exit status: outside a repository it fails with git’s own message, not an empty answer', async () => {
    const plain = testdir({ 'x.md': 'x\n' });
    dirs.push(plain);
    const env = { ...process.env };
    process.env.GIT_CEILING_DIRECTORIES = plain.path.replace(/\/[^/]+$/, '');
    try {
      await expect(runGit(plain.path, ['rev-parse', 'HEAD'])).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^git rev-parse failed: fatal: not a git repository/) });
      await expect(readBlobs(plain.path, ['0'.repeat(40)])).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^git cat-file failed: /) });
    } finally {
      process.env = env;
    }
  });

  it('streams objects that span many pipe chunks, and many objects per chunk, in the order asked', async () => {
    const big = 'x'.repeat(300_000) + '\nend\n';
    const files: Record<string, string> = { 'big.md': big };
    for (let i = 0; i < 40; i++) files[`small-${i}.md`] = `record ${i}\n`;
    const repo = gitdir([{ files, date: '2025-01-01T00:00:00Z' }]);
    dirs.push(repo);
    const names = ['big.md', ...Array.from({ length: 40 }, (_, i) => `small-${i}.md`)];
    const ids = repo.git(['rev-parse', ...names.map((n) => `HEAD:${n}`)]).trim().split('\n');
    const seen: Array<[string, string]> = [];
    await streamBlobs(repo.path, [ids[1], ids[0], 'f'.repeat(40), ...ids.slice(2), ids[0]], (id, text) => seen.push([id, text]));
    expect(seen.map(([id]) => id)).toEqual([ids[1], ids[0], ...ids.slice(2)]);
    expect(seen[1][1]).toBe(big);
    expect(seen.at(-1)![1]).toBe('record 39\n');
  });

  it('stops git and rejects when the consumer of the stream throws', async () => {
    const repo = gitdir([{ files: { 'a.md': 'a\n', 'b.md': 'b\n' }, date: '2025-01-01T00:00:00Z' }]);
    dirs.push(repo);
    await expect(catFileStream(repo.path, ['HEAD:a.md', 'HEAD:b.md'], () => { throw new Error('consumer failed'); })).rejects.toThrow('consumer failed');
  });

  it('says git cannot run when git is not installed; history then falls back to the files with a warning', async () => {
    const repo = gitdir([{ files: { 'adr/0001-a.md': '# A\n' }, date: '2025-01-01T00:00:00Z' }]);
    dirs.push(repo);
    const env = { ...process.env };
    const empty = testdir({});
    dirs.push(empty);
    process.env.PATH = empty.path;
    try {
      await expect(runGit(repo.path, ['status'])).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^cannot run git: /), details: { hint: 'install git and put it on PATH' } });
      await expect(readBlobs(repo.path, ['0'.repeat(40)])).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^cannot run git: /) });
      const history = await readLogHistory(repo.join('adr'), ['0001-a.md']);
      expect(history.repo).toBeUndefined();
      expect(history.records.size).toBe(0);
      expect(history.warnings).toEqual([expect.stringMatching(/^git is not installed: record dates fall back/)]);
      expect(await isTracked(repo.path, 'adr/0001-a.md')).toBe(false);
      await expect(gitMove(repo.path, 'adr/0001-a.md', 'adr/0002-a.md')).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^git mv adr\/0001-a.md adr\/0002-a.md failed: cannot run git: .*; nothing was changed$/) });
    } finally {
      process.env = env;
    }
  });

  it('reads no history and no error outside a repository; git mv there fails with git’s own reason', async () => {
    const plain = testdir({ 'adr/0001-a.md': '# A\n' });
    dirs.push(plain);
    const env = { ...process.env };
    process.env.GIT_CEILING_DIRECTORIES = plain.path.replace(/\/[^/]+$/, '');
    try {
      const history = await readLogHistory(plain.join('adr'), ['0001-a.md']);
      expect(history).toEqual({ repo: undefined, records: new Map(), warnings: [] });
      expect(await isTracked(plain.path, 'adr/0001-a.md')).toBe(false);
      await expect(gitMove(plain.path, 'adr/0001-a.md', 'adr/0002-a.md')).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^git mv adr\/0001-a.md adr\/0002-a.md failed: fatal: not a git repository.*; nothing was changed$/) });
    } finally {
      process.env = env;
    }
  });
});
