import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { resolve } from 'node:path';
import { detectLogDirs, isDecisionLog } from '../../src/workspace/locate.js';
import { readLog } from '../../src/workspace/read-log.js';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

const nygard = (n: number, title: string, status = 'Accepted') => `# ${n}. ${title}\n\nDate: 2024-01-0${(n % 9) + 1}\n\n## Status\n\n${status}\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nQ.\n`;
const guide = (title: string) => `# ${title}\n\nRun \`npm install\`, then read the next chapter.\n\n## Steps\n\n1. one\n2. two\n`;

let dirs: TestDir[] = [];
const tree = (files: Record<string, string>) => {
  const dir = testdir(files);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});

describe('decision log discovery', () => {
  it('finds every log of a monorepo at depth <= 4, and no documentation', () => {
    const repo = tree({
      'README.md': '# Project\n\n## Status\n\nStable.\n',
      'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n',
      'docs/01-install.md': guide('Install'),
      'docs/02-configure.md': guide('Configure'),
      'docs/03-deploy.md': guide('Deploy'),
      'ADR/ADR001-use-rails.md': nygard(1, 'Use Rails'),
      'ADR/ADR002-use-postgres.md': nygard(2, 'Use Postgres'),
      'ADR/README.md': '# Decisions\n',
      'decision-record/DR001-first.md': nygard(1, 'First'),
      'modules/system/gateway/docs/adr-cors.md': '# ADR: CORS\n\n**Status**: Proposed\n',
      'modules/system/gateway/docs/adr-retries.md': '# ADR: Retries\n\n**Status**: Accepted\n',
      'modules/system/gateway/docs/overview.md': guide('Overview'),
      'a/b/c/d/e/0001-too-deep.md': nygard(1, 'Too deep'),
      'a/b/c/d/e/0002-too-deep.md': nygard(2, 'Too deep'),
      'node_modules/pkg/docs/adr/0001-x.md': nygard(1, 'Dependency'),
      'test/fixtures/adr/0001-x.md': nygard(1, 'Fixture'),
    });
    expect(detectLogDirs(repo.path)).toEqual(['ADR', 'decision-record', 'modules/system/gateway/docs']);
    const gateway = readLog(repo.path, repo.join('modules/system/gateway/docs'));
    expect(gateway.records.map((r) => r.file)).toEqual(['modules/system/gateway/docs/adr-cors.md', 'modules/system/gateway/docs/adr-retries.md']);
    expect(gateway.skipped).toEqual([{ path: 'overview.md', reason: 'not a record' }]);
  });

  it('reads one folder per record, with attachments beside it', () => {
    const repo = tree({
      'rfcs/README.md': '# RFCs\n',
      'rfcs/0001-authorization/README.md': '# RFC-0001 Authorization\n\n**Status:** implemented\n',
      'rfcs/0002-helm-oci/README.md': '# RFC-0002 Helm OCI\n\n**Status:** provisional\n',
      'rfcs/0002-helm-oci/flow.png': 'png',
      'rfcs/0010-later/index.md': '# RFC-0010 Later\n\n**Status:** implementable\n',
      'rfcs/2024-03-01-dated/README.md': '# Dated\n\n## Status\n\nAccepted\n',
      'rfcs/RFC-0000/README.md': '# RFC-NNNN Title\n\n**Status:** provisional\n',
    });
    expect(detectLogDirs(repo.path)).toEqual(['rfcs']);
    const log = readLog(repo.path, repo.join('rfcs'));
    expect(log.records.map((r) => [r.record.path, r.record.number ?? null, r.record.slug])).toEqual([
      ['0001-authorization/README.md', 1, '0001-authorization'],
      ['0002-helm-oci/README.md', 2, '0002-helm-oci'],
      ['0010-later/index.md', 10, '0010-later'],
      ['2024-03-01-dated/README.md', null, '2024-03-01-dated'],
    ]);
    expect(log.skipped).toEqual([{ path: 'README.md', reason: 'index' }, { path: 'RFC-0000/README.md', reason: 'template' }]);
  });

  it('reads MADR category sub-folders as part of their log', () => {
    const repo = tree({
      'docs/decisions/0001-use-madr.md': nygard(1, 'Use MADR'),
      'docs/decisions/backend/0001-use-go.md': nygard(1, 'Use Go'),
      'docs/decisions/backend/images/arch.png': 'png',
      'docs/decisions/frontend/0002-use-vue.md': nygard(2, 'Use Vue'),
      'docs/decisions/frontend/design/guide.md': guide('Design guide'),
      'docs/adrs/modkit/0001-http-client.md': nygard(1, 'HTTP client'),
    });
    expect(detectLogDirs(repo.path)).toEqual(['docs/decisions', 'docs/adrs']);
    expect(readLog(repo.path, repo.join('docs/decisions')).records.map((r) => r.record.path)).toEqual(['0001-use-madr.md', 'backend/0001-use-go.md', 'frontend/0002-use-vue.md']);
  });

  it('takes a root that holds only records as the log, and numbered guides as documentation', () => {
    const records = tree({ 'adr-001-use-adrs.md': nygard(1, 'Use ADRs'), 'adr-002-config.md': nygard(2, 'Config'), 'LICENSE.txt': 'MIT' });
    expect(detectLogDirs(records.path)).toEqual(['.']);
    const guides = tree({ 'manual/1-intro.md': guide('Intro'), 'manual/2-usage.md': guide('Usage'), 'manual/10-faq.md': guide('FAQ') });
    expect(isDecisionLog(guides.join('manual'))).toBe(false);
    expect(detectLogDirs(guides.path)).toEqual([]);
  });

  it("finds only adr/ in adrkit's own repository", () => {
    expect(detectLogDirs(resolve(__dirname, '..', '..'))).toEqual(['adr']);
  });

  it('keeps an empty usual folder (after init) as the log', () => {
    const repo = tree({ 'docs/adr/': '' });
    expect(detectLogDirs(repo.path)).toEqual(['docs/adr']);
  });
});

describe('a folder where nothing reads as a record', () => {
  it('exits 2 saying what was found and why it was not read, also for build --dir', async () => {
    const repo = tree({ 'notes/guide.md': guide('Guide'), 'notes/setup.md': guide('Setup'), 'notes/README.md': '# Notes\n', 'notes/diagram.png': 'png', 'notes/ideas.rst': 'Ideas\n=====\n' });
    for (const argv of [['list', '--dir', 'notes'], ['lint', '--dir', 'notes'], ['build', '--dir', 'notes', '--out', repo.join('site')]]) {
      const { code, stderr, stdout } = await runCli(argv, { cwd: repo.path });
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout, argv.join(' ')).toBe('');
      expect(stderr).toMatch(/no decision records found/);
      expect(stderr).toMatch(/not markdown \(diagram\.png, ideas\.rst\); 2 not a record \(guide\.md, setup\.md\)/);
    }
  });

  it('passes a log that holds only its index (just created)', async () => {
    const repo = tree({ 'adr/README.md': '# Decisions\n' });
    const { code } = await runCli(['list', '--dir', 'adr'], { cwd: repo.path });
    expect(code).toBe(0);
  });
});

describe('adrkit list', () => {
  it('sorts unpadded numbers numerically and names the log of each record in a monorepo', async () => {
    const repo = tree({
      'ADR/ADR1-a.md': nygard(1, 'A'),
      'ADR/ADR2-b.md': nygard(2, 'B'),
      'ADR/ADR10-c.md': nygard(10, 'C'),
      'decision-record/DR1-d.md': nygard(1, 'D'),
    });
    const { code, stdout } = await runCli(['list', '--format', 'json'], { cwd: repo.path });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: { log: string; number: number }) => `${r.log}#${r.number}`)).toEqual(['ADR#1', 'ADR#2', 'ADR#10', 'decision-record#1']);
  });
});

describe('adrkit export', () => {
  it('names the decision log of each record in a monorepo, in JSON and CSV, as list does', async () => {
    const repo = tree({
      'ADR/ADR1-a.md': nygard(1, 'A'),
      'ADR/ADR2-b.md': nygard(2, 'B'),
      'decision-record/DR1-d.md': nygard(1, 'D'),
    });
    const json = await runCli(['export', '--format', 'json'], { cwd: repo.path });
    expect(json.code).toBe(0);
    const records = JSON.parse(json.stdout).records as Array<{ log: string; path: string }>;
    expect(records.map((r) => `${r.log} ${r.path}`)).toEqual(['ADR ADR/ADR1-a.md', 'ADR ADR/ADR2-b.md', 'decision-record decision-record/DR1-d.md']);
    const list = JSON.parse((await runCli(['list', '--format', 'json'], { cwd: repo.path })).stdout) as Array<{ log: string }>;
    expect(records.map((r) => r.log)).toEqual(list.map((r) => r.log));
    const csv = await runCli(['export', '--format', 'csv'], { cwd: repo.path });
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => `${r.log} ${r.path}`)).toEqual(['ADR ADR/ADR1-a.md', 'ADR ADR/ADR2-b.md', 'decision-record decision-record/DR1-d.md']);
    expect(csv.stdout.split('\n')[0].split(',').at(-1)).toBe('log');
  });

  it('names the only log `.` when the records are in the working directory', async () => {
    const repo = tree({ '0001-a.md': nygard(1, 'A') });
    const { stdout } = await runCli(['export', '--format', 'json', '--dir', '.'], { cwd: repo.path });
    expect(JSON.parse(stdout).records.map((r: { log: string }) => r.log)).toEqual(['.']);
  });
});
