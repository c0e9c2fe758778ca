import { defineRule } from './define.js';
import { CLOSED_STATUSES } from '../decision/radar-judgement.js';
import { newestEdition } from '../radar/editions.js';
import { optionBlips } from '../radar/usage.js';

export default defineRule({
  meta: {
    id: 'radar-blip-dropped',
    description: 'An option links a blip that is no longer in the newest edition of its radar.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    messages: {
      dropped: 'option "{{option}}": blip {{ref}} is not in the newest edition of radar {{radar}} ({{edition}}); check the decision still holds',
    },
    docs: 'Radar editions drop blips that are no longer worth tracking. Rejected, deprecated and superseded records are skipped.',
  },
  check({ target, radar: set, report }) {
    if (!set) return;
    if (target.record.status && CLOSED_STATUSES.has(target.record.status)) return;
    for (const o of optionBlips(set, target.record)) {
      if (!o.resolution.ok || o.resolution.current) continue;
      const r = o.resolution.radar;
      report({ messageId: 'dropped', data: { option: o.option.name, ref: o.resolution.ref, radar: r.id, edition: newestEdition(r).date ?? 'undated' }, path: `options[${o.index}].blip` });
    }
  },
});
