import { afterEach, describe, expect, it } from 'vitest';
import { readLogHistory } from '../../src/history/git.js';
import { gitdir, type GitDir } from '../helpers/index.js';

// Record creation dates through renames inside merges, deleted-and-restored files, folder moves
// and paths reused on parallel branches. Every commit has a fixed date; `created` is the author
// date of the record's first addition on any line of history.

const record = (title: string, body = 'We decided.') => `# ${title}\n\n## Status\n\nAccepted\n\n## Context\n\n${body}\n\n## Decision\n\n${body}\n`;

let repos: GitDir[] = [];
afterEach(() => {
  for (const r of repos) r.remove();
  repos = [];
});
const repo = (...args: Parameters<typeof gitdir>) => {
  const r = gitdir(...args);
  repos.push(r);
  return r;
};
const day = (iso: string | undefined) => iso?.slice(0, 10);

async function created(r: GitDir, dir: string, paths: string[]): Promise<Record<string, string | undefined>> {
  const history = await readLogHistory(r.join(dir), paths);
  return Object.fromEntries(paths.map((p) => [p, day(history.records.get(p)?.created)]));
}

describe('record history across lines of history', () => {
  it('follows a renumbering made inside a merge commit back to the branch that added the record', async () => {
    const r = repo([{ files: { 'adr/0001-first.md': record('First') }, date: '2024-01-01T10:00:00Z' }]);
    r.git(['checkout', '-q', '-b', 'feat']);
    r.commit({ files: { 'adr/0002-cache.md': record('Cache', 'Use a cache for model features.') }, date: '2024-01-05T10:00:00Z' });
    r.git(['checkout', '-q', 'main']);
    r.commit({ files: { 'adr/0002-queue.md': record('Queue', 'Use a queue for training jobs.') }, date: '2024-01-07T10:00:00Z' });
    r.git(['merge', '-q', '--no-ff', '--no-commit', 'feat'], '2024-01-10T10:00:00Z');
    r.git(['mv', 'adr/0002-cache.md', 'adr/0003-cache.md'], '2024-01-10T10:00:00Z');
    r.git(['commit', '-q', '-m', 'merge feat, renumber the cache decision'], '2024-01-10T10:00:00Z');
    expect(await created(r, 'adr', ['0001-first.md', '0002-queue.md', '0003-cache.md'])).toEqual({ '0001-first.md': '2024-01-01', '0002-queue.md': '2024-01-07', '0003-cache.md': '2024-01-05' });
  });

  it('keeps a path used on two parallel branches with its own record after the renumbering merge', async () => {
    const r = repo([{ files: { 'adr/0001-first.md': record('First') }, date: '2024-01-01T10:00:00Z' }]);
    r.git(['checkout', '-q', '-b', 'feat']);
    r.commit({ files: { 'adr/0002-storage.md': record('Store features in Parquet', 'Parquet files on object storage, partitioned by day.') }, date: '2024-01-03T10:00:00Z' });
    r.commit({ files: { 'adr/0002-storage.md': record('Store features in Parquet', 'Parquet files on object storage, partitioned by day and by team.') }, date: '2024-01-04T10:00:00Z' });
    r.git(['checkout', '-q', 'main']);
    r.commit({ files: { 'adr/0002-storage.md': record('Keep the model registry in Postgres', 'A Postgres schema holds the model registry and its lineage.') }, date: '2024-01-08T10:00:00Z' });
    // Both branches added adr/0002-storage.md: the merge keeps main's and renumbers feat's to 0003.
    expect(() => r.git(['merge', '-q', '--no-ff', '--no-commit', 'feat'], '2024-01-10T10:00:00Z')).toThrow();
    r.git(['show', 'feat:adr/0002-storage.md']);
    r.write({ 'adr/0003-storage.md': r.git(['show', 'feat:adr/0002-storage.md']), 'adr/0002-storage.md': r.git(['show', 'main:adr/0002-storage.md']) });
    r.git(['add', 'adr/0002-storage.md', 'adr/0003-storage.md']);
    r.git(['commit', '-q', '-m', 'merge feat, renumber its storage decision to 0003'], '2024-01-10T10:00:00Z');
    const history = await readLogHistory(r.join('adr'), ['0002-storage.md', '0003-storage.md']);
    expect(day(history.records.get('0002-storage.md')?.created)).toBe('2024-01-08');
    expect(day(history.records.get('0003-storage.md')?.created)).toBe('2024-01-03');
    expect(history.records.get('0002-storage.md')?.versions.map((v) => day(v.date))).toEqual(['2024-01-08']);
  });

  it('dates a deleted and restored record from its first addition', async () => {
    const r = repo([
      { files: { 'adr/0001-first.md': record('First') }, date: '2024-01-01T10:00:00Z' },
      { files: { 'adr/0002-drift.md': record('Monitor drift') }, date: '2024-02-01T10:00:00Z' },
      { files: { 'adr/0002-drift.md': null }, date: '2024-03-01T10:00:00Z' },
      { files: { 'adr/0002-drift.md': record('Monitor drift', 'Restored: we monitor drift weekly.') }, date: '2024-04-01T10:00:00Z' },
    ]);
    const history = await readLogHistory(r.join('adr'), ['0002-drift.md']);
    expect(day(history.records.get('0002-drift.md')?.created)).toBe('2024-02-01');
    expect(day(history.records.get('0002-drift.md')?.updated)).toBe('2024-04-01');
  });

  it('follows records out of the log folder through a folder move', async () => {
    const r = repo([
      { files: { 'hercules/adr002-discovery/README.md': record('Discovery') }, date: '2024-01-02T10:00:00Z' },
      { files: { 'hercules/adr002-discovery/README.md': record('Discovery', 'Edited.') }, date: '2024-01-03T10:00:00Z', author: { name: 'Bo Other', email: 'bo@example.com' } },
    ]);
    r.git(['mv', 'hercules', 'docs_adr'], '2024-02-01T10:00:00Z');
    r.git(['commit', '-q', '-m', 'move the log'], '2024-02-01T10:00:00Z');
    const history = await readLogHistory(r.join('docs_adr'), ['adr002-discovery/README.md']);
    const h = history.records.get('adr002-discovery/README.md');
    expect(day(h?.created)).toBe('2024-01-02');
    expect(h?.authors).toEqual(['Ada Test', 'Bo Other']);
  });

  it('follows a renumbering done in two commits (copy, then delete the old name)', async () => {
    const r = repo([
      { files: { 'adr/0023-terraform-roots.md': record('Terraform roots') }, date: '2024-01-16T10:00:00Z' },
      { files: { 'adr/0026-terraform-roots.md': record('Terraform roots') }, date: '2024-02-05T10:00:00Z' },
      { files: { 'adr/0023-terraform-roots.md': null }, date: '2024-02-06T10:00:00Z' },
    ]);
    expect(await created(r, 'adr', ['0026-terraform-roots.md'])).toEqual({ '0026-terraform-roots.md': '2024-01-16' });
  });

  it('follows a two-commit renumbering whose copy was edited for its new number', async () => {
    const r = repo([
      { files: { 'adr/ADR023-terraform-roots.md': record('ADR023: Terraform roots', 'Parameterise the roots.') }, date: '2024-01-16T10:00:00Z' },
      { files: { 'adr/ADR023-terraform-roots.md': record('ADR023: Terraform roots', 'Parameterise the roots. More cons.') }, date: '2024-01-22T10:00:00Z' },
      { files: { 'adr/ADR026-terraform-roots.md': record('ADR026: Terraform roots', 'Parameterise the roots. More cons.') }, date: '2024-02-05T10:00:00Z' },
      { files: { 'adr/ADR023-terraform-roots.md': null }, date: '2024-02-05T10:05:00Z' },
    ]);
    const history = await readLogHistory(r.join('adr'), ['ADR026-terraform-roots.md']);
    const h = history.records.get('ADR026-terraform-roots.md');
    expect(day(h?.created)).toBe('2024-01-16');
    expect(h?.versions.map((v) => [day(v.date), v.path])).toEqual([
      ['2024-01-16', 'adr/ADR023-terraform-roots.md'],
      ['2024-01-22', 'adr/ADR023-terraform-roots.md'],
      ['2024-02-05', 'adr/ADR026-terraform-roots.md'],
    ]);
  });

  it('follows a two-commit renumbering whose old name was then renamed away instead of deleted', async () => {
    const text = (n: number, extra = '') => record(`${n}. Custom prompt template formats`, `Support Handlebars and Liquid templates.${extra}`);
    const r = repo([{ files: { 'adr/0014-prompt-formats.md': text(14) }, date: '2023-10-27T10:00:00Z' }]);
    r.git(['mv', 'adr/0014-prompt-formats.md', 'adr/0017-prompt-formats.md']);
    r.git(['commit', '-q', '-m', 'renumber to 0017'], '2023-11-01T10:00:00Z');
    r.commit({ files: { 'adr/0016-prompt-formats.md': text(16, ' Samples updated.') }, date: '2023-11-06T10:00:00Z' });
    r.git(['mv', 'adr/0017-prompt-formats.md', 'adr/0018-prompt-formats.md']);
    r.git(['commit', '-q', '-m', 'clean up the folder'], '2023-11-07T10:00:00Z');
    r.commit({ files: { 'adr/0018-prompt-formats.md': null }, date: '2025-04-09T10:00:00Z' });
    expect(await created(r, 'adr', ['0016-prompt-formats.md'])).toEqual({ '0016-prompt-formats.md': '2023-10-27' });
  });

  it('counts a record added with the title slug of a record that stays as a new record', async () => {
    const r = repo([
      { files: { 'adr/0003-use-redis.md': record('Use Redis', 'For sessions.') }, date: '2024-01-03T10:00:00Z' },
      { files: { 'adr/0009-use-redis.md': record('Use Redis', 'For the feature store too.') }, date: '2024-06-01T10:00:00Z' },
      { files: { 'adr/0003-use-redis.md': record('Use Redis', 'For sessions; see 0009.') }, date: '2024-06-02T10:00:00Z' },
    ]);
    expect(await created(r, 'adr', ['0003-use-redis.md', '0009-use-redis.md'])).toEqual({ '0003-use-redis.md': '2024-01-03', '0009-use-redis.md': '2024-06-01' });
  });

  it('counts a file replacing another of the same number in one commit (delete + add, no rename) as a new record', async () => {
    // A new decision in the old one's place (`0001-use-CC0-as-license` -> `0001-use-CC0-or-MIT-as-license`):
    // neither the names nor git's similarity tell it from the same decision rewritten, so it is not joined.
    const r = repo([
      { files: { 'adr/0001-use-cc0-as-license.md': record('Use CC0 as license', 'Public domain for everything we write here.') }, date: '2017-12-04T10:00:00Z' },
      { files: { 'adr/0001-use-cc0-as-license.md': null, 'adr/0001-use-cc0-or-mit-as-license.md': record('Use CC0 or MIT as license', 'Dual licence: the text under CC0, the code samples under MIT, decided after the 2022 review.') }, date: '2022-05-15T10:00:00Z' },
    ]);
    expect(await created(r, 'adr', ['0001-use-cc0-or-mit-as-license.md'])).toEqual({ '0001-use-cc0-or-mit-as-license.md': '2022-05-15' });
  });

  it('follows a record that gained its extension while rewritten (git sees a delete and an add)', async () => {
    const r = repo([
      { files: { 'adr/ADR002-use-notify': 'draft' }, date: '2022-02-18T10:00:00Z' },
      { files: { 'adr/ADR002-use-notify': null, 'adr/ADR002-use-notify.md': record('Use Notify', 'A long text written later, nothing like the draft at all.') }, date: '2022-02-21T10:00:00Z' },
    ]);
    expect(await created(r, 'adr', ['ADR002-use-notify.md'])).toEqual({ 'ADR002-use-notify.md': '2022-02-18' });
  });

  it('counts a record copied from the template as created when copied', async () => {
    const r = repo([
      { files: { 'adr/template.md': record('{title}') }, date: '2024-01-01T10:00:00Z' },
      { files: { 'adr/0001-use-x.md': record('{title}') }, date: '2024-03-01T10:00:00Z' },
      { files: { 'adr/template.md': null }, date: '2024-03-02T10:00:00Z' },
    ]);
    expect(await created(r, 'adr', ['0001-use-x.md'])).toEqual({ '0001-use-x.md': '2024-03-01' });
  });
});
