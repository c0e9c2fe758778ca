import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitdir, gitEnv, testdir, type GitDir, type TestDir } from '../helpers/index.js';
import { config, record } from './fixtures.js';
import { FakeGitHub, runCompositeAction, type ActionRun } from './action-runner.js';

const ROOT = join(import.meta.dirname, '../..');
const ACTION = join(ROOT, 'action.yml');
const BIN = join(ROOT, 'dist/cli/bin.js');
const MARKER = '<!-- adrkit-review -->';

describe.skipIf(!existsSync(BIN))('action.yml run end to end (composite steps with bash, fake GitHub API)', () => {
  let repo: GitDir;
  let temp: TestDir;
  let api: FakeGitHub;
  let run = 0;

  beforeAll(async () => {
    repo = gitdir([{ files: { 'adrkit.config.json': config(['link-target']), 'adr/0001-use-postgres.md': record('Use postgres', 'accepted') } }]);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit({ files: { 'adr/0002-use-redis.md': `${record('Use redis', 'proposed')}\nSee [the benchmark](bench.md).\n` }, message: 'add 0002', date: '2024-02-01T10:00:00Z' });
    repo.git(['update-ref', 'refs/remotes/origin/main', 'main']);
    temp = testdir({}, 'adrkit-action-');
    api = new FakeGitHub('acme/models', 7);
    await api.start();
    api.comments.push({ id: 1, body: 'LGTM' }, { id: 2, body: 'one question' }, { id: 3, body: 'ci: green' });
  });
  afterAll(async () => {
    await api.stop();
    repo.remove();
    temp.remove();
  });

  async function runAction(fork = false): Promise<ActionRun> {
    const dir = join(temp.path, `run-${++run}`);
    mkdirSync(dir, { recursive: true });
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, head: { ref: 'feature', repo: { full_name: fork ? 'someone/models' : 'acme/models', fork } }, base: { ref: 'main', repo: { full_name: 'acme/models' } } } }));
    api.readOnly = fork;
    const { PATH, HOME } = process.env;
    return runCompositeAction(ACTION, {
      with: { 'node-path': BIN, dir: 'adr' },
      cwd: repo.path,
      temp: dir,
      env: {
        ...(gitEnv() as Record<string, string>),
        PATH: PATH!,
        HOME: HOME!,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/models',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: api.url,
        GITHUB_BASE_REF: 'main',
        GITHUB_HEAD_REF: 'feature',
        GITHUB_WORKSPACE: repo.path,
        GITHUB_TOKEN: 'ghs_test_token',
      },
    });
  }

  it('annotates, summarises, posts one sticky comment (reading every page of comments) and fails on the lint error', async () => {
    const result = await runAction();
    const [lint, review, comment, verdict] = result.steps;
    expect(lint.stdout).toContain('::error file=adr/0002-use-redis.md,line=13,col=21,title=adrkit link-target::link target "bench.md" does not exist');
    expect(lint.outputs['exit-code']).toBe('1');
    expect(review.outputs['exit-code']).toBe('1');
    expect(result.summary.startsWith(MARKER)).toBe(true);
    expect(result.summary).toContain('[2. Use redis](https://github.com/acme/models/blob/feature/adr/0002-use-redis.md)');
    expect(comment.stdout).toMatch(/^posted review comment 1000$/m);
    expect(verdict.code).toBe(1);
    expect(result.code).toBe(1);
    // every page listed (3 comments, 2 per page), then one POST with the review, authorised by the token
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /repos/acme/models/issues/7/comments?per_page=100',
      'GET /repos/acme/models/issues/7/comments?per_page=100&page=2',
      'POST /repos/acme/models/issues/7/comments',
    ]);
    expect(api.calls.every((c) => c.authorization === 'Bearer ghs_test_token')).toBe(true);
    expect(api.comments.filter((c) => c.body.startsWith(MARKER))).toEqual([{ id: 1000, body: result.summary }]);
  });

  it('updates the same comment on a rerun, found on the last page', async () => {
    api.calls.length = 0;
    api.comments.splice(3, 0, { id: 4, body: 'a reply' }, { id: 5, body: 'another reply' }); // the review moves to page 3
    repo.commit({ files: { 'adr/0002-use-redis.md': record('Use redis', 'accepted') }, message: 'fix link, accept', date: '2024-02-02T10:00:00Z' });
    const result = await runAction();
    expect(result.code).toBe(0);
    expect(result.steps[2].stdout).toContain('updated review comment 1000');
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /repos/acme/models/issues/7/comments?per_page=100',
      'GET /repos/acme/models/issues/7/comments?per_page=100&page=2',
      'GET /repos/acme/models/issues/7/comments?per_page=100&page=3',
      'PATCH /repos/acme/models/issues/comments/1000',
    ]);
    const sticky = api.comments.filter((c) => c.body.startsWith(MARKER));
    expect(sticky).toHaveLength(1);
    expect(sticky[0].body).toContain('✅ 1 record changed');
    expect(api.comments.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 1000]);
  });

  it('degrades to the step summary when the token cannot write (fork pull request: 403)', async () => {
    api.calls.length = 0;
    api.comments.splice(api.comments.findIndex((c) => c.id === 1000), 1);
    const result = await runAction(true);
    expect(result.code).toBe(0);
    const comment = result.steps[2];
    expect(comment.code).toBe(0);
    expect(comment.stdout).toContain('::warning title=adrkit review::cannot post the pull request comment (HTTP 403 Resource not accessible by integration); the review is in the job summary');
    expect(result.summary.startsWith(MARKER)).toBe(true);
    expect(result.summary).toContain('adrkit could not post the pull request comment (HTTP 403');
    expect(api.calls.at(-1)).toMatchObject({ method: 'POST' });
    expect(api.comments.some((c) => c.body.startsWith(MARKER))).toBe(false);
  });
});
