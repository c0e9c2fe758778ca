import type { DecisionMatrix } from '../decision/matrix.js';
import { renderTable } from './table.js';

/**
 * Renders a weighted decision matrix for the terminal: one row per option, one column per
 * criterion (header `name ×weight`), the weighted total, and marks `★ best` (highest total,
 * ties all marked) and `✔ chosen`. Missing scores show as `–`. Pure.
 */
export function renderMatrix(matrix: DecisionMatrix, title?: string): string {
  const headers = ['Option', ...matrix.criteria.map((c, i) => `${c.name} ×${matrix.weights[i]}`), 'Total', ''];
  const rows = matrix.rows.map((r) => [
    r.option.name ?? r.option.id,
    ...r.scores.map((s) => (s === undefined ? '–' : String(s))),
    matrix.scored ? String(round(r.total)) : '–',
    [r.best ? '★ best' : '', r.chosen ? '✔ chosen' : ''].filter(Boolean).join(' '),
  ]);
  const head = title ? `${title}\n\n` : '';
  const note = matrix.scored ? '' : '\n(no scores yet: add `scores: {<criterion id>: <number>}` to each option)\n';
  return head + renderTable(headers, rows) + note;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
