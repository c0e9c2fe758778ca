import type { DecisionMatrix } from '../decision/matrix.js';
import { breakText, constraintText, directionOf } from '../decision/measure.js';
import { renderTable } from './table.js';

/**
 * Renders a weighted decision matrix for the terminal: one row per option, one column per
 * criterion (header `name ×weight`), the weighted total, and marks `★ best` (highest total among
 * options breaking no hard constraint, ties all marked), `✔ chosen` and `✘ breaks …`. A
 * measurable criterion's cell shows the score and the measured value (`4 (38 ms)`); a derived
 * score is starred (`4.2*`); a measured value breaking a constraint is flagged `✘`. Missing scores
 * show as `–`. A legend under the table explains the measurable columns. Pure.
 */
export function renderMatrix(matrix: DecisionMatrix, title?: string): string {
  const headers = ['Option', ...matrix.criteria.map((c, i) => `${c.name} ×${matrix.weights[i]}`), 'Total', ''];
  const rows = matrix.rows.map((r) => [
    r.option.name ?? r.option.id,
    ...r.scores.map((s, j) => {
      const score = s === undefined ? '–' : `${round(s)}${r.derived[j] ? '*' : ''}`;
      const m = r.measured[j];
      if (!m) return score;
      const broken = r.breaks.some((b) => b.criterion === matrix.criteria[j].id);
      return `${score} (${m.value}${m.unit ? ` ${m.unit}` : ''}${broken ? ' ✘' : ''})`;
    }),
    matrix.scored ? String(round(r.total)) : '–',
    [r.best ? '★ best' : '', r.chosen ? '✔ chosen' : '', ...r.breaks.map((b) => `✘ breaks ${matrix.criteria.find((c) => c.id === b.criterion)?.name ?? b.criterion} (${breakText(b)})`)].filter(Boolean).join(' '),
  ]);
  const head = title ? `${title}\n\n` : '';
  const legend = matrix.criteria
    .filter((c) => typeof c.metric === 'string')
    .map((c) => {
      const j = matrix.criteria.indexOf(c);
      const limit = constraintText(c);
      return `  ${c.name}: metric ${c.metric}${c.unit ? ` (${c.unit})` : ''}, ${directionOf(c)} is better${limit ? `, hard constraint ${limit}` : ''}${matrix.derivedCriteria[j] ? ', scores derived*' : ''}`;
    });
  const notes: string[] = [];
  if (legend.length) notes.push('', 'Measured (score (value)):', ...legend);
  if (matrix.derivedCriteria.some(Boolean)) notes.push('  * derived from the measured values: min-max over the options, scaled to 1–5');
  if (!matrix.scored) notes.push('', '(no scores yet: add `scores: {<criterion id>: <number>}` to each option)');
  return head + renderTable(headers, rows) + (notes.length ? `${notes.join('\n')}\n` : '');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
