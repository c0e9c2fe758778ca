import { isMeasurable, measuredValue } from '../decision/measure.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'measurable-missing-value',
    description: 'Every option has a measured value for every measurable criterion (one that names a `metric`).',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: { missing: 'option "{{option}}" has no measured `{{metric}}` for criterion "{{criterion}}": add a benchmark or run with that metric (`adrkit evidence add {{record}} --option {{id}} --from <file>`)' },
    docs: 'Without a value the option cannot be checked against the criterion\'s hard constraint, and a derived score falls back to the hand score. A value is a `benchmark` entry whose `metric` is the criterion\'s, or a `run` whose `metrics` has it.',
  },
  check({ target, report }) {
    const { record } = target;
    const ref = record.number !== undefined ? String(record.number) : record.slug;
    for (const criterion of record.criteria) {
      if (!criterion || !isMeasurable(criterion)) continue;
      record.options.forEach((option, i) => {
        if (!option || typeof option.id !== 'string' || measuredValue(option, criterion) !== undefined) return;
        const index = (record.frontmatter.options as unknown[] | undefined)?.indexOf(option) ?? i;
        report({
          messageId: 'missing',
          data: { option: option.name ?? option.id, id: option.id, metric: criterion.metric!, criterion: criterion.name ?? criterion.id, record: ref },
          path: Array.isArray(option.evidence) ? `options[${index}].evidence` : `options[${index}]`,
        });
      });
    }
  },
});
