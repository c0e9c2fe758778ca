import { z } from 'zod';
import { defineRule } from './define.js';
import { judgedOptions } from '../decision/radar-judgement.js';
import { headingKey } from '../parse/vocabulary.js';

const JUSTIFICATION = /\b(hold|despite|although|though|even if|justif\w*|notwithstanding|nevertheless|trade-?off)\b/i;

export default defineRule({
  meta: {
    id: 'radar-hold',
    description: 'Options on a HOLD blip are flagged; choosing one needs a justification in the Decision section.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    messages: {
      considered: 'option "{{option}}" is on HOLD in the radar ({{ref}}: {{ring}})',
      justified: 'chosen option "{{option}}" is on HOLD in the radar ({{ref}}: {{ring}}); the Decision section justifies it',
      unjustified: 'chosen option "{{option}}" is on HOLD in the radar ({{ref}}: {{ring}}) and the Decision section does not justify it (name the option and say why despite HOLD)',
    },
    options: z
      .object({ sections: z.array(z.string()).default(['Decision', 'Decision Outcome', 'Decision outcome']).describe('headings of the section that must justify the choice') })
      .strict(),
    docs: 'HOLD means the radar authors found better alternatives. Considering a HOLD option is a warning; choosing one is an error unless the Decision section mentions the option (or its blip) together with a justification word (hold, despite, although, justified, trade-off…). The ring is the one in force at the record\'s date.',
  },
  check({ target, radar: set, options, report }) {
    if (!set) return;
    const wanted = new Set(options.sections.map(headingKey));
    const decision = target.record.sections.find((s) => wanted.has(headingKey(s.heading)))?.text ?? '';
    for (const o of judgedOptions(set, target.record)) {
      if (o.ring?.stance !== 'hold') continue;
      const data = { option: o.option.name, ref: o.resolution.ref, ring: o.ring.name };
      const path = `options[${o.index}].blip`;
      if (!o.chosen) {
        report({ messageId: 'considered', data, path, severity: 'warn' });
        continue;
      }
      const names = [o.option.name, o.option.id, o.resolution.blip.id, o.resolution.blip.name, ...o.resolution.blip.aliases].map((n) => n.toLowerCase());
      const text = decision.toLowerCase();
      const justified = names.some((n) => n && text.includes(n)) && JUSTIFICATION.test(decision);
      if (justified) report({ messageId: 'justified', data, path, severity: 'warn' });
      else report({ messageId: 'unjustified', data, path });
    }
  },
});
