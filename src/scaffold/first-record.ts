import type { Criterion, Option } from '../model/record.js';
import { renderRecord } from './render.js';
import { editFrontmatter } from '../parse/frontmatter-edit.js';

/** Title of the first record `adrkit init` writes. */
export const FIRST_RECORD_TITLE = 'Record algorithm decisions';

const CRITERIA: Criterion[] = [
  { id: 'traceability', name: 'Traceable decisions', weight: 3, description: 'criteria, options and evidence kept next to the code and reviewed in pull requests' },
  { id: 'effort', name: 'Writing effort', weight: 1, description: 'time to write and keep a record up to date' },
];

const OPTIONS: Option[] = [
  { id: 'adr-adrkit', name: 'Algorithm Decision Records with adrkit', scores: { traceability: 5, effort: 3 } },
  { id: 'madr', name: 'Plain MADR records', scores: { traceability: 3, effort: 4 } },
  { id: 'no-records', name: 'No records (decisions in chats and meetings)', scores: { traceability: 1, effort: 5 } },
];

/** Prose of each option section, by option name. */
const OPTION_PROSE: Record<string, string> = {
  'Algorithm Decision Records with adrkit': 'Markdown records with criteria, options and radar links in the frontmatter, linted in CI and published as a decision log.',
  'Plain MADR records': 'Markdown Architectural Decision Records without a criteria matrix or checks.',
  'No records (decisions in chats and meetings)': 'Nothing to write, and nothing to find a year later.',
};

/** Prose of each section, by heading (every template's headings). */
const PROSE: Record<string, string> = {
  'Context and problem':
    'We need to record the algorithmic decisions of this project: which model, implementation or\ntraining strategy we chose, against which criteria, among which options, and when to revisit.',
  'Context and Problem Statement': 'We need to record the algorithmic decisions of this project, with the options we considered and why we chose one.',
  Context: 'We need to record the algorithmic decisions of this project: which model, implementation or\ntraining strategy we chose, against which criteria, among which options, and when to revisit.',
  'Decision criteria': 'Decisions must be traceable from the code review, without much writing effort.\n',
  'Decision Drivers': '* Decisions traceable from the code review\n* Little writing effort',
  Options: 'Algorithm Decision Records checked by adrkit, plain MADR records, or no records at all.',
  Decision: 'We will use Algorithm Decision Records, written and checked with adrkit (`adrkit new`, `adrkit lint`).',
  'Decision Outcome': 'Chosen option: "Algorithm Decision Records with adrkit", because criteria, options and evidence stay next to the code and are checked in pull requests.',
  Impacts: 'Each significant algorithmic choice gets a short record in this folder, reviewed in pull requests.',
  Consequences: 'Each significant algorithmic choice gets a short record in this folder, reviewed in pull requests.',
};

/**
 * The first record of a new decision log ("Record algorithm decisions", accepted), in the
 * given template, with every section written and, for the algorithm template, criteria, three
 * scored options and `chosen`: a record `adrkit lint` accepts and a worked example of the
 * template. Pure.
 *
 * @param source - handlebars source of the template (see `readRecordTemplate`).
 * @param date - ISO day.
 */
export function renderFirstRecord(template: 'algorithm' | 'madr' | 'nygard', source: string, number: number | undefined, date: string): string {
  let text = renderRecord(source, {
    title: FIRST_RECORD_TITLE,
    number,
    date,
    status: 'accepted',
    template,
    deciders: [],
    tags: [],
    options: template === 'nygard' ? [] : OPTIONS,
    criteria: template === 'algorithm' ? CRITERIA : undefined,
    supersedes: [],
  });
  // Each section's guidance comment becomes prose; option comments become a one-line summary.
  text = text.replace(/^(#{2,3}) ([^\n]+)\n\n<!--[\s\S]*?-->/gm, (whole, level: string, heading: string) => {
    const prose = level === '###' ? OPTION_PROSE[heading.trim()] : PROSE[heading.trim()];
    return prose ? `${level} ${heading}\n\n${prose}` : whole;
  });
  text = text.replace(/\n*<!--[\s\S]*?-->/g, '');
  if (template !== 'algorithm') return text;
  // `chosen` goes after `options`, in the frontmatter the template rendered.
  return editFrontmatter(text, (doc) => doc.set('chosen', 'adr-adrkit'));
}

