import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';

const read = (text: string, path = '0001-use-x.md') => parseRecord(path, text).record;
const lines = (...l: string[]) => l.join('\n');

describe('metadata wherever people write it', () => {
  it.each([
    ['a bullet', '- Status: accepted'],
    ['a French bullet with a space before the colon', '* statut : accepté'],
    ['a bold key in a bullet', '- **Status**: Accepted'],
    ['a bold key with the colon inside', '**Status:** accepted'],
    ['a Key: value line', 'Status: Accepted'],
    ['a full-width colon', '状态：通过'],
    ['a definition line', 'Status\n: Accepted'],
  ])('reads the status from %s', (_, line) => {
    expect(read(lines('# Use X', '', line, '', '## Context', '', 'x')).status).toBe('accepted');
  });

  // Headings are compared by the one headingKey (parse used a cruder key than the lint rules).
  it.each([['## Status.'], ['## iv. Status'], ['## 2. Status:'], ['## Status：']])('reads the status section headed %s', (heading) => {
    const r = read(lines('# 1. Use X', '', heading, '', 'Accepted', '', '## Context', '', 'x'));
    expect(r).toMatchObject({ status: 'accepted', format: 'nygard' });
  });

  it('reads a two-column metadata table with an empty header row', () => {
    const r = read(lines('# Use X', '', '|  |  |', '| --- | --- |', '| Date | 11-April-2023 |', '| Status | Draft |', '| Authors | [Ana](@ana), Bo |', '| Supersedes | N/A |', '', '## What', '', 'x'));
    expect(r).toMatchObject({ status: 'proposed', statusText: 'Draft', date: '2023-04-11', dateText: '11-April-2023', deciders: ['Ana', 'Bo'], supersedes: [] });
  });

  it('reads a metadata table whose header row is the first field, or `| Field | Value |`', () => {
    expect(read(lines('# X', '', '| **Date** | October 16, 2025 |', '|---|---|', '| **Status** | Approved |')).status).toBe('accepted');
    expect(read(lines('# X', '', '| Field | Value |', '|---|---|', '| Status | Review |', '| Date | Sep 5th, 2023 |'))).toMatchObject({ status: 'proposed', date: '2023-09-05' });
  });

  it('reads a horizontal one-row table', () => {
    const r = read(lines('| Status   | Date       | Author(s) |', '|:---------|:-----------|:----------|', '| Accepted | 2025-06-11 | [@nscuro](https://github.com/nscuro) |', '', '## Context', '', 'x'));
    expect(r).toMatchObject({ status: 'accepted', date: '2025-06-11', deciders: ['nscuro'] });
  });

  it('does not read a Status column of a table deep in the body', () => {
    const r = read(lines('# X', '', 'Intro.', '', '## Options', '', '| Option | Status |', '|---|---|', '| A | Accepted |'));
    expect(r.status).toBeUndefined();
  });

  it('reads a status blockquote under the title, with or without a key', () => {
    expect(read(lines('# DR010 : Structure', '', '> Statut : Adopté', '', '## Décision', '', 'x'))).toMatchObject({ status: 'accepted', statusText: 'Adopté', title: 'Structure' });
    expect(read(lines('# DR001 - Records', '', '> Adopté', '', '## Context', '', 'x')).status).toBe('accepted');
    expect(read(lines('# X', '', '> This is a note about the text, not a status.', '', '## Context')).status).toBeUndefined();
  });

  it('reads a date written alone under the title, in words', () => {
    expect(read(lines('# Utiliser X', '', '_23 mai 2023_', '', '## Statut', '', '*Accepté*'))).toMatchObject({ date: '2023-05-23', status: 'accepted', statusText: 'Accepté' });
  });

  it('reads localised keys and section headings', () => {
    expect(read(lines('# 1. Registrar', '', 'Data: 2019-02-22', '', '## Status', '', 'Aceito', '', '## Contexto'))).toMatchObject({ status: 'accepted', date: '2019-02-22' });
    expect(read(lines('# X', '', 'Datum: 5. März 2024', '', '## Stand', '', 'Angenommen'))).toMatchObject({ status: 'accepted', date: '2024-03-05' });
    expect(read(lines('# X', '', '- Estado: propuesto', '- Fecha: 12/03/2024'))).toMatchObject({ status: 'proposed', date: '2024-03-12' });
    expect(read(lines('# X', '', '## ステータス', '', '承認'))).toMatchObject({ status: 'accepted' });
  });

  it('reads dated status-history lines: the last is current, all become the history', () => {
    const r = read(lines('# 使用 X', '', '## 状态', '', '- 2023-03-01 提议', '- 2023-04-02 通过', '', '## 背景', '', 'x'));
    expect(r).toMatchObject({ status: 'accepted', statusText: '通过', date: '2023-04-02' });
    expect(r.statusHistory).toEqual([
      { date: '2023-03-01', status: 'proposed', text: '提议' },
      { date: '2023-04-02', status: 'accepted', text: '通过' },
    ]);
    expect(read(lines('# X', '', '## Status', '', 'Proposed (2024-01-05)', 'Accepted on 2024-02-01')).statusHistory?.map((e) => e.status)).toEqual(['proposed', 'accepted']);
  });

  it('skips a help blockquote and comments in a status section', () => {
    const r = read(lines('# X', '', '## Status', '', '> What is the status, such as proposed, accepted, rejected, deprecated, superseded, etc.?', '<!-- pick one -->', '', 'Accepted'));
    expect(r).toMatchObject({ status: 'accepted', statusText: 'Accepted' });
  });

  it('ignores a ## Status heading under an unrelated parent heading', () => {
    const r = read(lines('# X', '', '## Options', '', '### Option 1', '', '#### Status', '', 'Accepted by the vendor'));
    expect(r.status).toBeUndefined();
    expect(read(lines('# Status', '', 'Approved', '', '# Context', '', 'x')).status).toBe('accepted');
  });

  it('never reads metadata inside fenced code', () => {
    expect(read(lines('# X', '', '```markdown', 'Status: accepted', '## Status', 'accepted', '```')).status).toBeUndefined();
  });

  it('keeps unfilled placeholders out of the status text', () => {
    const r = read(lines('# X', '', '- Status: [ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->', '- Date: [YYYY-MM-DD when the decision was last updated]'), '20230206-use-x.md');
    expect(r).toMatchObject({ status: undefined, statusText: undefined, statusPlaceholder: '[ accepted | deprecated | superseded by xxx]' });
    // An unfilled date field is no date, and not the file-name date either.
    expect(r.date).toBeUndefined();
    expect(read(lines('# X', '', '## Status', '', '> Accepted or Rejected')).statusPlaceholder).toBe('Accepted or Rejected');
  });

  it('reads Replaces / Supersedes in any placement as relations', () => {
    expect(read(lines('# X', '', 'Replaces: [ADR-0003](0003-old.md)')).supersedes).toEqual(['0003-old.md']);
    expect(read(lines('# X', '', '| | |', '|-|-|', '| Supersedes | ADR-0004 |')).supersedes).toEqual([4]);
    expect(read(lines('# X', '', '## Status', '', 'Accepted', '', 'Supersedes [5. Old](0005-old.md)')).supersedes).toEqual(['0005-old.md']);
    expect(read(lines('# X', '', '**NOTE:** This ADR updates and supersedes ADR0024 Model Authorization.')).supersedes).toEqual([24]);
  });

  it('reads a status from a note about the record only where no status field exists', () => {
    expect(read(lines('# X', '', '**NOTE:** This ADR has been superseded by [ADR0062 Run tests](./0062-run-tests.md).'))).toMatchObject({ status: 'superseded', supersededBy: ['0062-run-tests.md'] });
    expect(read(lines('# X', '', '**NOTE:** Go moved to modules, making this ADR obsolete.')).status).toBe('deprecated');
    expect(read(lines('# X', '', '**NOTE:** This ADR does not supersede ADR-3; read it for background.')).status).toBeUndefined();
    expect(read(lines('# X', '', '* Status: accepted', '', '**NOTE:** this ADR is obsolete.')).status).toBe('accepted');
  });

  it('reads the successor of a partly superseded record from a body sentence that links it', () => {
    const partly = lines('# 3. Networking', '', 'Date: 2017-06-30', '', '## Status', '', 'Partly superseded', '', '## Decision', '', ' * 1 VPC per environment', '', '**These IP ranges have been superseded by [ADR #0033](0033-ip-ranges.md).**', '', '|Env|Range|', '|---|---|', '|Integration|10.1.0.0/16|');
    expect(read(partly, '0003-networking.md')).toMatchObject({ status: 'accepted', statusText: 'Partly superseded', supersededBy: ['0033-ip-ranges.md'] });
    // Only when the status says so: the same sentence in an accepted record is history, not a relation.
    expect(read(partly.replace('Partly superseded', 'Accepted'), '0003-networking.md').supersededBy).toEqual([]);
    // A URL is not a record, and a placeholder status names no successor.
    expect(read(partly.replace('(0033-ip-ranges.md)', '(https://example.org/adr/33)'), '0003-networking.md').supersededBy).toEqual([]);
    expect(read(lines('# X', '', '- Status: [ accepted | superseded by [xxx](yyyymmdd-xxx.md)]', '', 'Superseded by [xxx](yyyymmdd-xxx.md).'), '20230206-x.md').supersededBy).toEqual([]);
  });

  it('reads template braces in the frontmatter and localised frontmatter keys', () => {
    const r = read(lines('---', 'status: { accepted }', 'date: {2023-11-10}', '---', '# X'));
    expect(r).toMatchObject({ status: 'accepted', statusText: '{ accepted }', date: '2023-11-10' });
    expect(read(lines('---', 'statut: proposé', '---', '# X')).status).toBe('proposed');
  });
});

describe('titles', () => {
  it.each([
    ['# ADR029: Use Notify', 'Use Notify'],
    ['# ADD037: Implement review apps', 'Implement review apps'],
    ['# DR003 - Queries', 'Queries'],
    ['# RFC-0002 Flux OCI support', 'Flux OCI support'],
    ['# ODH-ADR-DR-0001: Data Registry', 'Data Registry'],
    ['# ADR: Circuit Breaker', 'Circuit Breaker'],
    ['# ADR RHAISTRAT-979 "(feat) Core Evaluation Stack"', '(feat) Core Evaluation Stack'],
    ['# Open Data Hub - ODH-ADR-0003 - Default licence', 'Open Data Hub - Default licence'],
    ['# ADR 002 – Authentication for Dataspaces Version 0.2.0', 'Authentication for Dataspaces'],
    ['# n. Django Templates', 'Django Templates'],
    ['# 3. Networking Outline', 'Networking Outline'],
    ['# ADR for OCR engine selection', 'ADR for OCR engine selection'],
    ['# Use NODE_ENV and _emphasis_', 'Use NODE_ENV and emphasis'],
    ['# Upgrade to Python 3.12', 'Upgrade to Python 3.12'],
  ])('%s -> %s', (h1, title) => {
    expect(read(`${h1}\n\nText.\n`).title).toBe(title);
  });

  it('prefers the H1 to the frontmatter title, and ignores an H1 that comes after a section', () => {
    expect(read(lines('---', 'title: Short', '---', '# Use `BibEntry.getId` for BibEntries', '', '## Context')).title).toBe('Use BibEntry.getId for BibEntries');
    expect(read(lines('## Context', '', 'x', '', '# Option 3 - Concept', ''), '0042-samples-restructure.md').title).toBe('Samples restructure');
  });

  it('reads a `# Title` comment in the frontmatter, not MADR\'s explanatory comment', () => {
    expect(read(lines('---', '# Restructure the samples', 'status: accepted', '---', '', '## Context')).title).toBe('Restructure the samples');
    expect(read(lines('---', '# These are optional elements. Feel free to remove any of them.', 'status: accepted', '---', '', '## Context'), '0072-context-based-function-selection.md').title).toBe('Context based function selection');
  });

  it('takes the only line of a heading-less stub as its title', () => {
    expect(read('[Suivi des recettes accessibilité](../accessibility/audit.md)\n', 'DR009 - accessibility-audit.md').title).toBe('Suivi des recettes accessibilité');
  });
});
