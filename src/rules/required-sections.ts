import type { RecordFormat } from '../model/record.js';
import { defineRule } from './define.js';
import { findSection, isPlaceholderText } from './shared/sections.js';

/** A required section: its canonical heading, then accepted synonyms (matched case-insensitively). */
type Required = readonly [canonical: string, ...synonyms: string[]];

const CONTEXT = ['context', 'context and problem', 'context and problem statement', 'problem', 'problem statement', 'background', 'contexte', 'contexte et énoncé du problème', 'contexte et problème'];
const OPTIONS = ['options', 'considered options', 'considered option', 'options considered', 'considered alternatives', 'alternatives', 'alternatives considered', 'options considérées', 'options envisagées'];
const DECISION = ['decision', 'decisions', 'decision outcome', 'outcome', 'décision', 'résultat de la décision'];
const CONSEQUENCES = ['consequences', 'impacts', 'impact', 'implications', 'conséquences'];

/** Sections each format requires (the format's own template headings first). */
export const REQUIRED_SECTIONS: Record<RecordFormat, readonly Required[]> = {
  native: [
    ['Context and problem', ...CONTEXT],
    ['Decision criteria', 'criteria', 'decision drivers', 'drivers', 'critères de décision', 'facteurs de décision'],
    ['Options', ...OPTIONS],
    ['Decision', ...DECISION],
    ['Impacts', ...CONSEQUENCES],
  ],
  madr: [
    ['Context and Problem Statement', ...CONTEXT],
    ['Considered Options', ...OPTIONS],
    ['Decision Outcome', ...DECISION],
  ],
  nygard: [
    ['Status', 'statut'],
    ['Context', ...CONTEXT, 'introduction'],
    ['Decision', ...DECISION, 'proposal', "what's proposed", 'the existing decision'],
    ['Consequences', ...CONSEQUENCES],
  ],
  log4brains: [
    ['Context and Problem Statement', ...CONTEXT],
    ['Decision Outcome', ...DECISION],
  ],
};

export default defineRule({
  meta: {
    id: 'required-sections',
    description: 'The sections of the record\'s format are present and filled in, not left as template placeholders.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    messages: {
      missing: 'missing section{{plural}} {{sections}} ({{format}} records need {{all}})',
      placeholder: 'section "{{section}}" is still a template placeholder: write it or delete the heading',
    },
    docs: [
      'Required sections by format (headings match case-insensitively, numbering and trailing colons ignored; common synonyms such as "Consequences" for "Impacts" or "Considered Alternatives" for "Considered Options" are accepted):',
      '',
      '- adrkit algorithm records: Context and problem, Decision criteria, Options, Decision, Impacts',
      '- MADR: Context and Problem Statement, Considered Options, Decision Outcome',
      '- Nygard / adr-tools: Status (a `Status:` line counts), Context, Decision, Consequences',
      '- log4brains: Context and Problem Statement, Decision Outcome',
      '',
      'A section counts as a placeholder when nothing is left once HTML comments are removed, or when it holds only `{placeholders}`, `[placeholders]`, `TODO`/`TBD` or sub-headings.',
    ].join('\n'),
  },
  check({ target, report }) {
    const { record } = target;
    const required = REQUIRED_SECTIONS[record.format];
    const missing: string[] = [];
    for (const [canonical, ...synonyms] of required) {
      const section = findSection(record.sections, [canonical, ...synonyms]);
      if (!section) {
        if (canonical === 'Status' && record.statusText !== undefined) continue;
        missing.push(canonical);
        continue;
      }
      if (canonical === 'Status' && record.statusText !== undefined) continue;
      if (isPlaceholderText(section.text)) {
        report({ messageId: 'placeholder', data: { section: section.heading }, position: { line: section.line, column: 1 } });
      }
    }
    if (missing.length > 0) {
      report({
        messageId: 'missing',
        data: {
          plural: missing.length === 1 ? '' : 's',
          sections: missing.map((m) => `"${m}"`).join(', '),
          format: record.format === 'native' ? 'algorithm' : record.format,
          all: required.map((r) => r[0]).join(', '),
        },
        path: 'title',
      });
    }
  },
});
