import { describe, expect, it } from 'vitest';
import { lint, type LintInput } from '../../src/lint/engine.js';
import { parseRecord } from '../../src/parse/record.js';
import { RULES } from '../../src/rules/index.js';

// Rules on imported logs: held to each record's own format and language, no findings on data that
// could not be read, numbering per folder.
function run(files: Record<string, string>, rules?: string[]) {
  const inputs: LintInput[] = Object.entries(files).map(([file, text]) => ({ ...parseRecord(file, text), file, absPath: `/repo/${file}`, text }));
  return lint(inputs, { rules: RULES, today: '2026-12-02', ruleFilter: rules ? new Set(rules) : undefined }).map((f) => `${f.file} ${f.ruleId} ${f.severity}: ${f.message}`);
}
const lines = (...l: string[]) => l.join('\n');

describe('required-sections on imported records', () => {
  it.each([
    ['French Nygard', lines('# 1. X', '', 'Date : 2024-01-01', '', '## Statut', '', 'Accepté', '', '## Contexte', '', 'a', '', '## Décision', '', 'b', '', '## Conséquences', '', 'c')],
    ['Portuguese Nygard', lines('# 1. X', '', 'Data: 2019-02-22', '', '## Status', '', 'Aceito', '', '## Contexto', '', 'a', '', '## Decisão', '', 'b', '', '## Consequências', '', 'c')],
    ['German Nygard', lines('# 1. X', '', '## Status', '', 'Angenommen', '', '## Kontext', '', 'a', '', '## Entscheidung', '', 'b', '', '## Konsequenzen', '', 'c')],
    ['Chinese Nygard', lines('# 1. X', '', '## 状态', '', '2024-01-01 通过', '', '## 背景', '', 'a', '', '## 决策', '', 'b', '', '## 后果', '', 'c')],
    ['synonyms', lines('# 1. X', '', '## Status', '', 'Accepted', '', '## Background & Context', '', 'a', '', '## Proposed Solution', '', 'b', '', '## Impacts', '', 'c')],
    ['MADR options as Option N headings', lines('---', 'status: accepted', 'consulted: ana', '---', '# X', '', '## Context and Problem Statement', '', 'a', '', '## Option 1 - Y', '', 'b', '', '## Decision Outcome - Y', '', 'c')],
    ['MADR 1 with the problem as an introduction', lines('# Use Pop as the ORM', '', 'We need an ORM that works with our database and keeps queries readable for the whole team.', '', '## Considered Alternatives', '', 'a', '', '## Decision Outcome', '', 'b')],
    ['a home-grown RFC template', lines('# RFC-0002 Y', '', '**Status:** implementable', '', '## Summary', '', 'a', '', '## Motivation', '', 'b', '', '## Proposal', '', 'c', '', '## Design Details', '', 'd')],
  ])('passes a complete %s record', (_, text) => {
    expect(run({ '0001-x.md': text }, ['required-sections'])).toEqual([]);
  });

  it('still reports a Nygard record that lacks a section of its own template', () => {
    const text = lines('# 1. X', '', '## Status', '', 'Accepted', '', '## Context', '', 'a', '', '## Decision', '', 'b');
    expect(run({ '0001-x.md': text }, ['required-sections'])).toEqual(['0001-x.md required-sections warn: missing section "Consequences" (nygard records need Status, Context, Decision, Consequences)']);
  });
});

describe('known-status on imported logs', () => {
  const nygard = (status: string) => lines('# 1. X', '', '## Status', '', status, '', '## Context', '', 'a');
  it('suggests a configuration mapping for an unknown word', () => {
    expect(run({ '0001-x.md': nygard('Shipped') }, ['known-status'])).toEqual([
      '0001-x.md known-status error: unknown status "Shipped": use one of proposed, accepted, rejected, deprecated, superseded, or map your word to one in the configuration ("statuses": { "Shipped": "accepted" })',
    ]);
  });

  it('reports an unfilled placeholder, and never as a status text', () => {
    expect(run({ '0001-x.md': nygard('> Accepted or Rejected') }, ['known-status'])).toEqual([
      '0001-x.md known-status error: status "Accepted or Rejected" is an unfilled template placeholder: pick one of proposed, accepted, rejected, deprecated, superseded',
    ]);
  });

  it('does not ask for a status in a log where no record has one', () => {
    const page = lines('---', 'id: adr001', 'title: ADR 001 – X', '---', '', '## Context', '', 'a', '', '## Consequences', '', 'b');
    expect(run({ 'adr001-x/README.md': page, 'adr002-y/README.md': page }, ['known-status'])).toEqual([]);
    expect(run({ '0001-x.md': nygard('Accepted'), '0002-y.md': lines('# 2. Y', '', '## Context', '', 'a', '', '## Consequences', '', 'b') }, ['known-status'])).toEqual([
      '0002-y.md known-status error: the record has no status: add one of proposed, accepted, rejected, deprecated, superseded',
    ]);
  });
});

describe('valid-date on imported records', () => {
  const record = (date: string) => lines('# 1. X', '', `Date: ${date}`, '', '## Status', '', 'Accepted');
  it.each(['Sep 5th, 2023', '05/02/2018', '23 mai 2023', '2023-9-15', '2024-05-22 (back dated)'])('accepts the format\'s own readable spelling %s', (date) => {
    expect(run({ '0001-x.md': record(date) }, ['valid-date'])).toEqual([]);
  });

  it('reports swapped month and day, impossible dates, and warns on months and placeholders', () => {
    expect(run({ '0001-x.md': record('2024-14-02') }, ['valid-date'])).toEqual(['0001-x.md valid-date error: date "2024-14-02" is not a real ISO date YYYY-MM-DD (looks like YYYY-DD-MM: did you mean 2024-02-14?)']);
    expect(run({ '0001-x.md': record('2024-023-2706') }, ['valid-date'])[0]).toContain('error: date "2024-023-2706" is not a real ISO date');
    expect(run({ '0001-x.md': record('January, 2026') }, ['valid-date'])).toEqual(['0001-x.md valid-date warn: date "January, 2026" names a month, not a day: write the day of the decision (YYYY-MM-DD)']);
    expect(run({ '0001-x.md': record('insert date') }, ['valid-date'])).toEqual(['0001-x.md valid-date warn: date "insert date" is an unfilled template placeholder: write the decision date as YYYY-MM-DD']);
  });
});

describe('findings on what could be read', () => {
  it('gives a record whose frontmatter failed to parse the parse finding only', () => {
    const findings = run({ '0001-x.md': lines('---', 'title: "unclosed', 'status: accepted', '---', '', 'Body.') });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^0001-x\.md parse error: /);
  });

  it('numbers collide only within one folder (several logs, category sub-folders, folder records)', () => {
    const rec = (n: string) => lines(`# ${n}. X`, '', '## Status', '', 'Accepted');
    expect(run({ 'ADR/ADR002-a.md': rec('2'), 'decision-record/DR002-b.md': rec('2'), 'rfcs/0002-x/README.md': rec('2'), 'rfcs/0003-y/README.md': rec('3') }, ['duplicate-number'])).toEqual([]);
    expect(run({ 'ADR/ADR025-a.md': rec('25'), 'ADR/ADR025-b.md': rec('25') }, ['duplicate-number'])).toHaveLength(2);
    expect(run({ 'rfcs/0002-x/README.md': rec('2'), 'rfcs/0002-y/README.md': rec('2') }, ['duplicate-number'])).toHaveLength(2);
  });

  it('does not take mentions, e-mail addresses or template examples for broken links', () => {
    const text = lines('# 1. X', '', '| Authors | [Ana](@ana), [Bo](bo@example.com) |', '', '- Status: [ accepted | superseded by [xxx](yyyymmdd-xxx.md)]', '', 'See [DR020 (Strangler Fig)](./DR020%20(Strangler%20Fig).md).');
    expect(run({ '0001-x.md': text, 'DR020 (Strangler Fig).md': rec20() }, ['link-target'])).toEqual([]);
    function rec20() {
      return '# DR020 Strangler Fig\n';
    }
  });
});
