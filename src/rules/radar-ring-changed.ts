import { defineRule } from './define.js';
import { CLOSED_STATUSES, ringMoves } from '../decision/radar-judgement.js';

export default defineRule({
  meta: {
    id: 'radar-ring-changed',
    description: 'The ring of an option\'s blip changed since the decision: revisit it.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    messages: {
      changed: 'option "{{option}}": blip {{ref}} moved from {{from}} to {{to}} since this record ({{since}}); revisit the decision',
    },
    docs: 'The ring the record saw is the option\'s `ring` (written by `adrkit new`), else the ring in the radar edition in force at the record\'s `date`. It is compared with the newest edition. Rejected, deprecated and superseded records are skipped.',
  },
  check({ target, radar: set, report }) {
    if (!set) return;
    const record = target.record;
    if (record.status && CLOSED_STATUSES.has(record.status)) return;
    for (const move of ringMoves(set, record)) {
      const o = move.option;
      report({ messageId: 'changed', data: { option: o.option.name, ref: o.resolution.ref, from: move.from, to: move.to.name, since: move.since }, path: `options[${o.index}].${o.option.ring ? 'ring' : 'blip'}` });
    }
  },
});
