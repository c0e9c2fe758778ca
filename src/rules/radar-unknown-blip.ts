import { defineRule } from './define.js';
import { editFrontmatter } from '../parse/frontmatter-edit.js';
import { optionBlips } from '../radar/usage.js';

export default defineRule({
  meta: {
    id: 'radar-unknown-blip',
    description: 'Every option `blip` names a blip of a configured technology radar (`blip-id` or `radar-id/blip-id`).',
    severity: 'error',
    fixable: true,
    scope: 'record',
    messages: {
      unknownBlip: 'option "{{option}}": unknown blip "{{blip}}"{{hint}}',
      unknownRadar: 'option "{{option}}": unknown radar in "{{blip}}"{{hint}}; radars: {{radars}}',
      ambiguous: 'option "{{option}}": blip "{{blip}}" is in several radars; write one of {{candidates}} (`adrkit lint --fix` writes {{first}}, the first configured radar)',
    },
    docs: 'Blips are matched by id, alias or name (case-insensitive), by one rule everywhere (lint, `adrkit radar show`, `adrkit stale`, the site): an unqualified `blip: vllm` that two radars have links neither. `--fix` qualifies it with the first configured radar that has it (`team/vllm`), the one it meant before the second radar was added (radars are read in configuration order). Configure radars with `radars` in the adrkit configuration; the default is `builtin:sicara-2024`.',
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
        first: r.candidates[0] ?? '',
      };
      const messageId = r.reason === 'unknown-radar' ? 'unknownRadar' : r.reason === 'ambiguous' ? 'ambiguous' : 'unknownBlip';
      const qualified = r.reason === 'ambiguous' ? r.candidates[0] : undefined;
      const index = o.index;
      report({
        messageId,
        data,
        path: `options[${index}].blip`,
        ...(qualified && target.hasFrontmatter
          ? { fix: { target: target.record.path, edit: (text: string) => editFrontmatter(text, (doc) => { if (doc.getIn(['options', index, 'blip']) === o.option.blip) doc.setIn(['options', index, 'blip'], qualified); }) } }
          : {}),
      });
    }
  },
});
