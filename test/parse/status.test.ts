import { describe, expect, it } from 'vitest';
import { normaliseStatus, STATUS_VOCABULARY, statusTextOf, withStatusWords } from '../../src/parse/status.js';
import { parseRecord } from '../../src/parse/record.js';

describe('normaliseStatus', () => {
  it.each([
    ['accepted', 'accepted'],
    ['Accepted', 'accepted'],
    ['ACCEPTED.', 'accepted'],
    ['✅ Accepted', 'accepted'],
    ['Approved', 'accepted'],
    ['🤔 Proposed', 'proposed'],
    ['PROPOSED', 'proposed'],
    ['Pending', 'proposed'],
    ['In Review', 'proposed'],
    ['Under Review', 'proposed'],
    ['draft', 'proposed'],
    ['❌ Rejected )', 'rejected'],
    ['Deprecated', 'deprecated'],
    ['Superceded', 'superseded'],
    ['proposé', 'proposed'],
    ['accepté', 'accepted'],
  ])('%s -> %s', (raw, expected) => {
    const result = normaliseStatus(raw);
    expect(result.status).toBe(expected);
    expect(result.original).toBe(raw.trim());
  });

  it('keeps the reference of "superseded by X"', () => {
    expect(normaliseStatus('⌛️ Superseded by 036. Multi-cluster')).toMatchObject({ status: 'superseded', supersededBy: '036. Multi-cluster' });
    expect(normaliseStatus('superseded by ADR-0057')).toMatchObject({ status: 'superseded', supersededBy: 'ADR-0057' });
    expect(normaliseStatus('Superseded by DNS Infrastructure')).toMatchObject({ status: 'superseded', supersededBy: 'DNS Infrastructure' });
  });

  it('reads "accepted; supersedes X" as accepted with a supersedes reference', () => {
    expect(normaliseStatus('accepted; supersedes ADR-0045')).toMatchObject({ status: 'accepted', supersedes: 'ADR-0045' });
  });

  it('does not invent a status for unknown text or template placeholders', () => {
    expect(normaliseStatus('whatever we said').status).toBeUndefined();
    const placeholder = normaliseStatus('[ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)]');
    expect(placeholder.status).toBeUndefined();
    expect(placeholder.placeholder).toBe(true);
  });
});

describe('status vocabulary', () => {
  it.each([
    // English, beyond the five canonical words
    ['Implemented', 'accepted'],
    ['implemented (partially)', 'accepted'],
    ['Partially accepted', 'accepted'],
    ['partially implemented', 'accepted'],
    ['implementable', 'accepted'],
    ['experimental', 'accepted'],
    ['Done', 'accepted'],
    ['Partly superseded', 'accepted'],
    ['Refinement completed. TP in 3.4', 'accepted'],
    ['Review', 'proposed'],
    ['in review', 'proposed'],
    ['Under Review', 'proposed'],
    ['in-progress', 'proposed'],
    ['provisional', 'proposed'],
    ['on hold', 'proposed'],
    ['Draft', 'proposed'],
    ['Reverted', 'deprecated'],
    ['Obsolete', 'deprecated'],
    ['Invalidated by ADR-0012', 'superseded'],
    ['Replaced by 0007-use-y.md', 'superseded'],
    ['Reverted by ADR-9', 'superseded'],
    ['deprecated in favor of ADR0037', 'superseded'],
    // French, German, Spanish, Portuguese
    ['Adopté', 'accepted'],
    ['Accepté', 'accepted'],
    ['Remplacé par ADR-3', 'superseded'],
    ['Refusé', 'rejected'],
    ['Angenommen', 'accepted'],
    ['Vorgeschlagen', 'proposed'],
    ['Abgelehnt', 'rejected'],
    ['Aceptado', 'accepted'],
    ['Propuesto', 'proposed'],
    ['Rechazado', 'rejected'],
    ['Aceito', 'accepted'],
    ['Proposto', 'proposed'],
    ['Rejeitado', 'rejected'],
    // Chinese and Japanese
    ['通过', 'accepted'],
    ['完成', 'accepted'],
    ['提议', 'proposed'],
    ['已弃用', 'deprecated'],
    ['承認', 'accepted'],
    ['提案', 'proposed'],
    ['却下', 'rejected'],
    // emoji prefixes
    ['✅ Accepted', 'accepted'],
    ['⌛️ Superseded by 036. Multi-cluster', 'superseded'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseStatus(raw).status).toBe(expected);
  });

  it('does not take a longer word for a status (`open` is not `OpenTelemetry`)', () => {
    expect(normaliseStatus('OpenTelemetry everywhere').status).toBeUndefined();
    expect(normaliseStatus('newsletter').status).toBeUndefined();
  });

  it('keeps the successor named by "replaced / invalidated / reverted by X"', () => {
    expect(normaliseStatus('Invalidated by ADR-0012')).toMatchObject({ supersededBy: 'ADR-0012' });
    expect(normaliseStatus('Reverted by [ADR-9](0009-x.md)')).toMatchObject({ status: 'superseded', supersededBy: '[ADR-9](0009-x.md)' });
    expect(normaliseStatus('Partly superseded by ADR-7').supersededBy).toBeUndefined();
  });

  it('reads template braces around a real value and keeps the text as written', () => {
    expect(normaliseStatus('{ accepted }')).toMatchObject({ status: 'accepted', original: '{ accepted }', placeholder: false });
    expect(normaliseStatus('{proposed}').status).toBe('proposed');
  });

  it.each(['{Proposed|Accepted}', '[ accepted | deprecated | … ]', '{status}', 'Accepted or Rejected', 'proposed / accepted / rejected', 'TBD', '<status>'])('%s is an unfilled placeholder', (raw) => {
    expect(normaliseStatus(raw)).toMatchObject({ status: undefined, placeholder: true });
  });

  it('is not a placeholder when a status names a record', () => {
    expect(normaliseStatus('accepted, supersedes ADR-45')).toMatchObject({ status: 'accepted', placeholder: false, supersedes: 'ADR-45' });
  });

  it("reads a team's own words before the built-in vocabulary", () => {
    expect(normaliseStatus('Shipped').status).toBeUndefined();
    expect(normaliseStatus('Shipped', { Shipped: 'accepted' }).status).toBe('accepted');
    expect(normaliseStatus('shipped in v2', { Shipped: 'accepted' }).status).toBe('accepted');
    expect(normaliseStatus('Done', { done: 'deprecated' }).status).toBe('deprecated');
  });

  it('lists every language of the vocabulary', () => {
    expect(new Set(STATUS_VOCABULARY.map((e) => e.language))).toEqual(new Set(['en', 'fr', 'de', 'es', 'pt', 'zh', 'ja']));
  });
});

describe('status text', () => {
  it.each([
    ['Superseded by [ADR019 Use Amazon SES](ADR019-use-amazon-ses.md)', 'Superseded by ADR019 Use Amazon SES'],
    ['superseded by [ADR-0062](0062-open-api-payload.md)', 'superseded by ADR-0062'],
    ['**Accepted**', 'Accepted'],
    ['`proposed`', 'proposed'],
    ['> Adopté', 'Adopté'],
    ['{ accepted }', '{ accepted }'],
    ['_Accepted_ <!-- was proposed -->', 'Accepted'],
  ])('%s reads as %s', (written, plain) => {
    expect(statusTextOf(written)).toBe(plain);
  });

  it('gives the record plain status text, and keeps the status link as a relation (frontmatter, section, bullet, table)', () => {
    const cases = [
      ['0006-x.md', '---\nstatus: superseded by [ADR-0062](0062-open-api-payload.md)\n---\n\n# X\n', 'superseded by ADR-0062', '0062-open-api-payload.md'],
      ['ADR002-x.md', '# X\n\n## Status\n\nSuperseded by [ADR019 Use Amazon SES](ADR019-use-amazon-ses.md)\n\n## Context\n\nc\n', 'Superseded by ADR019 Use Amazon SES', 'ADR019-use-amazon-ses.md'],
      ['20200926-x.md', '# X\n\n- Status: superseded by [20201016-y](20201016-y.md)\n- Date: 2020-09-26\n', 'superseded by 20201016-y', '20201016-y.md'],
      ['ODH-ADR-0002-x.md', '# X\n\n| | |\n|---|---|\n| Status | **Superseded by [ODH-ADR-0005](ODH-ADR-0005-y.md)** |\n', 'Superseded by ODH-ADR-0005', 'ODH-ADR-0005-y.md'],
    ];
    for (const [path, text, statusText, successor] of cases) {
      const { record } = parseRecord(path, text);
      expect(record, path).toMatchObject({ status: 'superseded', statusText, supersededBy: [successor] });
    }
  });
});

describe('withStatusWords', () => {
  const record = parseRecord('0001-x.md', '# X\n\nStatus: Shipped\n').record;
  it('applies the map to a parsed record without changing the original', () => {
    expect(record.status).toBeUndefined();
    expect(withStatusWords(record, { shipped: 'accepted' }).status).toBe('accepted');
    expect(record.status).toBeUndefined();
    expect(withStatusWords(record, {})).toBe(record);
  });
});
