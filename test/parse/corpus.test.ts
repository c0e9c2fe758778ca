import { beforeAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/workspace/read-log.js';
import { CORPUS_COUNTS, HAS_CORPUS, sharedCorpusClone } from '../helpers/corpus.js';

const EXPECTED = CORPUS_COUNTS;

describe.skipIf(!HAS_CORPUS)('real ADR collections (../shared/corpus)', () => {
  let logs: Record<string, ReturnType<typeof readLog>> = {};
  beforeAll(() => {
    logs = Object.fromEntries(Object.keys(EXPECTED).map((name) => {
      const dir = sharedCorpusClone(name);
      return [name, readLog(dir, dir)];
    }));
  });
  const byNumber = (name: string, n: number) => logs[name].records.find((r) => r.record.number === n)!.record;

  it.each(Object.entries(EXPECTED))('%s: finds every record and nothing else', (name, count) => {
    expect(logs[name].records).toHaveLength(count);
    expect(logs[name].unreadable).toEqual([]);
  });

  it('reads adr-tools records (alphagov)', () => {
    expect(byNumber('alphagov__govuk-aws', 15)).toMatchObject({ format: 'nygard', title: 'DNS infrastructure', status: 'accepted', date: '2018-03-06' });
    expect(byNumber('alphagov__govuk-aws', 4)).toMatchObject({ status: 'superseded', supersededBy: ['0015-dns-infrastructure.md'] });
    expect(byNumber('alphagov__govuk-aws', 38)).toMatchObject({ status: 'accepted', statusText: 'Approved' });
  });

  it('reads emoji statuses (ministryofjustice)', () => {
    expect(byNumber('ministryofjustice__cloud-platform', 21)).toMatchObject({ title: 'Multi-cluster', status: 'superseded' });
    expect(byNumber('ministryofjustice__cloud-platform', 37)).toMatchObject({ status: 'rejected', statusText: 'Rejected' });
    expect(byNumber('ministryofjustice__cloud-platform', 28).status).toBeUndefined();
  });

  it('reads MADR with and without status (adr/madr, JabRef)', () => {
    expect(byNumber('adr__madr', 3)).toMatchObject({ title: 'Write Own MADR Tooling', statusText: 'on hold', status: 'proposed' });
    expect(byNumber('adr__madr', 8).status).toBeUndefined();
    expect(byNumber('adr__madr', 13).status).toBeUndefined();
    expect(byNumber('JabRef__jabref', 45)).toMatchObject({ status: 'superseded', supersededBy: [57] });
    expect(byNumber('JabRef__jabref', 57)).toMatchObject({ status: 'accepted', supersedes: [45] });
  });

  it('reads log4brains records and keeps unfilled template statuses unknown', () => {
    const l4b = logs.thomvaill__log4brains.records.find((r) => r.record.slug.startsWith('20200926'))!.record;
    expect(l4b).toMatchObject({ format: 'log4brains', status: 'superseded', supersededBy: ['20201016-use-the-adr-slug-as-its-unique-id.md'] });
    const flyway = logs['hyperledger__identus-cloud-agent'].records.find((r) => r.record.slug.includes('flyway'))!.record;
    expect(flyway.status).toBeUndefined();
    expect(flyway.statusText).toBeUndefined();
    // `- Date: [YYYY-MM-DD when …]` is an unfilled field: no date, and not the file-name date either.
    expect(flyway.date).toBeUndefined();
  });

  it('strips title prefixes and reads swapped dates, keeping the text as written (arachne, cisagov)', () => {
    expect(byNumber('arachne-framework__architecture', 4)).toMatchObject({ title: 'Module Structure & Loading', status: 'proposed' });
    expect(byNumber('cisagov__manage.get.gov', 25)).toMatchObject({ date: '2024-02-14', dateText: '2024-14-02', status: 'proposed', statusText: 'In Review' });
  });
});
