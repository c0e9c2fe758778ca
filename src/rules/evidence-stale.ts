import { z } from 'zod';
import { evidenceLabel } from '../decision/evidence.js';
import type { Evidence } from '../model/evidence.js';
import { isRealIsoDate } from '../util/dates.js';
import { defineRule } from './define.js';

const DAY_MS = 86_400_000;

export default defineRule({
  meta: {
    id: 'evidence-stale',
    description: 'Evidence on an accepted decision is not older than the revisit window (`maxAgeDays`, default 365).',
    severity: 'info',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: { stale: 'evidence "{{label}}" of option "{{option}}" is from {{date}} ({{days}} days, more than {{max}}): the state of the art moves in 6–12 months; re-measure it or revisit the decision' },
    options: z.object({ maxAgeDays: z.number().int().positive().default(365).describe('days after which evidence of an accepted decision is worth re-checking') }).strict(),
    docs: 'Only entries with a `date` are checked (`adrkit evidence add` copies it from the file: `.eval_results` `date`, MLflow `start_time`, W&B `_timestamp`). Today comes from the lint clock.',
  },
  check({ target, today, options, report }) {
    const { record } = target;
    if (record.status !== 'accepted') return;
    const list = (record.frontmatter.options as unknown[] | undefined) ?? [];
    record.options.forEach((option) => {
      if (!Array.isArray(option?.evidence)) return;
      const index = list.indexOf(option);
      (option.evidence as unknown[]).forEach((entry, j) => {
        const date = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).date : undefined;
        if (typeof date !== 'string' || !isRealIsoDate(date)) return;
        const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
        if (days <= options.maxAgeDays) return;
        report({ messageId: 'stale', data: { label: evidenceLabel(entry as Evidence), option: option.name ?? option.id, date, days, max: options.maxAgeDays }, path: `options[${index}].evidence[${j}].date` });
      });
    });
  },
});
