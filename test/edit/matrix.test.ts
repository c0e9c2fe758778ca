import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/workspace/read-log.js';
import { scoreMatrix } from '../../src/decision/matrix.js';
import { renderMatrix } from '../../src/render/matrix.js';
import { lint } from '../../src/lint/engine.js';
import chosenNotBest from '../../src/rules/matrix-chosen-not-best.js';
import missingScore from '../../src/rules/matrix-missing-score.js';
import type { Rule } from '../../src/rules/define.js';
import { cli, testdir } from './helpers.js';

const rules = [chosenNotBest, missingScore] as Rule[];
const lintDir = (dir: string) => lint(readLog(dir, join(dir, 'adr')).records, { rules, today: '2026-11-21' });

const record = (decision: string, pineconeScores = 'scores: {quality: 5, cost: 1}') => `---
title: Vector index
status: proposed
date: 2026-01-10
criteria:
  - {id: quality, name: Recall, weight: 3}
  - {id: cost, name: Cost, weight: 1}
options:
  - {id: faiss, name: FAISS, scores: {quality: 4, cost: 5}}
  - {id: pgvector, name: pgvector, scores: {quality: 3, cost: 4}}
  - {id: pinecone, name: Pinecone, ${pineconeScores}}
chosen: pgvector
---

# Vector index

## Decision

${decision}
`;

describe('decision matrix', () => {
  it('computes weighted totals, best and chosen', () => {
    const dir = testdir({}, '.');
    const r = readLog(dir, join(dir, 'adr')).records.find((x) => x.record.number === 1)!.record;
    const m = scoreMatrix(r);
    expect(m.rows.map((row) => [row.option.id, row.total, row.best, row.chosen])).toEqual([
      ['faiss', 17, true, false],
      ['pgvector', 13, false, true],
      ['pinecone', 16, false, false],
    ]);
    const text = renderMatrix(m);
    expect(text.split('\n')[0]).toMatch(/^Option\s+Recall@10 ×3\s+Cost ×1\s+Total/);
    expect(text).toMatch(/FAISS\s+4\s+5\s+17\s+★ best/);
    expect(text).toMatch(/pgvector\s+3\s+4\s+13\s+✔ chosen/);
  });

  it('`adrkit matrix` prints the table; exit 2 for a record without a matrix', async () => {
    const dir = testdir({}, '.');
    const ok = await cli(dir, ['matrix', '1']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1. Use FAISS for the vector index');
    expect(ok.stdout).toMatch(/Pinecone\s+5\s+1\s+16/);
    const none = await cli(dir, ['matrix', '2']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no decision matrix');
  });

  it('matrix-chosen-not-best warns when the Decision does not say why the matrix was overruled', () => {
    const dir = testdir({ '0001-x.md': record('We take pgvector: it runs in our database.') });
    const findings = lintDir(dir);
    expect(findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['matrix-chosen-not-best', 'warn', 12]]);
    expect(findings[0].message).toContain('"pgvector" scores 13 but "FAISS" scores 17');
  });

  it.each([
    'We take pgvector rather than FAISS: one database less to run.',
    'We take pgvector despite its lower score, because it runs in Postgres.',
    'Although the matrix ranks it second, pgvector wins on operations.',
  ])('matrix-chosen-not-best accepts a justification: %s', (decision) => {
    expect(lintDir(testdir({ '0001-x.md': record(decision) }))).toEqual([]);
  });

  it('matrix-missing-score warns per missing score once any option is scored', () => {
    const dir = testdir({ '0001-x.md': record('We take pgvector rather than FAISS.', 'scores: {quality: 5}') });
    const findings = lintDir(dir);
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([['matrix-missing-score', 'option "Pinecone" has no score for criterion "cost": the weighted totals compare unlike things']]);
    const unscored = testdir({ '0001-x.md': record('x').replace(/, scores: \{[^}]*\}/g, '') });
    expect(lintDir(unscored)).toEqual([]);
  });
});
