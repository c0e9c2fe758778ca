import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readLogHistories, readLogHistory } from '../../src/history/git.js';
import { openProject, readProjectLogs } from '../../src/workspace/project.js';
import { collectSite } from '../../src/site/io/collect.js';
import { gitdir, testdir, type TestDir } from '../helpers/index.js';

// Several decision logs in one repository cost one `git log` pass and one `git cat-file` stream,
// not one per log. A `git` on PATH that notes each command it runs (then runs the real git)
// counts the processes.

const record = (title: string, status: string) => `# ${title}\n\n## Status\n\n${status}\n\n## Context\n\nSome context.\n\n## Decision\n\nWe do it.\n`;

let dirs: TestDir[] = [];
const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
  for (const d of dirs) d.remove();
  dirs = [];
});

/** Puts a counting `git` first on PATH; returns the git commands run since (`log`, `cat-file`, ...). */
function countGit(): () => string[] {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const bin = testdir({});
  dirs.push(bin);
  const notes = bin.join('commands.txt');
  writeFileSync(notes, '');
  const wrapper = bin.join('git');
  // runGit puts `-c core.quotePath=false` first: the command is the third argument.
  writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$3" >> '${notes}'\nexec '${realGit}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  process.env.PATH = `${bin.path}:${process.env.PATH}`;
  return () => readFileSync(notes, 'utf8').split('\n').filter(Boolean);
}

function twoLogs() {
  const repo = gitdir([
    { files: { 'docs/adr/0001-use-postgres.md': record('Use Postgres', 'Proposed'), 'services/api/decisions/0001-use-grpc.md': record('Use gRPC', 'Proposed') }, date: '2024-01-01T10:00:00Z' },
    { files: { 'docs/adr/0001-use-postgres.md': record('Use Postgres', 'Accepted'), 'services/api/decisions/0002-use-protobuf.md': record('Use Protobuf', 'Accepted') }, date: '2024-02-01T10:00:00Z' },
    { files: { 'services/api/decisions/0001-use-grpc.md': record('Use gRPC', 'Accepted'), 'adrkit.config.json': '{ "dirs": ["docs/adr", "services/api/decisions"] }\n' }, date: '2024-03-01T10:00:00Z' },
  ]);
  dirs.push(repo);
  return repo;
}

describe('history of several logs in one repository', () => {
  it('reads two logs with one `git log` pass, with the same histories as one log at a time', async () => {
    const repo = twoLogs();
    const logs = [
      { dir: repo.join('docs/adr'), paths: ['0001-use-postgres.md'] },
      { dir: repo.join('services/api/decisions'), paths: ['0001-use-grpc.md', '0002-use-protobuf.md'] },
    ];
    const alone = await Promise.all(logs.map((l) => readLogHistory(l.dir, l.paths)));
    const commands = countGit();
    const together = await readLogHistories(logs);
    expect(commands().filter((c) => c === 'log')).toHaveLength(1);
    expect(together.map((h) => h.records)).toEqual(alone.map((h) => h.records));
    const day = (iso: string | undefined) => iso?.slice(0, 10);
    expect([...together[1].records].map(([path, h]) => [path, day(h.created), day(h.updated)])).toEqual([
      ['0001-use-grpc.md', '2024-01-01', '2024-03-01'],
      ['0002-use-protobuf.md', '2024-02-01', '2024-02-01'],
    ]);
    expect(together[0].records.get('0001-use-postgres.md')?.versions.map((v) => day(v.date))).toEqual(['2024-01-01', '2024-02-01']);
  });

  it('builds the site of two logs with one `git log` pass and one `git cat-file` stream', async () => {
    const repo = twoLogs();
    const project = await openProject(repo.path);
    const logs = readProjectLogs(project);
    expect(logs).toHaveLength(2);
    const commands = countGit();
    const site = await collectSite(repo.path, logs, { title: 'Decisions', baseUrl: '/' });
    expect(commands().filter((c) => c === 'log' || c === 'cat-file')).toEqual(['log', 'cat-file']);
    // The old versions read through that one stream give both logs their status histories.
    const statuses = (file: string) => site.input.records.find((r) => r.file === file)?.statusHistory.map((s) => s.status);
    expect(statuses('docs/adr/0001-use-postgres.md')).toEqual(['proposed', 'accepted']);
    expect(statuses('services/api/decisions/0001-use-grpc.md')).toEqual(['proposed', 'accepted']);
  });

  it('reads only the commits since the snapshots of both logs, still in one pass, with the full histories', async () => {
    const repo = twoLogs();
    const requests = () => [
      { dir: repo.join('docs/adr'), paths: ['0001-use-postgres.md'] },
      { dir: repo.join('services/api/decisions'), paths: ['0001-use-grpc.md', '0002-use-protobuf.md'] },
    ];
    const first = await readLogHistories(requests(), { incremental: true });
    const snapshot = (i: number) => ({ head: first[i].head!, records: Object.fromEntries(first[i].records) });
    expect(first[0].head).toMatch(/^[0-9a-f]{40}$/);
    const commands = countGit();
    const same = await readLogHistories(requests().map((r, i) => ({ ...r, snapshot: snapshot(i) })), { incremental: true });
    expect(commands()).not.toContain('log');
    expect(same.map((h) => h.records)).toEqual(first.map((h) => h.records));
    repo.commit({ files: { 'docs/adr/0001-use-postgres.md': record('Use Postgres', 'Superseded') }, date: '2024-04-01T10:00:00Z' });
    const before = commands().length;
    const newer = await readLogHistories(requests().map((r, i) => ({ ...r, snapshot: snapshot(i) })), { incremental: true });
    expect(commands().slice(before).filter((c) => c === 'log')).toHaveLength(1);
    expect(newer.map((h) => h.records)).toEqual((await readLogHistories(requests())).map((h) => h.records));
    expect(newer[0].records.get('0001-use-postgres.md')?.updated?.slice(0, 10)).toBe('2024-04-01');
  });
});
