import type { Criterion, DecisionRecord, Option } from '../model/record.js';
import { constraintBreaks, deriveScores, directionOf, isMeasurable, measuredValue, type ConstraintBreak, type Measured } from './measure.js';

/** One option of a decision matrix, scored. */
export interface MatrixRow {
  option: Option;
  /** Score per criterion id, `undefined` when missing (derived scores included). */
  scores: Array<number | undefined>;
  /** Per criterion: true when the score was derived from the measured value. */
  derived: boolean[];
  /** Measured value per criterion (measurable criteria only), `undefined` when none. */
  measured: Array<Measured | undefined>;
  /** Hard constraints the option breaks (a breaker is never `best`). */
  breaks: ConstraintBreak[];
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
  /** Per criterion: scores derived from measured values (criterion `derive: true` or the `derive` option). */
  derivedCriteria: boolean[];
  rows: MatrixRow[];
  /** True when at least one option has at least one score (hand-written or derived). */
  scored: boolean;
  /** True when some criterion names a metric. */
  measurable: boolean;
  /** Highest total among the options that break no hard constraint (undefined when nothing is scored or all break). */
  bestTotal: number | undefined;
}

/** Options of {@link scoreMatrix}. */
export interface MatrixOptions {
  /** Derive the scores of every measurable criterion from the measured values (as if each had `derive: true`). */
  derive?: boolean;
}

/**
 * Computes the weighted decision matrix of a record from its frontmatter (`criteria[].weight`,
 * `options[].scores`, `options[].evidence`, `chosen`): total = Σ weight × score; missing weights
 * count 1, missing scores 0. Measurable criteria (`metric`) show each option's measured value
 * (see {@link measuredValue}); with `derive` (criterion or option) their scores are the measured
 * values normalised to 1–5 ({@link deriveScores}), falling back to the hand score when an option
 * has no value. Options breaking a hard constraint (`max`, `min`) are never `best`; every other
 * option with the highest total is (ties keep all). Pure.
 */
export function scoreMatrix(record: Pick<DecisionRecord, 'criteria' | 'options' | 'chosen'>, options: MatrixOptions = {}): DecisionMatrix {
  const criteria = record.criteria.filter((c) => typeof c?.id === 'string');
  const weights = criteria.map((c) => (typeof c.weight === 'number' ? c.weight : 1));
  const list = record.options.filter((o) => typeof o?.id === 'string');
  const measured = list.map((o) => criteria.map((c) => measuredValue(o, c)));
  const derivedCriteria = criteria.map((c, j) => (c.derive === true || options.derive === true) && measured.some((m) => m[j] !== undefined));
  const derivedScores = criteria.map((c, j) => (derivedCriteria[j] ? deriveScores(measured.map((m) => m[j]?.value), directionOf(c)) : []));
  const rows: MatrixRow[] = list.map((option, i) => {
    const derived = criteria.map((_, j) => derivedCriteria[j] && derivedScores[j][i] !== undefined);
    const scores = criteria.map((c, j) => {
      if (derived[j]) return derivedScores[j][i];
      const s = option.scores?.[c.id];
      return typeof s === 'number' ? s : undefined;
    });
    const total = scores.reduce<number>((sum, s, j) => sum + (s ?? 0) * weights[j], 0);
    const breaks = criteria.flatMap((c, j) => constraintBreaks(c, measured[i][j]));
    return { option, scores, derived, measured: measured[i], breaks, total, best: false, chosen: record.chosen === option.id };
  });
  const scored = rows.some((r) => r.scores.some((s) => s !== undefined));
  const eligible = rows.filter((r) => r.breaks.length === 0);
  const bestTotal = scored && eligible.length ? Math.max(...eligible.map((r) => r.total)) : undefined;
  if (bestTotal !== undefined) for (const r of eligible) r.best = r.total === bestTotal;
  return { criteria, weights, derivedCriteria, rows, scored, measurable: criteria.some((c) => typeof c.metric === 'string'), bestTotal };
}

/** Options missing a score for a criterion, once any option is scored: `[optionIndex, criterionId]`. */
export function missingScores(record: Pick<DecisionRecord, 'criteria' | 'options'>): Array<{ optionIndex: number; option: string; criterion: string }> {
  const options = record.options;
  if (!options.some((o) => o?.scores && Object.keys(o.scores).length > 0)) return [];
  const missing: Array<{ optionIndex: number; option: string; criterion: string }> = [];
  options.forEach((o, optionIndex) => {
    for (const c of record.criteria) {
      if (typeof c?.id !== 'string') continue;
      // A derived criterion is scored from the measured value; `measurable-missing-value` reports a missing value.
      if (c.derive === true && isMeasurable(c)) continue;
      if (typeof o?.scores?.[c.id] !== 'number') missing.push({ optionIndex, option: o?.name ?? o?.id ?? String(optionIndex), criterion: c.id });
    }
  });
  return missing;
}

/** The decision matrix as plain data (`adrkit matrix --format json`, the MCP `matrix` tool). */
export interface MatrixData {
  /** File of the record, relative to the working directory. */
  record: string;
  /** `derived`: the criterion's scores were computed from measured values (min-max to 1–5). */
  criteria: Array<Criterion & { weight: number; derived: boolean }>;
  /**
   * `scores` per criterion id (derived ones included); `measured` per criterion id: the value,
   * its unit and the front-matter key path it was read from; `breaks`: hard constraints broken.
   */
  options: Array<{
    id: string;
    name: string;
    scores: Record<string, number>;
    measured: Record<string, { value: number; unit: string | null; path: string }>;
    breaks: MatrixRow['breaks'];
    total: number;
    best: boolean;
    chosen: boolean;
  }>;
}

/** {@link scoreMatrix} as plain data; `undefined` when the record has no criteria or no options. Pure. */
export function matrixData(record: Pick<DecisionRecord, 'criteria' | 'options' | 'chosen'>, file: string): MatrixData | undefined {
  const matrix = scoreMatrix(record);
  if (matrix.rows.length === 0 || matrix.criteria.length === 0) return undefined;
  return {
    record: file,
    criteria: matrix.criteria.map((c, i) => ({ ...c, weight: matrix.weights[i], derived: matrix.derivedCriteria[i] })),
    options: matrix.rows.map((r) => ({
      id: r.option.id,
      name: r.option.name,
      scores: Object.fromEntries(matrix.criteria.flatMap((c, j) => (r.scores[j] === undefined ? [] : [[c.id, r.scores[j]]]))),
      measured: Object.fromEntries(matrix.criteria.flatMap((c, j) => (r.measured[j] ? [[c.id, { value: r.measured[j]!.value, unit: r.measured[j]!.unit ?? null, path: `options[${record.options.indexOf(r.option)}].${r.measured[j]!.path}` }]] : []))),
      breaks: r.breaks,
      total: r.total,
      best: r.best,
      chosen: r.chosen,
    })),
  };
}
