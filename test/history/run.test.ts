import { afterEach, describe, expect, it } from 'vitest';
import { catFileBatch, runGit } from '../../src/history/run.js';
import { readBlobs } from '../../src/history/git.js';
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
});
