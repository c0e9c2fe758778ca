import { defineRule } from './define.js';
import { optionBlips } from '../radar/usage.js';

export default defineRule({
  meta: {
    id: 'radar-unknown-blip',
    description: 'Every option `blip` names a blip of a configured technology radar (`blip-id` or `radar-id/blip-id`).',
    severity: 'error',
    fixable: false,
    scope: 'record',
    messages: {
      unknownBlip: 'option "{{option}}": unknown blip "{{blip}}"{{hint}}',
      unknownRadar: 'option "{{option}}": unknown radar in "{{blip}}"{{hint}}; radars: {{radars}}',
      ambiguous: 'option "{{option}}": blip "{{blip}}" is in several radars; write one of {{candidates}}',
    },
    docs: 'Blips are matched by id, alias or name (case-insensitive). Configure radars with `radars` in the adrkit configuration; the default is `builtin:sicara-2024`.',
  },
  check({ target, radar: set, report }) {
    if (!set) return;
    for (const o of optionBlips(set, target.record)) {
      const r = o.resolution;
      if (r.ok) continue;
      const data = {
        option: o.option.name,
        blip: r.ref,
        hint: r.suggestion ? ` (did you mean "${r.suggestion}"?)` : '',
        radars: r.candidates.join(', '),
        candidates: r.candidates.join(', '),
      };
      const messageId = r.reason === 'unknown-radar' ? 'unknownRadar' : r.reason === 'ambiguous' ? 'ambiguous' : 'unknownBlip';
      report({ messageId, data, path: `options[${o.index}].blip` });
    }
  },
});
