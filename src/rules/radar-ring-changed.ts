import { defineRule } from './define.js';
import { CLOSED_STATUSES, ringAtRecord } from './shared/radar.js';
import { currentRing, ringById } from '../radar/editions.js';
import { optionBlips } from '../radar/usage.js';

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
    for (const o of optionBlips(set, record)) {
      if (!o.resolution.ok) continue;
      const { radar: r, blip } = o.resolution;
      const now = currentRing(r, blip.id);
      if (!now) continue; // dropped: radar-blip-dropped
      const seen = o.option.ring ? ringById(r, o.option.ring) : ringAtRecord(r, blip.id, record.date);
      const seenName = seen?.name ?? o.option.ring;
      if (!seenName || seen?.id === now.id) continue;
      const since = o.option.ring ? `stored ring ${o.option.ring}` : `edition in force on ${record.date ?? 'its date'}`;
      report({ messageId: 'changed', data: { option: o.option.name, ref: o.resolution.ref, from: seenName, to: now.name, since }, path: `options[${o.index}].${o.option.ring ? 'ring' : 'blip'}` });
    }
  },
});
