import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBlobs, readLogHistory } from '../../src/history/git.js';
import { blobsOf, statusHistory } from '../../src/history/status-history.js';
import { run } from '../../src/cli/program.js';
import { fakeIo, gitdir, nygard, type GitDir } from './gitdir.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function repo(): GitDir {
  const g = gitdir();
  cleanups.push(g.cleanup);
  return g;
}

async function historyOf(dir: string, paths: string[]) {
  const log = await readLogHistory(dir, paths);
  const blobs = await readBlobs(dir, blobsOf(log.records.values()));
  return { log, blobs };
}

describe('statusHistory', () => {
  it('lists proposed -> accepted -> superseded with the author dates of the changing commits, across a rename', async () => {
    const g = repo();
    g.write('adr/0001-use-x.md', nygard(1, 'Use X', 'Proposed'));
    g.commit('propose', '2024-01-10T09:00:00+01:00');
    g.write('adr/0001-use-x.md', nygard(1, 'Use X', 'Proposed') + '\nMore context.\n');
    g.commit('edit, same status', '2024-01-15T09:00:00+01:00');
    g.write('adr/0001-use-x.md', nygard(1, 'Use X', 'Accepted'));
    g.commit('accept', '2024-02-01T10:00:00+01:00');
    g.git(['mv', 'adr/0001-use-x.md', 'adr/0001-use-x-for-y.md']);
    g.commit('rename', '2024-03-01T10:00:00+01:00');
    g.write('adr/0001-use-x-for-y.md', nygard(1, 'Use X', 'Superseded by [2](0002-use-z.md)'));
    g.write('adr/0002-use-z.md', nygard(2, 'Use Z', 'Accepted'));
    g.commit('supersede', '2024-04-01T11:30:00+02:00');

    const { log, blobs } = await historyOf(join(g.dir, 'adr'), ['0001-use-x-for-y.md', '0002-use-z.md']);
    const history = log.records.get('0001-use-x-for-y.md')!;
    expect(history.created).toBe('2024-01-10T09:00:00+01:00');
    expect(history.updated).toBe('2024-04-01T11:30:00+02:00');
    const transitions = statusHistory(history, blobs);
    expect(transitions.map((t) => [t.status, t.date])).toEqual([
      ['proposed', '2024-01-10T09:00:00+01:00'],
      ['accepted', '2024-02-01T10:00:00+01:00'],
      ['superseded', '2024-04-01T11:30:00+02:00'],
    ]);
    expect(transitions[2].statusText).toBe('Superseded by 2');
    expect(transitions[0].hash).toMatch(/^[0-9a-f]{40}$/);
    expect(statusHistory(log.records.get('0002-use-z.md')!, blobs).map((t) => t.status)).toEqual(['accepted']);
  });

  it('skips versions without a readable status and needs the blobs it is given', async () => {
    const g = repo();
    g.write('adr/0001-a.md', nygard(1, 'A', 'Proposed'));
    g.commit('one', '2024-01-01T00:00:00Z');
    g.write('adr/0001-a.md', '# 1. A\n\nNo status yet.\n');
    g.commit('two', '2024-01-02T00:00:00Z');
    g.write('adr/0001-a.md', nygard(1, 'A', 'Proposed'));
    g.commit('three', '2024-01-03T00:00:00Z');
    const { log, blobs } = await historyOf(join(g.dir, 'adr'), ['0001-a.md']);
    const history = log.records.get('0001-a.md')!;
    expect(statusHistory(history, blobs).map((t) => t.status)).toEqual(['proposed']);
    expect(statusHistory(history, new Map())).toEqual([]);
  });

  it('dates records added on a merged branch by their own commit', async () => {
    const g = repo();
    g.write('adr/0001-a.md', nygard(1, 'A', 'Accepted'));
    g.commit('a', '2024-01-01T00:00:00Z');
    g.git(['checkout', '-q', '-b', 'feature']);
    g.write('adr/0002-b.md', nygard(2, 'B', 'Proposed'));
    g.commit('b', '2024-02-01T00:00:00Z');
    g.git(['checkout', '-q', 'main']);
    g.write('adr/0001-a.md', nygard(1, 'A', 'Deprecated'));
    g.commit('deprecate a', '2024-02-15T00:00:00Z');
    g.git(['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], '2024-03-01T00:00:00Z');
    const { log, blobs } = await historyOf(join(g.dir, 'adr'), ['0001-a.md', '0002-b.md']);
    expect(log.records.get('0002-b.md')!.created).toBe('2024-02-01T00:00:00+00:00');
    expect(log.records.get('0002-b.md')!.updated).toBe('2024-02-01T00:00:00+00:00');
    expect(statusHistory(log.records.get('0001-a.md')!, blobs).map((t) => t.status)).toEqual(['accepted', 'deprecated']);
  });
});

describe('adrkit build dates', () => {
  it('uses git dates, authors and status history in decisions.json and the record page', async () => {
    const g = repo();
    g.write('adr/0001-a.md', nygard(1, 'A', 'Proposed', '2023-12-24'));
    g.commit('a', '2024-01-01T08:00:00+01:00');
    g.git(['config', 'user.name', 'Grace']);
    g.write('adr/0001-a.md', nygard(1, 'A', 'Accepted', '2023-12-24'));
    g.commit('accept', '2024-01-05T08:00:00+01:00');
    const io = fakeIo(g.dir);
    expect(await run(['build', '--dir', 'adr', '--out', '_site'], io)).toBe(0);
    const [entry] = JSON.parse(readFileSync(join(g.dir, '_site', 'decisions.json'), 'utf8'));
    expect(entry).toMatchObject({ created: '2024-01-01T08:00:00+01:00', updated: '2024-01-05T08:00:00+01:00', authors: ['Ada', 'Grace'], date: '2023-12-24', path: 'adr/0001-a.md' });
    const page = readFileSync(join(g.dir, '_site', 'records', '0001.html'), 'utf8');
    expect(page).toContain('Status history');
    expect(page).toMatch(/2024-01-01<\/time> <span class="badge s-proposed">/);
    expect(page).toMatch(/2024-01-05<\/time> <span class="badge s-accepted">/);
  });

  it('falls back to the dates written in the records in a shallow clone and says to fetch full history', async () => {
    const g = repo();
    g.write('adr/0001-a.md', nygard(1, 'A', 'Proposed', '2020-05-06'));
    g.commit('a', '2024-01-01T00:00:00Z');
    g.write('adr/0002-b.md', nygard(2, 'B', 'Accepted', '2021-07-08'));
    g.commit('b', '2024-02-01T00:00:00Z');
    const target = mkdtempSync(join(tmpdir(), 'adrkit-shallow-'));
    cleanups.push(() => rmSync(target, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${g.dir}`, join(target, 'clone')]);
    const cwd = join(target, 'clone');
    const io = fakeIo(cwd);
    expect(await run(['build', '--dir', 'adr', '--out', join(target, 'site')], io)).toBe(0);
    expect(io.err()).toMatch(/shallow clone/);
    expect(io.err()).toContain('fetch-depth: 0');
    const entries = JSON.parse(readFileSync(join(target, 'site', 'decisions.json'), 'utf8'));
    expect(entries.map((e: { created: string }) => e.created)).toEqual(['2020-05-06', '2021-07-08']);
    expect(entries.map((e: { authors: string[] }) => e.authors)).toEqual([[], []]);
  });

  it('builds outside git from the files alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adrkit-nogit-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const g = { write: (p: string, t: string) => execFileSync('sh', ['-c', `mkdir -p "$(dirname "$1")" && cat > "$1"`, 'sh', join(dir, p)], { input: t }) };
    g.write('adr/0001-a.md', nygard(1, 'A', 'Accepted', '2022-02-02'));
    const io = fakeIo(dir);
    expect(await run(['build', '--dir', 'adr'], io)).toBe(0);
    expect(io.out().trim()).toBe(`file://${join(dir, '_site', 'index.html')}`);
    const [entry] = JSON.parse(readFileSync(join(dir, '_site', 'decisions.json'), 'utf8'));
    expect(entry).toMatchObject({ created: '2022-02-02', updated: '2022-02-02', status: 'accepted', path: 'adr/0001-a.md' });
  });
});
