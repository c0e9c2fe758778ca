import { describe, expect, it } from 'vitest';
import { classifyFile, compareRecordNames, isRecordName, parseRecordName } from '../../src/parse/filename.js';

describe('record file names', () => {
  it.each([
    ['0001-use-x.md', 1, 'use-x'],
    ['12-foo.md', 12, 'foo'],
    ['7.md', 7, ''],
    ['adr-012-use-x.md', 12, 'use-x'],
    ['ADR-7.md', 7, ''],
    ['adr_3_use_x.md', 3, 'use_x'],
    ['ADR025-use-aasm.md', 25, 'use-aasm'],
    ['DR003 - queries.md', 3, 'queries'],
    ['DR010  Structure modulaire (Vertical Slices).md', 10, 'Structure modulaire (Vertical Slices)'],
    ['RFC-0002-helm.md', 2, 'helm'],
    ['ODH-ADR-0004-odh-trusted-ca.md', 4, 'odh-trusted-ca'],
    ['ODH-ADR-Operator-0007-auth-crd.md', 7, 'auth-crd'],
    ['ODH-ADR-ART-001.md', 1, ''],
    ['rfcs/0002-helm-oci/README.md', 2, 'helm-oci'],
    ['hercules/adr103-Carbon Footprint Management/README.md', 103, 'Carbon Footprint Management'],
    ['operator/ODH-ADR-Operator-0012-module.md', 12, 'module'],
  ])('%s has number %s and title slug %j', (name, number, titleSlug) => {
    expect(parseRecordName(name)).toMatchObject({ number, titleSlug, datePrefix: undefined });
    expect(isRecordName(name)).toBe(true);
  });

  it.each([
    ['20200925-multi-packages.md', '2020-09-25', 'multi-packages'],
    ['2023-05-23.format-adr.md', '2023-05-23', 'format-adr'],
    ['2024-01-05-use-x.md', '2024-01-05', 'use-x'],
    ['2024-01-05_use_x.md', '2024-01-05', 'use_x'],
  ])('%s is dated %s', (name, datePrefix, titleSlug) => {
    expect(parseRecordName(name)).toMatchObject({ number: undefined, datePrefix, titleSlug });
  });

  it('names records by their folder, and only numbered or dated folders hold one', () => {
    expect(parseRecordName('0006-cdevents/README.md').slug).toBe('0006-cdevents');
    expect(parseRecordName('2024-01-05-x/index.md').datePrefix).toBe('2024-01-05');
    expect(parseRecordName('docs/guide.md')).toMatchObject({ slug: 'guide', number: undefined });
  });

  it('does not read numbers out of ordinary words', () => {
    for (const name of ['2fa-setup.md', 'dr-who.md', 'v2-upgrade.md', 'addendum-3x.md', 'ADRXXX-template.md']) expect(parseRecordName(name).number, name).toBeUndefined();
    expect(isRecordName('guide.md')).toBe(false);
    expect(isRecordName('adr-cors.md')).toBe(true);
  });

  it('passes over indexes and templates, also numbered ones', () => {
    expect(classifyFile('000-index.md')).toBe('index');
    expect(classifyFile('ADR.md')).toBe('index');
    expect(classifyFile('CHANGELOG.md')).toBe('index');
    expect(classifyFile('DR000 - template.md')).toBe('template');
    expect(classifyFile('ODH-ADR-0000-template.md')).toBe('template');
    expect(classifyFile('adr-short-template.md')).toBe('template');
    expect(classifyFile('RFC-0000.md')).toBe('template');
    expect(classifyFile('0000.md')).toBe('template');
    expect(classifyFile('0000-use-markdown-records.md')).toBe('record');
    expect(classifyFile('ADR-0.md')).toBe('record');
    expect(classifyFile('0039-use-handlebars-as-template-engine.md')).toBe('record');
    expect(classifyFile('notes.txt')).toBe('other');
  });

  it('orders records numerically, then by date, then by name', () => {
    expect(['10-a.md', '2-b.md', '1-c.md', 'x.md', '20200101-a.md', '11-d.md'].sort(compareRecordNames)).toEqual(['1-c.md', '2-b.md', '10-a.md', '11-d.md', '20200101-a.md', 'x.md']);
  });
});
