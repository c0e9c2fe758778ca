import { missingScores } from '../decision/matrix.js';
import { defineRule } from './define.js';
import { matrixInputBroken } from './shared/matrix-input.js';

export default defineRule({
  meta: {
    id: 'matrix-missing-score',
    description: 'Once a decision matrix is scored, every option has a score for every criterion.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: { missing: 'option "{{option}}" has no score for criterion "{{criterion}}": the weighted totals compare unlike things' },
    docs: 'A missing score counts as 0 in `adrkit matrix`, which quietly penalises the option. Score it, or remove the criterion. Records without any score are not checked; measurable criteria with `derive: true` are scored from the measured values and left to `measurable-missing-value`.',
  },
  check({ target, report }) {
    if (matrixInputBroken(target.record.frontmatter)) return;
    for (const m of missingScores(target.record)) {
      const scored = target.record.options[m.optionIndex]?.scores !== undefined;
      report({ messageId: 'missing', data: { option: m.option, criterion: m.criterion }, path: scored ? `options[${m.optionIndex}].scores` : `options[${m.optionIndex}]` });
    }
  },
});
