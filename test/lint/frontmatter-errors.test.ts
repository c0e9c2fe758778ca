import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/rules');
const NOW = Date.UTC(2025, 5, 1, 12);
const NAME = '0001-use-gradient-boosting-for-churn-scoring.md';
const GOOD = readFileSync(join(FIXTURES, 'min-options', 'good', NAME), 'utf8');

let dirs: TestDir[] = [];
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});
async function lintJson(files: Record<string, string>) {
  const dir = testdir({ 'adrkit.config.json': '{"dir":"adr"}', ...files });
  dirs.push(dir);
  const r = await runCli(['lint', '-f', 'json'], { cwd: dir.path, now: NOW });
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }> }).findings };
}

describe('lint: a broken frontmatter is one finding at its cause, and nothing else', () => {
  it('one missing `}` gives ONE parse finding at the opening brace, with a hint in adrkit words', async () => {
    const text = GOOD.replace('scores: { accuracy: 4, cost: 3 }', 'scores: { accuracy: 4, cost: 3');
    expect(text).not.toBe(GOOD);
    const line = text.split('\n').findIndex((l) => l.includes('scores: { accuracy: 4, cost: 3')) + 1;
    const { code, findings } = await lintJson({ [`adr/${NAME}`]: text });
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'parse', line, column: text.split('\n')[line - 1].indexOf('{') + 1 });
    expect(findings[0].message).toContain('this flow map `{ … }` is never closed: add the missing `}`');
    expect(findings[0].message).not.toMatch(/Nested mappings|Implicit keys|sufficiently indented/);
  });

  it('an unclosed quote points at the opening quote', async () => {
    const text = GOOD.replace('title: Use gradient boosting for churn scoring', 'title: "Use gradient boosting for churn scoring');
    const { findings } = await lintJson({ [`adr/${NAME}`]: text });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'parse', line: 2, column: 8 });
    expect(findings[0].message).toContain('double-quoted string is never closed');
  });

  it('a tab-indented list: one parse finding, no supersede-reciprocal computed from the unread frontmatter', async () => {
    const older = GOOD.replace('status: accepted', 'status: superseded\nsuperseded-by: 2');
    const newer = GOOD.replace('title: Use gradient boosting for churn scoring', 'title: Use LightGBM\nsupersedes:\n\t- 1').replace('# Use gradient boosting for churn scoring', '# Use LightGBM');
    const { findings } = await lintJson({ [`adr/${NAME}`]: older, 'adr/0002-use-lightgbm.md': newer });
    expect(findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['parse', 'adr/0002-use-lightgbm.md', 4]]);
    expect(findings[0].message).toContain('a tab is used for indentation');
  });

  it('`weight: high` is a schema finding, and no score comparison is computed with the broken weight', async () => {
    const text = GOOD.replace(/(- id: accuracy\n\s+name: Accuracy\n\s+weight: )3/, '$1high').replace('chosen: xgboost', 'chosen: mlp').replace(/We choose XGBoost[^\n]*/, 'We choose the neural network.');
    expect(text).toContain('We choose the neural network.');
    expect(text).toContain('weight: high');
    const { findings } = await lintJson({ [`adr/${NAME}`]: text });
    expect(findings.map((f) => f.ruleId)).toContain('frontmatter-schema');
    expect(findings.map((f) => f.ruleId)).not.toContain('matrix-chosen-not-best');
  });
});
