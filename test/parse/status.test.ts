import { describe, expect, it } from 'vitest';
import { normaliseStatus } from '../../src/parse/status.js';

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
