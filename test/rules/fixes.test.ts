import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintInput } from '../../src/lint/engine.js';
import { parseRecord } from '../../src/parse/record.js';
import { RULES } from '../../src/rules/index.js';
import { editFrontmatter } from '../../src/parse/frontmatter-edit.js';
import { TODAY } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/rules');

function inputs(files: Record<string, string>): LintInput[] {
  return Object.entries(files).map(([path, text]) => ({ ...parseRecord(path, text), file: path, absPath: `/log/${path}`, text }));
}

/** Lints with one rule and applies every fix to its target text, like `--fix` does. */
function fixOnce(ruleId: string, files: Record<string, string>): Record<string, string> {
  const findings = lint(inputs(files), { rules: RULES, today: TODAY, ruleFilter: new Set([ruleId]) });
  const out = { ...files };
  for (const f of findings) if (f.fix) out[f.fix.target] = f.fix.edit(out[f.fix.target]);
  return out;
}

const remaining = (ruleId: string, files: Record<string, string>) => lint(inputs(files), { rules: RULES, today: TODAY, ruleFilter: new Set([ruleId]) });

const record = (rule: string, kind: string, name: string) => readFileSync(join(FIXTURES, rule, kind, name), 'utf8');
const NAME = '0001-use-gradient-boosting-for-churn-scoring.md';

describe('fixes', () => {
  it('status-format rewrites only the status value, keeping everything else', () => {
    const text = record('status-format', 'bad', NAME).replace('status: Accepted.', 'status: Accepted. # decided in the May review');
    const fixed = fixOnce('status-format', { [NAME]: text })[NAME];
    expect(fixed).toBe(text.replace('status: Accepted.', 'status: accepted'));
    expect(remaining('status-format', { [NAME]: fixed })).toEqual([]);
    expect(fixOnce('status-format', { [NAME]: fixed })[NAME]).toBe(fixed);
  });

  it('status-format keeps CRLF line endings', () => {
    const text = record('status-format', 'bad', NAME).replace(/\n/g, '\r\n');
    const fixed = fixOnce('status-format', { [NAME]: text })[NAME];
    expect(fixed).toBe(text.replace('status: Accepted.', 'status: accepted'));
  });

  it('title copies the first heading into the frontmatter, as the first key', () => {
    const text = record('title', 'bad', NAME);
    const fixed = fixOnce('title', { [NAME]: text })[NAME];
    expect(fixed.startsWith('---\ntitle: Use gradient boosting for churn scoring\nstatus: accepted\n')).toBe(true);
    expect(fixed.slice(fixed.indexOf('\n# '))).toBe(text.slice(text.indexOf('\n# ')));
    expect(remaining('title', { [NAME]: fixed })).toEqual([]);
  });

  it('title has no fix when there is no heading to copy', () => {
    const findings = lint(inputs({ [NAME]: '---\nstatus: accepted\ndate: 2025-01-01\ndeciders: [ana]\n---\n\nNo heading.\n' }), { rules: RULES, today: TODAY, ruleFilter: new Set(['title']) });
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
  });

  it('supersede-reciprocal marks the older record superseded, keeping comments and key order', () => {
    const files = {
      [NAME]: record('supersede-reciprocal', 'bad', NAME),
      '0002-use-lightgbm.md': record('supersede-reciprocal', 'bad', '0002-use-lightgbm.md'),
    };
    const fixed = fixOnce('supersede-reciprocal', files);
    expect(fixed['0002-use-lightgbm.md']).toBe(files['0002-use-lightgbm.md']);
    const older = fixed[NAME];
    expect(older).toContain('status: superseded\n');
    expect(older).toContain('# kept comment\ntags: [ml]\nsuperseded-by: 2\n---\n');
    expect(older).toContain('scores: { accuracy: 4, cost: 3 }');
    expect(older.indexOf('title:')).toBeLessThan(older.indexOf('status:'));
    expect(remaining('supersede-reciprocal', fixed)).toEqual([]);
    expect(fixOnce('supersede-reciprocal', fixed)).toEqual(fixed);
  });

  it('supersede-reciprocal adds the missing `supersedes` to the newer record', () => {
    const files = {
      [NAME]: record('supersede-reciprocal', 'good', NAME),
      '0002-use-lightgbm.md': record('supersede-reciprocal', 'good', '0002-use-lightgbm.md').replace('supersedes: [1]\n', ''),
    };
    const fixed = fixOnce('supersede-reciprocal', files);
    expect(fixed['0002-use-lightgbm.md']).toContain('chosen: xgboost\nsupersedes: 1\n---');
    expect(remaining('supersede-reciprocal', fixed)).toEqual([]);
  });

  it('supersede-reciprocal reports Nygard records without offering a fix', () => {
    const files = {
      '0001-old.md': '# 1. Old\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nA.\n\n## Decision\n\nB.\n\n## Consequences\n\nC.\n',
      '0002-new.md': '# 2. New\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\nSupersedes [1. Old](0001-old.md)\n\n## Context\n\nA.\n\n## Decision\n\nB.\n\n## Consequences\n\nC.\n',
    };
    const findings = remaining('supersede-reciprocal', files);
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ['0001-old.md', 7],
      ['0001-old.md', 7],
    ]);
    expect(findings.every((f) => !f.fix)).toBe(true);
  });

  it('editFrontmatter refuses files without frontmatter and leaves unchanged documents byte-identical', () => {
    expect(() => editFrontmatter('# No frontmatter\n', () => undefined)).toThrow();
    const text = '---\ntitle:   "spaced"   # comment\nstatus: accepted\n---\nbody\n';
    expect(editFrontmatter(text, () => undefined)).toBe(text);
  });
});
