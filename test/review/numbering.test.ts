import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeIo, gitdir, runCli, testdir, type GitDir, type TestDir } from '../helpers/index.js';
import { run } from '../../src/cli/program.js';
import { hasShortIdPrefix, shortId } from '../../src/decision/numbering.js';
import { config, record } from './fixtures.js';

const names = (dir: TestDir) => readdirSync(dir.join('adr')).filter((n) => n.endsWith('.md')).sort();

describe('adrkit new: numbers free on every branch', () => {
  let repo: GitDir;
  afterEach(() => repo?.remove());

  it('skips numbers used on other local and remote-tracking branches, and says which refs it read', async () => {
    repo = gitdir([{ files: { 'adrkit.config.json': config(), 'adr/0001-a.md': record('A', 'accepted'), 'adr/0002-b.md': record('B', 'accepted') } }]);
    repo.git(['checkout', '-q', '-b', 'feature-x']);
    repo.commit({ files: { 'adr/0003-x.md': record('X', 'proposed'), 'adr/0004-y.md': record('Y', 'proposed') } });
    repo.git(['checkout', '-q', '-b', 'scratch', 'main']);
    repo.commit({ files: { 'adr/0006-z.md': record('Z', 'proposed') } });
    // a remote-tracking branch (as after `git fetch`) that the user never checked out
    repo.git(['update-ref', 'refs/remotes/origin/feature-w', repo.git(['rev-parse', 'HEAD']).trim()]);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['branch', '-q', '-D', 'scratch']);

    const { code, stdout, stderr } = await runCli(['new', 'Use a feature store', '--date', '2024-03-01', '-t', 'nygard'], { cwd: repo.path });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('adr/0007-use-a-feature-store.md');
    expect(stderr).toContain('numbers checked on 3 branches: feature-x, main, origin/feature-w');
    expect(names(repo)).toEqual(['0001-a.md', '0002-b.md', '0007-use-a-feature-store.md']);
  });

  it('outside git, numbers from the folder alone (unchanged behaviour)', async () => {
    const dir = testdir({ 'adrkit.config.json': config(), 'adr/0001-a.md': record('A', 'accepted') });
    try {
      const { code, stdout, stderr } = await runCli(['new', 'Next one', '-t', 'nygard'], { cwd: dir.path, env: { GIT_CEILING_DIRECTORIES: dir.path } });
      expect(code).toBe(0);
      expect(stdout.trim()).toBe('adr/0002-next-one.md');
      expect(stderr).not.toContain('branches');
    } finally {
      dir.remove();
    }
  });
});

describe('numbering: date | short-id', () => {
  let dir: TestDir;
  afterEach(() => dir?.remove());

  it('date: YYYYMMDD-slug.md like log4brains, -2 on a same-day clash, no number in the record', async () => {
    dir = testdir({ 'adrkit.config.json': config([], { numbering: 'date' }), 'adr/': '' });
    const first = await runCli(['new', 'Use DuckDB', '--date', '2024-03-05', '--template', 'nygard'], { cwd: dir.path });
    const second = await runCli(['new', 'Use DuckDB', '--date', '2024-03-05', '--template', 'nygard'], { cwd: dir.path });
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(names(dir)).toEqual(['20240305-use-duckdb-2.md', '20240305-use-duckdb.md']);
    expect(readFileSync(dir.join('adr/20240305-use-duckdb.md'), 'utf8').split('\n')[0]).toBe('# Use DuckDB');
  });

  it('short-id: a random base36 prefix, deterministic with an injected source', async () => {
    dir = testdir({ 'adrkit.config.json': config([], { numbering: 'short-id' }), 'adr/': '' });
    let seed = 0.1;
    const random = () => (seed = (seed * 9301 + 0.49297) % 1);
    const io = { ...fakeIo({ cwd: dir.path }), random };
    expect(await run(['new', 'Use Polars', '-t', 'nygard'], io)).toBe(0);
    seed = 0.1;
    const expected = shortId(() => (seed = (seed * 9301 + 0.49297) % 1));
    expect(names(dir)).toEqual([`${expected}-use-polars.md`]);
    expect(hasShortIdPrefix(`${expected}-use-polars.md`)).toBe(true);
  });

  it('short ids never read as record numbers or dates', () => {
    for (const value of [0, 0.5, 0.999999]) {
      const id = shortId(() => value);
      expect(id).toMatch(/^[a-z][a-z0-9]{5}$/);
      expect(id).toMatch(/\d/);
    }
    expect(hasShortIdPrefix('0003-x.md')).toBe(false);
    expect(hasShortIdPrefix('choose-a-db.md')).toBe(false);
  });

  it('lints date and short-id logs without number findings', async () => {
    dir = testdir({
      'adrkit.config.json': config(['duplicate-number', 'filename']),
      'adr/20240305-use-duckdb.md': record('Use DuckDB', 'accepted', { options: [{ id: 'duckdb' }] }),
      'adr/20240305-use-polars.md': record('Use Polars', 'accepted', { options: [{ id: 'polars' }] }),
      'adr/k3x9a2-use-redis.md': record('Use redis', 'accepted', { options: [{ id: 'redis' }] }),
    });
    const { code, stdout } = await runCli(['lint', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });
});
