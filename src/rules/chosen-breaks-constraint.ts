import { scoreMatrix } from '../decision/matrix.js';
import { breakText } from '../decision/measure.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'chosen-breaks-constraint',
    description: 'The chosen option meets every hard constraint (`max`, `min`) of the measurable criteria.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: { breaks: 'chosen option "{{option}}" breaks the hard constraint of criterion "{{criterion}}": {{detail}}; choose another option, or change the constraint (and say why)' },
    docs: 'A hard constraint (`max: 50` ms latency, `min: 0.8` recall) rules an option out whatever its score: `adrkit matrix` never marks it best. The value is the option\'s measured value for the criterion\'s `metric` (first `benchmark` with that metric, else the first `run` reporting it).',
  },
  check({ target, report }) {
    const { record } = target;
    if (!record.chosen) return;
    const matrix = scoreMatrix(record);
    const row = matrix.rows.find((r) => r.chosen);
    if (!row) return;
    const index = record.options.indexOf(row.option);
    for (const b of row.breaks) {
      const j = matrix.criteria.findIndex((c) => c.id === b.criterion);
      const criterion = matrix.criteria[j];
      report({ messageId: 'breaks', data: { option: row.option.name ?? row.option.id, criterion: criterion.name ?? criterion.id, detail: breakText(b) }, path: `options[${index}].${row.measured[j]!.path}` });
    }
  },
});
