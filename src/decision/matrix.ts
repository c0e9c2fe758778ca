import type { Criterion, DecisionRecord, Option } from '../model/record.js';

/** One option of a decision matrix, scored. */
export interface MatrixRow {
  option: Option;
  /** Score per criterion id, `undefined` when missing. */
  scores: Array<number | undefined>;
  /** Σ weight × score over the criteria (missing scores count 0). */
  total: number;
  best: boolean;
  chosen: boolean;
}

/** A weighted decision matrix: rows = options, columns = criteria. */
export interface DecisionMatrix {
  criteria: Criterion[];
  /** Weight per criterion (1 when the criterion has none). */
  weights: number[];
  rows: MatrixRow[];
  /** True when at least one option has at least one score. */
  scored: boolean;
  /** Highest total (undefined when nothing is scored). */
  bestTotal: number | undefined;
}

/**
 * Computes the weighted decision matrix of a record from its frontmatter (`criteria[].weight`,
 * `options[].scores`, `chosen`): total = Σ weight × score; missing weights count 1, missing
 * scores 0. Every option with the highest total is `best` (ties keep all). Pure.
 */
export function scoreMatrix(record: Pick<DecisionRecord, 'criteria' | 'options' | 'chosen'>): DecisionMatrix {
  const criteria = record.criteria.filter((c) => typeof c?.id === 'string');
  const weights = criteria.map((c) => (typeof c.weight === 'number' ? c.weight : 1));
  const options = record.options.filter((o) => typeof o?.id === 'string');
  const scored = options.some((o) => o.scores && Object.keys(o.scores).length > 0);
  const rows: MatrixRow[] = options.map((option) => {
    const scores = criteria.map((c) => {
      const s = option.scores?.[c.id];
      return typeof s === 'number' ? s : undefined;
    });
    const total = scores.reduce<number>((sum, s, i) => sum + (s ?? 0) * weights[i], 0);
    return { option, scores, total, best: false, chosen: record.chosen === option.id };
  });
  const bestTotal = scored && rows.length ? Math.max(...rows.map((r) => r.total)) : undefined;
  if (bestTotal !== undefined) for (const r of rows) r.best = r.total === bestTotal;
  return { criteria, weights, rows, scored, bestTotal };
}

/** Options missing a score for a criterion, once any option is scored: `[optionIndex, criterionId]`. */
export function missingScores(record: Pick<DecisionRecord, 'criteria' | 'options'>): Array<{ optionIndex: number; option: string; criterion: string }> {
  const options = record.options;
  if (!options.some((o) => o?.scores && Object.keys(o.scores).length > 0)) return [];
  const missing: Array<{ optionIndex: number; option: string; criterion: string }> = [];
  options.forEach((o, optionIndex) => {
    for (const c of record.criteria) {
      if (typeof c?.id !== 'string') continue;
      if (typeof o?.scores?.[c.id] !== 'number') missing.push({ optionIndex, option: o?.name ?? o?.id ?? String(optionIndex), criterion: c.id });
    }
  });
  return missing;
}
