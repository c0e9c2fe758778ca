import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';
import { classifyFile, parseRecordName, slugify } from '../../src/parse/filename.js';

describe('format detection and metadata', () => {
  it('reads an adrkit native record', () => {
    const { record, problems } = parseRecord(
      '0007-choose-a-detector.md',
      ['---', 'title: Choose a detector', 'status: accepted', 'date: 2026-01-02', 'deciders: [ana]', 'options:', '  - id: yolo', '    name: YOLO', '    blip: yolo', 'chosen: yolo', '---', '', '# Choose a detector', '', '## Context and problem', '', 'Text.'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ format: 'native', number: 7, title: 'Choose a detector', status: 'accepted', date: '2026-01-02', deciders: ['ana'], chosen: 'yolo' });
    expect(record.options[0]).toMatchObject({ id: 'yolo', blip: 'yolo' });
    expect(record.sections.map((s) => s.heading)).toEqual(['Choose a detector', 'Context and problem']);
  });

  it('reads a Nygard / adr-tools record with a supersede link', () => {
    const { record } = parseRecord(
      '0004-dns.md',
      ['# 4. DNS definitions', '', 'Date: 2017-07-14', '', '## Status', '', 'Superseded by [15. DNS infrastructure](0015-dns-infrastructure.md)', '', '## Context', '', 'x'].join('\n'),
    );
    expect(record).toMatchObject({ format: 'nygard', number: 4, title: 'DNS definitions', status: 'superseded', date: '2017-07-14' });
    expect(record.supersededBy).toEqual(['0015-dns-infrastructure.md']);
  });

  it('reads MADR 2 bullets and ignores example frontmatter inside fenced code', () => {
    const { record } = parseRecord(
      '0008-add-status-field.md',
      ['# Add Status Field', '', '* Status: accepted', '* Deciders: Oliver, Stefan', '* Date: 2018-02-03', '', '## Considered Options', '', '```yaml', '---', 'status: on hold', '---', '```'].join('\n'),
    );
    expect(record).toMatchObject({ format: 'madr', title: 'Add Status Field', status: 'accepted', deciders: ['Oliver', 'Stefan'], date: '2018-02-03' });
  });

  it('does not read a status from a fenced code block', () => {
    const { record } = parseRecord('0013-yaml.md', ['---', 'parent: Decisions', '---', '# Use YAML', '', '```yaml', 'status: accepted', '```'].join('\n'));
    expect(record.status).toBeUndefined();
    expect(record.format).toBe('madr');
  });

  it('reads log4brains records: date-prefixed name, bullets', () => {
    const { record } = parseRecord('20201016-use-the-adr-slug.md', ['# Use the ADR slug', '', '- Status: accepted', '- Date: 2020-10-16', '- Tags: ids, naming'].join('\n'));
    expect(record).toMatchObject({ format: 'log4brains', number: undefined, slug: '20201016-use-the-adr-slug', status: 'accepted', tags: ['ids', 'naming'] });
  });

  it('reads localised MADR (French) and strips number prefixes from titles', () => {
    const { record } = parseRecord('0002-licence.md', ['---', 'title: 0002-Licence des projets', '---', '', '* statut : proposé', '* décisionnaires : CTO'].join('\n'));
    expect(record).toMatchObject({ title: 'Licence des projets', status: 'proposed', statusText: 'proposé', deciders: ['CTO'] });
  });

  it('keeps the original status text beside the normalised one', () => {
    const { record } = parseRecord('021-multi.md', ['# 21. Multi-cluster', '', 'Date: 2021-05-11', '', '## Status', '', '⌛️ Superseded by [036. Multi-cluster](036-multi-cluster.md)'].join('\n'));
    expect(record.status).toBe('superseded');
    // The emoji is decoration: the status text starts at the word.
    // Link syntax is markdown, not status text; the link stays a relation.
    expect(record.statusText).toBe('Superseded by 036. Multi-cluster');
    expect(record.supersededBy).toEqual(['036-multi-cluster.md']);
  });

  it('reports unreadable YAML with a file position instead of throwing', () => {
    const { problems, record } = parseRecord('0001-x.md', ['---', 'title: "unclosed', 'status: accepted', '---', '# X'].join('\n'));
    expect(problems[0]).toMatchObject({ code: 'yaml' });
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
    expect(record.title).toBe('X');
  });
});

describe('file names', () => {
  it('classifies index, README and template files as non-records', () => {
    expect(classifyFile('README.md')).toBe('index');
    expect(classifyFile('index.md')).toBe('index');
    expect(classifyFile('template.md')).toBe('template');
    expect(classifyFile('adr-template.md')).toBe('template');
    expect(classifyFile('0039-use-apache-velocity-as-template-engine.md')).toBe('record');
    expect(classifyFile('0015-govuk-aws-dns.jpg')).toBe('other');
  });

  it('parses numbers and date prefixes', () => {
    expect(parseRecordName('0012-use-x.md')).toMatchObject({ number: 12, titleSlug: 'use-x' });
    expect(parseRecordName('adr-004-module-loading.md')).toMatchObject({ number: 4 });
    expect(parseRecordName('000-Record.md')).toMatchObject({ number: 0 });
    expect(parseRecordName('20200925-multi.md')).toMatchObject({ number: undefined, datePrefix: '2020-09-25' });
  });

  it('slugifies titles into safe file names', () => {
    expect(slugify('Choose an Embedding Model!')).toBe('choose-an-embedding-model');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('Modèle é')).toBe('modele-e');
    expect(slugify('///')).toBe('decision');
  });
});
