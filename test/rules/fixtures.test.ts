import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { lintFolder } from './helpers.js';

const ROOT = join(import.meta.dirname, '../fixtures/rules');
/** Rules of the core rule set (radar and matrix rules have their own tests). */
const OWN_RULES = ['frontmatter-schema', 'required-sections', 'title', 'known-status', 'status-format', 'valid-date', 'status-history-order', 'filename', 'min-options', 'chosen-option', 'score-criteria', 'duplicate-number', 'link-target', 'supersede-reciprocal', 'supersede-cycle', 'stale-proposed'];
const ownRules = RULES.filter((r) => OWN_RULES.includes(r.meta.id));

interface Expected {
  rule: string;
  file: string;
  line: number;
  severity?: string;
}

describe('rule fixtures (test/fixtures/rules/<rule>/{bad,good})', () => {
  it('every core rule is registered and has a bad and a good fixture log', () => {
    expect(ownRules.map((r) => r.meta.id).sort()).toEqual([...OWN_RULES].sort());
    for (const id of OWN_RULES) {
      expect(existsSync(join(ROOT, id, 'bad', 'expected.json')), `${id}/bad/expected.json`).toBe(true);
      expect(existsSync(join(ROOT, id, 'good')), `${id}/good`).toBe(true);
    }
  });

  for (const id of readdirSync(ROOT).filter((d) => OWN_RULES.includes(d)).sort()) {
    it(`${id}: the bad log gives exactly the expected findings`, () => {
      const dir = join(ROOT, id, 'bad');
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected[];
      const findings = lintFolder(dir, { ruleFilter: new Set([id]) });
      expect(findings.map((f) => ({ rule: f.ruleId, file: f.file, line: f.line }))).toEqual(expected.map(({ rule, file, line }) => ({ rule, file, line })));
      expected.forEach((e, i) => {
        if (e.severity) expect(findings[i].severity, `${e.file}:${e.line}`).toBe(e.severity);
      });
      for (const f of findings) expect(f.message).not.toMatch(/\{\{\w+\}\}/);
    });

    it(`${id}: the good log is clean under every core rule`, () => {
      const findings = lintFolder(join(ROOT, id, 'good'), { rules: ownRules });
      expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
    });
  }
});
