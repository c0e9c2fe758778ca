import type { RecordFormat } from '../model/record.js';
import { defineRule } from './define.js';
import type { Section } from '../model/record.js';
import { headingKey, MADR_TEMPLATE_HEADINGS, NYGARD_TEMPLATE_HEADINGS, SECTION_HEADINGS } from '../parse/vocabulary.js';
import { findSection, isPlaceholderText } from './shared/sections.js';

/** A required section: its canonical heading, then accepted synonyms (matched case-insensitively). */
type Required = readonly [canonical: string, ...synonyms: string[]];

const { status: STATUS, context: CONTEXT, options: OPTIONS, decision: DECISION, consequences: CONSEQUENCES, criteria: CRITERIA } = SECTION_HEADINGS;

/** Sections each format requires (the format's own template headings first, then synonyms in every language adrkit reads). */
export const REQUIRED_SECTIONS: Record<RecordFormat, readonly Required[]> = {
  native: [
    ['Context and problem', ...CONTEXT],
    ['Decision criteria', ...CRITERIA],
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
    ['Status', ...STATUS],
    ['Context', ...CONTEXT],
    ['Decision', ...DECISION],
    ['Consequences', ...CONSEQUENCES],
  ],
  log4brains: [
    ['Context and Problem Statement', ...CONTEXT],
    ['Decision Outcome', ...DECISION],
  ],
};

/** Headings of each imported format's own template: a record that has none of them follows a home-grown template. */
const TEMPLATE_HEADINGS: Partial<Record<RecordFormat, ReadonlySet<string>>> = {
  madr: new Set(MADR_TEMPLATE_HEADINGS),
  log4brains: new Set(MADR_TEMPLATE_HEADINGS),
  nygard: new Set(NYGARD_TEMPLATE_HEADINGS),
};

/**
 * The section playing a role: a heading equal to one of the names, or starting with one
 * (`Decision Outcome - Content`, `Considered Options - Events`), or, for options, a heading
 * naming options or alternatives (`Considered Root Structure Options`, `Option 1 - …`).
 */
function findRole(sections: Section[], canonical: string, names: readonly string[]): Section | undefined {
  const exact = findSection(sections, names);
  if (exact) return exact;
  const keys = names.map(headingKey);
  const options = OPTIONS_ROLE.has(canonical);
  return sections.find((s) => {
    if (s.depth < 2) return false;
    const key = headingKey(s.heading);
    if (keys.some((k) => key.startsWith(`${k} `) || key.startsWith(`${k}:`) || key.startsWith(`${k} -`))) return true;
    return options && /\b(?:options?|alternatives?|proposals?)\b/.test(key);
  });
}

const OPTIONS_ROLE = new Set(['Options', 'Considered Options']);

/** Canonical headings of the context role: an introduction under the title stands for them in imported records. */
const CONTEXT_ROLE = new Set(['Context and problem', 'Context and Problem Statement', 'Context']);

/**
 * True when the record opens with prose between its title and its first section (MADR 1 and
 * many home-grown templates state the problem there, without a heading). Metadata lines,
 * tables, quotes and notes do not count.
 */
function hasIntroduction(body: string): boolean {
  let prose = 0;
  let fence = false;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    if (/^#{2,6}\s/.test(line)) break;
    if (!line || /^#\s/.test(line) || /^[|>]/.test(line) || /^<!--/.test(line) || /^(?:[-*+]\s+)?(?:\*\*)?[\p{L} ()-]{1,40}(?:\*\*)?\s*:/u.test(line)) continue;
    prose += line.length;
  }
  return prose >= 80;
}

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
      'Headings match in English, French, German, Spanish, Portuguese, Chinese and Japanese, also when they start with the name (`Decision Outcome - Events`); options may be headed `Option 1 - …` or `Considered Implementation Options`. A record with none of its format\'s template headings follows a home-grown template (an RFC, What / Why / How) and is not reported as missing sections; an introduction under the title stands for the context section of imported records.',
      '',
      'A section counts as a placeholder when nothing is left once HTML comments are removed, or when it holds only `{placeholders}`, `[placeholders]`, `TODO`/`TBD` or sub-headings.',
    ].join('\n'),
  },
  check({ target, report }) {
    const { record } = target;
    const required = REQUIRED_SECTIONS[record.format];
    const missing: string[] = [];
    const template = TEMPLATE_HEADINGS[record.format];
    const ownTemplate = !template || record.sections.some((s) => s.depth >= 2 && template.has(headingKey(s.heading)));
    for (const [canonical, ...synonyms] of required) {
      const section = findRole(record.sections, canonical, [canonical, ...synonyms]);
      if (!section) {
        if (canonical === 'Status' && (record.statusText !== undefined || record.statusPlaceholder !== undefined)) continue;
        if (record.format !== 'native' && CONTEXT_ROLE.has(canonical) && hasIntroduction(record.body)) continue;
        // A record written to a home-grown template (an RFC, What / Why / How) is not held to this format's headings.
        if (ownTemplate) missing.push(canonical);
        continue;
      }
      if (canonical === 'Status' && (record.statusText !== undefined || record.statusPlaceholder !== undefined)) continue;
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
