import { describe, expect, it } from 'vitest';
import { lint, type LintInput } from '../../src/lint/engine.js';
import { parseRecord } from '../../src/parse/record.js';
import { RULES } from '../../src/rules/index.js';

const NYGARD = (status: string, extra = '') => `# 1. Use X\n\nDate: 2024-01-01\n\n## Status\n\n${status}\n\n## Context\n\nA.\n\n## Decision\n\nB.${extra}\n\n## Consequences\n\nC.\n`;

function run(text: string, rules = ['known-status', 'link-target']) {
  const input: LintInput = { ...parseRecord('0001-use-x.md', text), file: '0001-use-x.md', absPath: '/log/0001-use-x.md', text };
  return lint([input], { rules: RULES, today: '2025-06-01', ruleFilter: new Set(rules) }).map((f) => `${f.line} ${f.ruleId}`);
}

describe('inline disables', () => {
  it('reports without directives', () => {
    expect(run(NYGARD('Parked', '\n\nSee [x](missing.md).'))).toEqual(['7 known-status', '17 link-target']);
  });

  it('disable-next-line silences one rule on the next line only', () => {
    const text = NYGARD('Parked', '\n\n<!-- adrkit-disable-next-line link-target -->\nSee [x](missing.md).\nAnd [y](gone.md).');
    expect(run(text)).toEqual(['7 known-status', '19 link-target']);
  });

  it('disable-line with several rule ids', () => {
    const text = NYGARD('Accepted', '\n\nSee [x](missing.md). <!-- adrkit-disable-line link-target, known-status -->');
    expect(run(text)).toEqual([]);
  });

  it('disable ... enable covers a range, and other rules still report', () => {
    const text = NYGARD('Parked', '\n\n<!-- adrkit-disable link-target -->\nSee [x](missing.md).\n<!-- adrkit-enable link-target -->\nAnd [y](gone.md).');
    expect(run(text)).toEqual(['7 known-status', '20 link-target']);
  });

  it('a bare disable silences every rule to the end of the file', () => {
    const text = `<!-- adrkit-disable -->\n${NYGARD('Parked', '\n\nSee [x](missing.md).')}`;
    expect(run(text)).toEqual([]);
  });

  it('YAML comments in the frontmatter disable the next line', () => {
    const text = '---\ntitle: Use X\n# adrkit-disable-next-line status-format\nstatus: Accepted\ndate: 2024-01-01\ndeciders: [ana]\n---\n\n# Use X\n';
    const input: LintInput = { ...parseRecord('0001-use-x.md', text), file: '0001-use-x.md', absPath: '/x', text };
    const ids = (rules: string[]) => lint([input], { rules: RULES, today: '2025-06-01', ruleFilter: new Set(rules) }).map((f) => f.ruleId);
    expect(ids(['status-format'])).toEqual([]);
    const plain = text.replace('# adrkit-disable-next-line status-format\n', '');
    const input2: LintInput = { ...parseRecord('0001-use-x.md', plain), file: '0001-use-x.md', absPath: '/x', text: plain };
    expect(lint([input2], { rules: RULES, today: '2025-06-01', ruleFilter: new Set(['status-format']) }).map((f) => f.ruleId)).toEqual(['status-format']);
  });
});
