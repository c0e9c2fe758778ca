import { defineRule } from './define.js';
import { judgedOptions } from '../decision/radar-judgement.js';

export default defineRule({
  meta: {
    id: 'radar-assess',
    description: 'The chosen option is on an ASSESS blip: an emerging technology, worth a planned revisit.',
    severity: 'info',
    fixable: false,
    scope: 'record',
    messages: {
      assess: 'chosen option "{{option}}" is in ASSESS in the radar ({{ref}}: {{ring}}); plan a revisit (`revisit-by`) and watch for pitfalls',
    },
    docs: 'ASSESS blips are usable with caution. The finding is informational; set `revisit-by` to come back to the decision.',
  },
  check({ target, radar: set, report }) {
    if (!set) return;
    for (const o of judgedOptions(set, target.record)) {
      if (!o.chosen || o.ring?.stance !== 'assess') continue;
      report({ messageId: 'assess', data: { option: o.option.name, ref: o.resolution.ref, ring: o.ring.name }, path: `options[${o.index}].blip` });
    }
  },
});
