import type { DecisionRecord, RecordRef } from '../model/record.js';
import type { ReviewDecisionDiff, ReviewMatrixDelta, ReviewMatrixSide, ReviewRingChange } from '../model/review.js';
import { scoreMatrix, type DecisionMatrix } from '../decision/matrix.js';

/** Rounds a weighted total to 2 decimals (the precision `adrkit matrix` prints). */
const round = (n: number) => Math.round(n * 100) / 100;

function side(matrix: DecisionMatrix): ReviewMatrixSide | null {
  if (!matrix.scored || matrix.criteria.length === 0) return null;
  return {
    criteria: matrix.criteria.map((c, i) => ({ id: c.id, name: c.name, weight: matrix.weights[i] })),
    totals: Object.fromEntries(matrix.rows.map((r) => [r.option.id, round(r.total)])),
    best: matrix.rows.filter((r) => r.best).map((r) => r.option.id),
    chosen: matrix.rows.find((r) => r.chosen)?.option.id ?? null,
  };
}

const scoreOf = (m: DecisionMatrix, option: string, criterion: string): number | null => {
  const row = m.rows.find((r) => r.option.id === option);
  const i = m.criteria.findIndex((c) => c.id === criterion);
  return row && i >= 0 ? (row.scores[i] ?? null) : null;
};

/** How the weighted matrix changed, from the one matrix computation (`scoreMatrix`); undefined when it did not. */
function matrixDelta(from: DecisionRecord, to: DecisionRecord): ReviewMatrixDelta | undefined {
  const a = scoreMatrix(from);
  const b = scoreMatrix(to);
  const before = side(a);
  const after = side(b);
  if (!before && !after) return undefined;
  const options = union(a.rows.map((r) => r.option.id), b.rows.map((r) => r.option.id));
  const criteria = union(a.criteria.map((c) => c.id), b.criteria.map((c) => c.id));
  const scores: ReviewMatrixDelta['scores'] = [];
  for (const option of options) for (const criterion of criteria) {
    const x = scoreOf(a, option, criterion);
    const y = scoreOf(b, option, criterion);
    if (x !== y) scores.push({ option, criterion, from: x, to: y });
  }
  const totals: ReviewMatrixDelta['totals'] = [];
  for (const option of options) {
    const x = before?.totals[option] ?? null;
    const y = after?.totals[option] ?? null;
    if (x !== y) totals.push({ option, from: x, to: y });
  }
  const key = (s: ReviewMatrixSide | null) => (s ? [...s.best].sort().join('\0') : '');
  const bestChanged = key(before) !== key(after);
  const weights = JSON.stringify(before?.criteria ?? []) !== JSON.stringify(after?.criteria ?? []);
  if (scores.length === 0 && totals.length === 0 && !bestChanged && !weights && before?.chosen === after?.chosen) return undefined;
  return { before, after, scores, totals, bestChanged };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function listDiff(a: readonly string[], b: readonly string[]): { added: string[]; removed: string[] } {
  return { added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) };
}

const refs = (list: RecordRef[]) => list.map((r) => String(r));

/**
 * The semantic decision diff of one record between two snapshots: status transition, options added,
 * removed or renamed, chosen option, criteria added, removed or reweighted, the weighted matrix
 * before → after (scores, totals, whether the best option changed; computed by `scoreMatrix`),
 * blip rings moved since the decision (`rings`, computed by the caller for the head record), the
 * supersede chain (`supersedes` / `superseded-by`) and `revisit-by`. Pure.
 *
 * @returns the diff, or undefined when none of these changed (an edit of the prose only).
 */
export function decisionDiff(from: DecisionRecord, to: DecisionRecord, file: string, rings: ReviewRingChange[] = []): ReviewDecisionDiff | undefined {
  const ids = (r: DecisionRecord) => r.options.filter((o) => typeof o?.id === 'string').map((o) => o.id);
  const options = { ...listDiff(ids(from), ids(to)), renamed: [] as Array<{ id: string; from: string; to: string }> };
  for (const o of to.options) {
    const old = from.options.find((x) => x?.id === o?.id);
    if (old && typeof old.name === 'string' && typeof o.name === 'string' && old.name !== o.name) options.renamed.push({ id: o.id, from: old.name, to: o.name });
  }
  const crit = (r: DecisionRecord) => r.criteria.filter((c) => typeof c?.id === 'string');
  const criteria = { ...listDiff(crit(from).map((c) => c.id), crit(to).map((c) => c.id)), reweighted: [] as Array<{ id: string; from: number; to: number }> };
  for (const c of crit(to)) {
    const old = crit(from).find((x) => x.id === c.id);
    const w = (x: { weight?: number }) => (typeof x.weight === 'number' ? x.weight : 1);
    if (old && w(old) !== w(c)) criteria.reweighted.push({ id: c.id, from: w(old), to: w(c) });
  }
  const diff: ReviewDecisionDiff = {
    file,
    number: to.number ?? null,
    title: to.title,
    options,
    criteria,
    rings,
    supersedes: listDiff(refs(from.supersedes), refs(to.supersedes)),
    supersededBy: listDiff(refs(from.supersededBy), refs(to.supersededBy)),
  };
  if (from.status !== to.status) diff.status = { from: from.status ?? null, to: to.status ?? null, fromText: from.statusText ?? null, toText: to.statusText ?? null };
  if ((from.chosen ?? null) !== (to.chosen ?? null)) diff.chosen = { from: from.chosen ?? null, to: to.chosen ?? null };
  const matrix = matrixDelta(from, to);
  if (matrix) diff.matrix = matrix;
  if ((from.revisitBy ?? null) !== (to.revisitBy ?? null)) diff.revisitBy = { from: from.revisitBy ?? null, to: to.revisitBy ?? null };
  const changed =
    diff.status || diff.chosen || diff.matrix || diff.revisitBy || rings.length > 0 ||
    [options.added, options.removed, options.renamed, criteria.added, criteria.removed, criteria.reweighted, diff.supersedes.added, diff.supersedes.removed, diff.supersededBy.added, diff.supersededBy.removed].some((l) => l.length > 0);
  return changed ? diff : undefined;
}
