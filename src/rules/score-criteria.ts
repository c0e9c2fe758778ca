import { didYouMean } from '../util/suggest.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'score-criteria',
    description: 'Every key of `options[].scores` names a criterion id of the record.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: {
      unknown: 'option "{{option}}" scores unknown criterion "{{key}}"{{hint}}; criteria are: {{ids}}',
    },
  },
  check({ target, report }) {
    const { record } = target;
    const ids = record.criteria.map((c) => c.id).filter((id): id is string => typeof id === 'string');
    record.options.forEach((option, i) => {
      const scores = option.scores;
      if (!scores || typeof scores !== 'object' || Array.isArray(scores)) return;
      for (const key of Object.keys(scores)) {
        if (ids.includes(key)) continue;
        report({
          messageId: 'unknown',
          data: { option: String(option.id ?? i), key, hint: didYouMean(key, ids), ids: ids.join(', ') || '(none)' },
          path: `options[${i}].scores.${key}`,
        });
      }
    });
  },
});
