import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import gitlab from '../../src/render/reporters/gitlab.js';
import type { Finding } from '../../src/model/finding.js';
import { gitdir, gitEnv, runCli, testdir, type GitDir, type TestDir } from '../helpers/index.js';
import { config, record } from './fixtures.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/cli/bin.js');

/**
 * The fields of a Code Quality issue GitLab documents as required
 * (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format), with its severity scale.
 */
const CODE_QUALITY = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
      },
    },
  },
};

const finding = (over: Partial<Finding>): Finding => ({ ruleId: 'link-target', severity: 'error', file: 'adr/0001-x.md', line: 3, column: 1, message: 'link target "a.png" does not exist', ...over });

describe('lint --format gitlab (GitLab Code Quality)', () => {
  it('writes the documented fields, severities on GitLab\'s scale and unique fingerprints that survive moved lines', () => {
    const findings = [finding({}), finding({ line: 9 }), finding({ ruleId: 'title', severity: 'warn', message: 'no title' }), finding({ ruleId: 'stale-proposed', severity: 'info', message: 'old' })];
    const issues = JSON.parse(gitlab.render({ findings, fileCount: 1, cwd: '/x', color: false })) as Array<Record<string, unknown> & { fingerprint: string; severity: string }>;
    const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY);
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues[0]).toEqual({ description: 'link target "a.png" does not exist', check_name: 'adrkit/link-target', fingerprint: issues[0].fingerprint, severity: 'major', location: { path: 'adr/0001-x.md', lines: { begin: 3 } } });
    expect(issues.map((i) => i.severity)).toEqual(['major', 'major', 'minor', 'info']);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(4);
    const moved = JSON.parse(gitlab.render({ findings: findings.map((f) => ({ ...f, line: f.line + 5 })), fileCount: 1, cwd: '/x', color: false })) as typeof issues;
    expect(moved.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    expect(gitlab.render({ findings: [], fileCount: 0, cwd: '/x', color: false })).toBe('[]\n');
  });

  it('is a --format of adrkit lint', async () => {
    const dir = testdir({ 'adrkit.config.json': config(['link-target']), 'adr/0001-a.md': `${record('A', 'accepted')}\n![x](missing.png)\n` });
    try {
      const { code, stdout } = await runCli(['lint', '--format', 'gitlab'], { cwd: dir.path });
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject([{ check_name: 'adrkit/link-target', severity: 'major', location: { path: 'adr/0001-a.md', lines: { begin: 13 } } }]);
    } finally {
      dir.remove();
    }
  });
});

/** The `.gitlab-ci.yml` job of docs/review.md. */
function docJob(): { script: string[]; artifacts: { paths: string[]; reports: { codequality: string }; expose_as: string; when: string }; variables: Record<string, unknown> } {
  const doc = readFileSync(join(ROOT, 'docs/review.md'), 'utf8');
  const block = /```yaml\n(# \.gitlab-ci\.yml\n[\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('no .gitlab-ci.yml block in docs/review.md');
  return (parse(block[1]) as { adrkit: ReturnType<typeof docJob> }).adrkit;
}

describe.skipIf(!existsSync(BIN))('the .gitlab-ci.yml job of docs/review.md', () => {
  let upstream: GitDir;
  let clone: TestDir;
  beforeAll(() => {
    upstream = gitdir([{ files: { 'adrkit.config.json': config(['link-target']), 'adr/0001-a.md': record('A', 'accepted'), 'adr/0002-b.md': record('B', 'accepted') } }]);
    upstream.git(['checkout', '-q', '-b', 'feature']);
    upstream.commit({ files: { 'adr/0002-c.md': `${record('C', 'proposed')}\n![x](missing.png)\n` }, message: 'add c' });
    upstream.git(['checkout', '-q', 'main']);
    clone = testdir({}, 'adrkit-gitlab-');
    execFileSync('git', ['clone', '-q', '--branch', 'feature', upstream.path, join(clone.path, 'mr')], { env: gitEnv() });
  });
  afterAll(() => {
    upstream.remove();
    clone.remove();
  });

  it('runs its script (adrkit from this build) and leaves the report files its artifacts name', () => {
    const job = docJob();
    expect(job.variables.GIT_DEPTH).toBe(0);
    expect(job.artifacts).toMatchObject({ when: 'always', reports: { codequality: 'gl-code-quality.json' } });
    const script = job.script.map((line) => line.replaceAll('npx --yes adrkit@0.1.0', `node ${JSON.stringify(BIN)}`)).join('\n');
    const cwd = join(clone.path, 'mr');
    const result = spawnSync('sh', ['-e', '-c', script], { cwd, env: { ...gitEnv(), CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_PIPELINE_SOURCE: 'merge_request_event' }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(1); // the lint error and the collision fail the job …
    // … and every artifact is there for the merge request
    for (const path of [...job.artifacts.paths, job.artifacts.reports.codequality]) expect(existsSync(join(cwd, path)), path).toBe(true);
    const quality = JSON.parse(readFileSync(join(cwd, 'gl-code-quality.json'), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
    expect(quality.map((q) => [q.check_name, q.location.path])).toEqual([['adrkit/link-target', 'adr/0002-c.md']]);
    expect(readFileSync(join(cwd, 'adrkit-review.md'), 'utf8')).toContain('| `0002-c.md` | 2 | `0002-b.md` (head) | `0003-c.md` |');
    expect(JSON.parse(readFileSync(join(cwd, 'adrkit-review.json'), 'utf8'))).toMatchObject({ summary: { added: 1, collisions: 1, errors: 1 } });
  });
});
