import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gitdir, runCli, type GitDir } from '../helpers/index.js';

const CONFIG = '{"dir":"adr"}\n';
const rec = (n: number, title: string, body = '') => `---\ntitle: ${title}\nstatus: accepted\ndate: 2024-01-0${n}\n---\n\n# ${title}\n${body}`;

describe('adrkit renumber in a git repository', () => {
  let repo: GitDir;
  afterEach(() => repo?.remove());

  it('renames a tracked record with git mv (the rename is staged, history follows), and rewrites links', async () => {
    repo = gitdir([{ files: { 'adrkit.config.json': CONFIG, 'adr/0001-a.md': rec(1, 'A', '\nSee [B](0002-b.md).\n'), 'adr/0002-b.md': rec(2, 'B') }, date: '2024-01-02T10:00:00Z' }]);
    const r = await runCli(['renumber', '2', '5'], { cwd: repo.path });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('adr/0002-b.md -> adr/0005-b.md (git mv)');
    // staged exactly as `git mv` stages it: a rename in the index
    expect(repo.git(['diff', '--cached', '--name-status', '-M']).trim()).toBe('R100\tadr/0002-b.md\tadr/0005-b.md');
    expect(readFileSync(repo.join('adr/0001-a.md'), 'utf8')).toContain('[B](0005-b.md)');
    repo.git(['commit', '-qam', 'renumber'], '2024-01-03T10:00:00Z');
    expect(repo.git(['log', '--follow', '--format=%s', '--', 'adr/0005-b.md']).trim().split('\n')).toEqual(['renumber', 'change']);
  });

  it('an untracked record is renamed on disk only', async () => {
    repo = gitdir([{ files: { 'adrkit.config.json': CONFIG, 'adr/0001-a.md': rec(1, 'A') } }], { 'adr/0002-b.md': rec(2, 'B') });
    const r = await runCli(['renumber', '2', '3'], { cwd: repo.path });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('git mv');
    expect(repo.git(['diff', '--cached', '--name-status']).trim()).toBe('');
  });
});
