import { describe, expect, it } from 'vitest';
import { recordIndex, resolveRecord, type Resolvable } from '../../src/decision/resolve.js';
import { parseRecord } from '../../src/parse/record.js';
import { lint } from '../../src/lint/engine.js';
import { RULES } from '../../src/rules/index.js';
import { resolveRelations } from '../../src/site/links.js';
import type { SiteRecord } from '../../src/site/types.js';

const text = (title: string, extra = '') => `---\ntitle: ${title}\nstatus: accepted\ndate: 2024-01-01\n${extra}---\n# ${title}\n`;

/** Records at paths relative to one folder (like lint's working directory). */
function log(files: Record<string, string>): Resolvable[] {
  return Object.entries(files).map(([file, body]) => ({ record: parseRecord(file.slice(file.lastIndexOf('/') + 1), body).record, file }));
}

const at = (records: Resolvable[], file: string) => records.find((r) => r.file === file)!;

// Two logs (or two categories of one log) that both have a record 0003: the case where lint (own
// folder only), the site (same section, else the first) and the CLI (refused) disagreed.
const TWO_LOGS = {
  'payments/0001-use-stripe.md': text('Use Stripe', 'relates-to: 3\n'),
  'payments/0003-use-postgres.md': text('Use Postgres'),
  'search/0001-use-solr.md': text('Use Solr'),
  'search/0003-use-opensearch.md': text('Use OpenSearch'),
  'search/0004-use-faiss.md': text('Use FAISS'),
  'ops/0001-use-k8s.md': text('Use k8s'),
};

describe('record-reference resolution: one rule for lint, site, edits and the CLI', () => {
  const records = log(TWO_LOGS);
  const index = recordIndex(records);

  it('a number two folders use means the one in the referring record\'s folder', () => {
    expect(index.resolve(3, at(records, 'payments/0001-use-stripe.md'))?.file).toBe('payments/0003-use-postgres.md');
    expect(index.resolve('ADR-0003', at(records, 'search/0001-use-solr.md'))?.file).toBe('search/0003-use-opensearch.md');
  });

  it('is ambiguous, so unresolved, from a third folder (the site used to take the first)', () => {
    expect(index.candidates(3, at(records, 'ops/0001-use-k8s.md'))).toHaveLength(2);
    expect(index.resolve(3, at(records, 'ops/0001-use-k8s.md'))).toBeUndefined();
  });

  it('resolves a number only another folder has (lint used to look in its own folder only)', () => {
    expect(index.resolve(4, at(records, 'ops/0001-use-k8s.md'))?.file).toBe('search/0004-use-faiss.md');
  });

  it('a relative path picks its file, whatever the numbers and slugs of other folders', () => {
    const from = at(records, 'payments/0001-use-stripe.md');
    expect(index.resolve('../search/0003-use-opensearch.md#decision', from)?.file).toBe('search/0003-use-opensearch.md');
    expect(index.resolve('./0003-use-postgres.md', from)?.file).toBe('payments/0003-use-postgres.md');
  });

  it('the same number twice in one folder is unresolved (the site used to take the first)', () => {
    const dup = log({ 'adr/0001-a.md': text('A', 'relates-to: 2\n'), 'adr/0002-b.md': text('B'), 'adr/0002-c.md': text('C') });
    expect(recordIndex(dup).resolve(2, at(dup, 'adr/0001-a.md'))).toBeUndefined();
  });

  it('a record does not resolve to itself when another record fits', () => {
    expect(index.resolve(3, at(records, 'payments/0003-use-postgres.md'))?.file).toBe('search/0003-use-opensearch.md');
    expect(index.resolve(1, at(records, 'ops/0001-use-k8s.md'))).toBeUndefined();
  });

  it('reads titles (the CLI did not) and "N. Title", but a slug no file has is not its number (lint took it)', () => {
    const from = at(records, 'search/0001-use-solr.md');
    expect(index.resolve('use opensearch', from)?.file).toBe('search/0003-use-opensearch.md');
    expect(index.resolve('4. Use FAISS', from)?.file).toBe('search/0004-use-faiss.md');
    expect(index.resolve('0004 the vector index', from)?.file).toBe('search/0004-use-faiss.md');
    expect(index.resolve('0004-use-annoy', from)).toBeUndefined();
    expect(index.resolve('0004-use-annoy.md', from)).toBeUndefined();
  });

  it('resolveRecord (a reference typed on the command line) refuses any second match, listing the files', () => {
    expect(() => resolveRecord(records, '3')).toThrow(/"3" matches 2 records: payments\/0003-use-postgres.md, search\/0003-use-opensearch.md/);
    expect(resolveRecord(records, 'search/0003-use-opensearch.md').file).toBe('search/0003-use-opensearch.md');
    expect(resolveRecord(records, 'Use FAISS').file).toBe('search/0004-use-faiss.md');
    expect(() => resolveRecord(records, '0004-use-fais')).toThrow(expect.objectContaining({ code: 'not-found', details: { hint: 'did you mean 0004-use-faiss?' } }));
  });

  it('lint and the site agree: same folder first, else the reference is broken and the site shows no link', () => {
    const files = { ...TWO_LOGS, 'ops/0001-use-k8s.md': text('Use k8s', 'relates-to: 3\n') };
    const inputs = Object.entries(files).map(([file, body]) => ({ ...parseRecord(file.slice(file.lastIndexOf('/') + 1), body), file, absPath: `/repo/${file}`, text: body }));
    const findings = lint(inputs, { rules: RULES, today: '2025-01-01', ruleFilter: new Set(['link-target']) });
    expect(findings.map((f) => f.file)).toEqual(['ops/0001-use-k8s.md']);
    const site = inputs.map((i) => ({ record: i.record, file: i.file, section: i.file.split('/')[0] }) as unknown as SiteRecord);
    const relations = resolveRelations(site);
    const file = (i: number) => site[i].file;
    expect(relations[0].relatesTo.map(file)).toEqual(['payments/0003-use-postgres.md']);
    expect(relations[5].relatesTo).toEqual([]);
  });
});
