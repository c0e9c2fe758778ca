import { z } from 'zod';
import { isRealIsoDate } from '../util/dates.js';
import { defineRule } from './define.js';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export default defineRule({
  meta: {
    id: 'stale-proposed',
    description: 'A record does not stay `proposed` for longer than `maxAgeDays` (default 90): decide, or reject it.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    needsHistory: true,
    messages: { stale: 'proposed since {{since}} ({{days}} days, more than {{max}}; from {{source}}): accept, reject or withdraw it' },
    options: z.object({ maxAgeDays: z.number().int().positive().default(90).describe('days a record may stay proposed') }).strict(),
    docs: 'The start date is, in order: the last `proposed` entry of `status-history`, the date git first saw the file, or the record\'s `date`.',
  },
  check({ target, today, options, report }) {
    const { record } = target;
    if (record.status !== 'proposed') return;
    let since: string | undefined;
    let source = '';
    const history = record.frontmatter['status-history'];
    if (Array.isArray(history)) {
      const entry = [...history].reverse().find((e) => e && typeof e === 'object' && (e as Record<string, unknown>).status === 'proposed') as Record<string, unknown> | undefined;
      if (entry && typeof entry.date === 'string' && isRealIsoDate(entry.date)) [since, source] = [entry.date, 'status-history'];
    }
    const created = target.history?.created?.slice(0, 10);
    if (!since && created && isRealIsoDate(created)) [since, source] = [created, 'git history'];
    if (!since && record.date && isRealIsoDate(record.date.trim())) [since, source] = [record.date.trim(), 'the record date'];
    if (!since) return;
    const days = daysBetween(since, today);
    if (days > options.maxAgeDays) report({ messageId: 'stale', data: { since, days, max: options.maxAgeDays, source }, path: 'status' });
  },
});
