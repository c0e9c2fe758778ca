import { isRealIsoDate } from '../util/dates.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'status-history-order',
    description: '`status-history` entries are in date order: each change is dated on or after the one before it.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    messages: {
      order: 'status-history[{{index}}] ({{status}}, {{date}}) is dated before the change above it ({{previousStatus}}, {{previousDate}})',
    },
    docs: [
      'The status history is read top to bottom as the life of the decision; an entry dated before the one above it makes the history read, for instance, *accepted* before *proposed*.',
      'Usually a date was typed wrong, or a `--date` given to `adrkit status` was earlier than the last change (the command refuses that now). Fix the date, or move the entry to its place.',
      'Dates that are not real ISO dates are left to `valid-date`.',
    ].join('\n\n'),
  },
  check({ target, report }) {
    const history = target.record.frontmatter['status-history'];
    if (!Array.isArray(history)) return;
    let previous: { status: string; date: string } | undefined;
    history.forEach((entry, index) => {
      if (!entry || typeof entry !== 'object') return;
      const { status, date } = entry as Record<string, unknown>;
      if (typeof date !== 'string' || !isRealIsoDate(date.trim())) return;
      const current = { status: String(status ?? '?'), date: date.trim() };
      if (previous && current.date < previous.date) {
        report({ messageId: 'order', data: { index, ...current, previousStatus: previous.status, previousDate: previous.date }, path: `status-history[${index}].date` });
        return; // keep comparing against the latest in-order entry
      }
      previous = current;
    });
  },
});
