import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir, runCli, testdir } from '../helpers/index.js';
import { extendHistory, historyByPath, parseRawLog, LOG_FORMAT } from '../../src/history/parse-log.js';
import { RecordCache } from '../../src/workspace/record-cache.js';
import { readLog } from '../../src/workspace/read-log.js';

const record = (title: string, status: string, extra = '') =>
  `---\ntitle: ${title}\nstatus: ${status}\ndate: 2024-01-01\ndeciders: [ana]\n${extra}---\n\n# ${title}\n\n## Context and problem\n\nWhy.\n`;

describe('lint cache (parsed records by size and mtime)', () => {
  it('gives the same findings cached and uncached, and sees edits', async () => {
    const dir = testdir({ 'node_modules/.keep': '', 'adr/0001-use-x.md': record('Use X', 'Accepted'), 'adr/0002-use-y.md': record('Use Y', 'proposed', 'supersedes: 1\n') });
    const cold = await runCli(['lint', '-f', 'json'], { cwd: dir.path });
    expect(readdirSync(dir.join('node_modules/.cache/adrkit'))).toContain('index.json');
    const warm = await runCli(['lint', '-f', 'json'], { cwd: dir.path });
    const uncached = await runCli(['lint', '-f', 'json', '--no-cache'], { cwd: dir.path });
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toBe(uncached.stdout);
    expect(warm.code).toBe(uncached.code);
    expect(JSON.parse(warm.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`)).toContain('status-format:3');

    writeFileSync(dir.join('adr/0001-use-x.md'), record('Use X', 'superseded', 'superseded-by: 2\n'));
    const edited = await runCli(['lint', '-f', 'json'], { cwd: dir.path });
    const fresh = await runCli(['lint', '-f', 'json', '--no-cache'], { cwd: dir.path });
    expect(edited.stdout).toBe(fresh.stdout);
    expect(JSON.parse(edited.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('status-format');
  });

  it('remembered findings follow the configuration and the day', async () => {
    const dir = testdir({ 'node_modules/.keep': '', 'adr/0001-use-x.md': record('Use X', 'Accepted').replace('2024-01-01', '2030-01-01') });
    const ids = async (now: number) => JSON.parse((await runCli(['lint', '-f', 'json'], { cwd: dir.path, now })).stdout).findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}/${f.severity}`);
    const before = await ids(Date.UTC(2024, 0, 1));
    expect(before).toContain('valid-date/error');
    expect(await ids(Date.UTC(2024, 0, 1))).toEqual(before);
    expect(await ids(Date.UTC(2031, 0, 1))).not.toContain('valid-date/error');
    writeFileSync(dir.join('adrkit.config.json'), JSON.stringify({ rules: { 'status-format': 'off' } }));
    expect(await ids(Date.UTC(2031, 0, 1))).not.toContain('status-format/error');
    expect(await ids(Date.UTC(2031, 0, 1))).not.toContain('status-format/warn');
  });

  it('survives a corrupt or missing cache', async () => {
    const dir = testdir({ 'node_modules/.keep': '', 'adr/0001-use-x.md': record('Use X', 'accepted') });
    const expected = (await runCli(['lint', '--no-cache'], { cwd: dir.path })).code;
    await runCli(['lint'], { cwd: dir.path });
    writeFileSync(dir.join('node_modules/.cache/adrkit/index.json'), '{not json');
    for (const name of readdirSync(dir.join('node_modules/.cache/adrkit/blobs'))) writeFileSync(join(dir.join('node_modules/.cache/adrkit/blobs'), name), 'garbage');
    expect((await runCli(['lint'], { cwd: dir.path })).code).toBe(expected);
    rmSync(dir.join('node_modules/.cache'), { recursive: true });
    expect((await runCli(['lint'], { cwd: dir.path })).code).toBe(expected);
  });

  it('serves the full record lazily from the cache, frontmatter included', () => {
    const dir = testdir({ 'node_modules/.keep': '', 'adr/0001-use-x.md': record('Use X', 'accepted', 'tags: [ml]\n') });
    const path = dir.join('adr/0001-use-x.md');
    const first = RecordCache.open(dir.path);
    first.parse(path, '0001-use-x.md', record('Use X', 'accepted', 'tags: [ml]\n'), () => false);
    first.save();
    const hit = RecordCache.open(dir.path).lookup(path, '0001-use-x.md')!;
    expect(hit.record.status).toBe('accepted');
    expect(hit.record.frontmatter.tags).toEqual(['ml']);
    expect(Object.keys(hit.record.frontmatter)).toEqual(['title', 'status', 'date', 'deciders', 'tags']);
    expect(hit.record.sections.map((s) => s.heading)).toEqual(['Use X', 'Context and problem']);
    expect(hit.locate('tags')).toEqual({ line: 6, column: 1 });
    expect(hit.text).toContain('# Use X');
  });

  it('knows each record\'s git blob id, equal to git hash-object, without reading the file again', () => {
    const text = record('Use Ü', 'accepted', 'tags: [ml]\n'); // non-ASCII: the id is over UTF-8 bytes
    const dir = testdir({ 'node_modules/.keep': '', 'adr/0001-use-u.md': text });
    const path = dir.join('adr/0001-use-u.md');
    const expected = execFileSync('git', ['hash-object', path], { encoding: 'utf8' }).trim();
    const first = RecordCache.open(dir.path);
    expect(first.parse(path, '0001-use-u.md', text, () => false).blobId).toBe(expected);
    first.save();
    const log = readLog(dir.path, dir.join('adr'), { cache: RecordCache.open(dir.path) });
    expect(log.records[0].blobId).toBe(expected);
    expect(readLog(dir.path, dir.join('adr')).records[0].blobId).toBeUndefined();
  });

  it('serves full records correctly when more are used than it keeps in memory at once', () => {
    const files = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`adr/${String(i + 1).padStart(4, '0')}-use-x${i}.md`, record(`Use X${i}`, 'accepted', `tags: [t${i}]\n`)]));
    const dir = testdir({ 'node_modules/.keep': '', ...files });
    const cold = RecordCache.open(dir.path);
    readLog(dir.path, dir.join('adr'), { cache: cold });
    cold.save();
    const records = readLog(dir.path, dir.join('adr'), { cache: RecordCache.open(dir.path) }).records;
    for (let round = 0; round < 2; round++) {
      records.forEach((r, i) => {
        expect(r.record.body).toContain(`# Use X${i}`);
        expect(r.record.frontmatter.tags).toEqual([`t${i}`]);
        expect(r.locate('tags')).toEqual({ line: 6, column: 1 });
      });
    }
  });
});

describe('incremental history', () => {
  it('extending a snapshot with newer commits equals one full pass (renames included)', () => {
    const repo = gitdir([
      { files: { 'adr/0001-a.md': 'a\n', 'adr/0002-b.md': 'b\n' }, date: '2024-01-01T00:00:00Z' },
      { files: { 'adr/0002-b.md': 'b2\n' }, date: '2024-02-01T00:00:00Z', author: { name: 'Bo', email: 'bo@example.com' } },
    ]);
    const log = (range: string[] = []) => parseRawLog(repo.git(['-C', 'adr', 'log', ...range, '--relative', '-M', '--raw', '--no-abbrev', '-z', LOG_FORMAT, '--', '.']));
    const snapshotHead = repo.git(['rev-parse', 'HEAD']).trim();
    const snapshot = historyByPath(log(), ['0001-a.md', '0002-b.md']);
    repo.git(['mv', 'adr/0002-b.md', 'adr/0002-b-renamed.md']);
    repo.git(['commit', '-q', '-m', 'rename'], '2024-03-01T00:00:00Z');
    repo.commit({ files: { 'adr/0003-c.md': 'c\n', 'adr/0001-a.md': 'a2\n' }, date: '2024-04-01T00:00:00Z' });
    const current = ['0001-a.md', '0002-b-renamed.md', '0003-c.md'];
    const incremental = extendHistory(snapshot, log([`${snapshotHead}..HEAD`]), current);
    const full = historyByPath(log(), current);
    expect(incremental).toEqual(full);
    expect(full.get('0002-b-renamed.md')).toMatchObject({ created: '2024-01-01T00:00:00+00:00', updated: '2024-03-01T00:00:00+00:00', authors: ['Ada Test', 'Bo'] });
  });

  it('lint reads only new commits on the next run and still dates records right', async () => {
    const repo = gitdir([{ files: { 'node_modules/.keep': '', 'adr/0001-use-x.md': record('Use X', 'proposed') }, date: '2020-01-01T00:00:00Z' }]);
    const opts = { cwd: repo.path, now: Date.UTC(2024, 0, 1) };
    const first = await runCli(['lint', '-f', 'json', '--rule', 'stale-proposed'], opts);
    expect(JSON.parse(first.stdout).findings).toHaveLength(1);
    repo.commit({ files: { 'adr/0002-use-y.md': record('Use Y', 'proposed') }, date: '2023-12-20T00:00:00Z' });
    const second = await runCli(['lint', '-f', 'json', '--rule', 'stale-proposed'], opts);
    const uncached = await runCli(['lint', '-f', 'json', '--rule', 'stale-proposed', '--no-cache'], opts);
    expect(second.stdout).toBe(uncached.stdout);
  });
});
