import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { gitEnv, testdir, type TestDir } from '../helpers/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/cli/bin.js');
/** pre-commit on PATH (Debian's package, or pip's); the end-to-end test needs it and skips without it. */
const PRE_COMMIT = 'pre-commit';
const HAS_PRE_COMMIT = spawnSync(PRE_COMMIT, ['--version'], { stdio: 'ignore' }).status === 0;
if (!HAS_PRE_COMMIT) console.warn('pre-commit end to end: `pre-commit` is not on PATH; skipping (apt-get install pre-commit)');
const FIXTURES = join(ROOT, 'test/fixtures/rules');
const NAME = '0001-use-gradient-boosting-for-churn-scoring.md';

interface Hook {
  id: string;
  name?: string;
  entry: string;
  language: string;
  files?: string;
  require_serial?: boolean;
  pass_filenames?: boolean;
  description?: string;
}

const published = () => parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('.pre-commit-hooks.yaml', () => {
  it('publishes the adrkit-lint hook with the documented settings', () => {
    const hooks = published();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'adrkit-lint', entry: 'adrkit lint', language: 'node', files: '\\.md$', require_serial: true, pass_filenames: true });
    expect(new RegExp(hooks[0].files!).test('docs/adr/0001-x.md')).toBe(true);
    expect(new RegExp(hooks[0].files!).test('src/x.ts')).toBe(false);
  });
});

// End-to-end with pre-commit. The published hook uses `language: node`, which makes
// pre-commit npm-install the hook repository (network); this test mirrors the published hook as a
// `repo: local` hook running the built CLI, so it stays offline.
describe.runIf(HAS_PRE_COMMIT)('pre-commit end to end', () => {
  let repo: TestDir;
  let cache: TestDir;
  const git = (args: string[]) => spawnSync('git', args, { cwd: repo.path, env: { ...gitEnv('2025-03-01T10:00:00Z'), PRE_COMMIT_HOME: cache.path }, encoding: 'utf8' });

  beforeAll(() => {
    expect(existsSync(BIN)).toBe(true);
    cache = testdir({}, 'adrkit-pre-commit-home-');
    const hook = { ...published()[0], entry: `node ${BIN} lint`, language: 'system' };
    delete hook.description;
    repo = testdir({
      '.pre-commit-config.yaml': stringify({ repos: [{ repo: 'local', hooks: [hook] }] }),
      'adrkit.config.json': JSON.stringify({ dir: 'adr', rules: { 'stale-proposed': 'off' } }),
      'README.md': '# Project\n',
    });
    for (const args of [['init', '-q', '-b', 'main'], ['config', 'user.name', 'Ada Test'], ['config', 'user.email', 'ada@example.com'], ['config', 'commit.gpgsign', 'false']]) git(args);
    const install = spawnSync(PRE_COMMIT, ['install'], { cwd: repo.path, env: { ...gitEnv(), PRE_COMMIT_HOME: cache.path }, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
  }, 180_000);

  afterAll(() => {
    repo?.remove();
    cache?.remove();
  });

  it('a good record passes and is committed', () => {
    repo.write({ [`adr/${NAME}`]: readFileSync(join(FIXTURES, 'min-options/good', NAME), 'utf8') });
    git(['add', '.']);
    const commit = git(['commit', '-m', 'Add a good record']);
    expect(commit.status, commit.stdout + commit.stderr).toBe(0);
    expect(commit.stdout + commit.stderr).toMatch(/adrkit lint\.+Passed/);
  }, 60_000);

  it('a bad record blocks the commit and the finding is shown', () => {
    repo.write({ 'adr/0002-bad-date.md': readFileSync(join(FIXTURES, 'valid-date/bad', NAME), 'utf8').replace('title: Use gradient boosting for churn scoring', 'title: Bad date') });
    git(['add', '.']);
    const commit = git(['commit', '-m', 'Add a bad record']);
    const output = commit.stdout + commit.stderr;
    expect(commit.status, output).not.toBe(0);
    expect(output).toMatch(/adrkit lint\.+Failed/);
    expect(output).toContain('adr/0002-bad-date.md\n');
    expect(output).toMatch(/ {2}4:1 +error {2}date "2024-14-02" is not a real ISO date/);
    expect(git(['log', '--format=%s']).stdout.trim().split('\n')).toEqual(['Add a good record']);
  }, 60_000);
});
