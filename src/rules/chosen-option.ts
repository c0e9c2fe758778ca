import { didYouMean } from '../util/suggest.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'chosen-option',
    description: '`chosen` names one of the option ids; an accepted algorithm decision says which option it chose.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: {
      unknown: '`chosen: {{chosen}}` is not an option id{{hint}}; options are: {{ids}}',
      notChosen: 'the record is accepted but `chosen` is not set: add `chosen: <option id>` to the frontmatter',
    },
    docs: 'An unknown `chosen` is an error. An accepted record without `chosen` is reported as a warning (capped), since older records may predate the field.',
  },
  check({ target, report }) {
    const { record } = target;
    const ids = record.options.map((o) => o.id).filter((id): id is string => typeof id === 'string');
    if (record.chosen !== undefined) {
      if (ids.includes(record.chosen)) return;
      report({ messageId: 'unknown', data: { chosen: record.chosen, hint: didYouMean(record.chosen, ids), ids: ids.join(', ') || '(none)' }, path: 'chosen' });
      return;
    }
    if (record.status === 'accepted') report({ messageId: 'notChosen', path: 'status', severity: 'warn' });
  },
});
