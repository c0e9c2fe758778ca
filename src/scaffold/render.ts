import Handlebars from 'handlebars';
import { Document } from 'yaml';
import type { Criterion, Option } from '../model/record.js';
import type { Status } from '../model/status.js';
import { slugify } from '../parse/filename.js';

/** What `adrkit new` asks for. */
export interface NewRecordInput {
  title: string;
  /** Record number; undefined with `numbering: date | short-id` (the file name prefix is the id). */
  number: number | undefined;
  /** ISO day of the decision. */
  date: string;
  status: Status;
  template: 'algorithm' | 'madr' | 'nygard';
  deciders: string[];
  tags: string[];
  /** Option names, each optionally `Name@blip-id`, or options already built (e.g. with the blip's `ring`). */
  options: Array<string | Option>;
  criteria?: Criterion[];
  supersedes: number[];
  /** File names of superseded records, for nygard links. */
  supersedesFiles?: Record<number, string>;
  revisitBy?: string;
}

/** Default criteria of an Algorithm Decision Record: the usual ones plus the algorithm-specific ones. */
export const DEFAULT_CRITERIA: Criterion[] = [
  { id: 'quality', name: 'Quality on our data', weight: 3, description: 'offline metrics on a representative evaluation set' },
  { id: 'implementation', name: 'Reliable existing implementation', weight: 2, description: 'maintained library or reference code, licence, community' },
  { id: 'hardware', name: 'Hardware constraints', weight: 2, description: 'GPU/CPU and memory for training and inference, latency' },
  { id: 'data', name: 'Data needs', weight: 2, description: 'volume and quality of (labelled) data required, and what we have' },
  { id: 'cost', name: 'Cost and maintenance', weight: 1, description: 'run cost, team skills, time to production' },
];

/** Parses `--option "DINOv2@dinov2"` into an option with a radar blip. */
export function parseOptionSpec(spec: string): Option {
  const at = spec.lastIndexOf('@');
  const name = (at > 0 ? spec.slice(0, at) : spec).trim();
  const blip = at > 0 ? spec.slice(at + 1).trim() : undefined;
  const option: Option = { id: slugify(name), name };
  if (blip) option.blip = blip;
  return option;
}

/** Unique option ids (`x`, `x-2`, …) for options whose names slugify alike. */
function uniqueIds(options: Option[]): Option[] {
  const seen = new Map<string, number>();
  return options.map((o) => {
    const n = (seen.get(o.id) ?? 0) + 1;
    seen.set(o.id, n);
    return n === 1 ? o : { ...o, id: `${o.id}-${n}` };
  });
}

/**
 * Renders a new decision record from a handlebars template (`templates/records/<name>.md.hbs`).
 * The frontmatter is built with the `yaml` package (safe quoting of any title), the body with
 * handlebars (no HTML escaping: the output is markdown). Pure.
 *
 * @param templateSource - handlebars source of the template.
 * @returns markdown text of the record.
 */
export function renderRecord(templateSource: string, input: NewRecordInput): string {
  const options = uniqueIds(input.options.map((o) => (typeof o === 'string' ? parseOptionSpec(o) : o)));
  const criteria = input.criteria ?? DEFAULT_CRITERIA;
  let frontmatter: Record<string, unknown>;
  if (input.template === 'algorithm') {
    frontmatter = {
      title: input.title,
      status: input.status,
      date: input.date,
      deciders: input.deciders,
      tags: input.tags,
      ...(input.supersedes.length ? { supersedes: input.supersedes.length === 1 ? input.supersedes[0] : input.supersedes } : {}),
      criteria,
      options,
      ...(input.revisitBy ? { 'revisit-by': input.revisitBy } : {}),
    };
  } else {
    frontmatter = {
      status: input.status,
      date: input.date,
      ...(input.deciders.length ? { 'decision-makers': input.deciders.join(', ') } : {}),
    };
  }
  const doc = new Document(frontmatter);
  const template = Handlebars.compile(templateSource, { noEscape: true, strict: false });
  return template({
    ...input,
    title: input.title.replace(/[\r\n]+/g, ' '),
    frontmatter: doc.toString({ lineWidth: 0 }),
    options,
    criteria,
    statusLabel: input.status.charAt(0).toUpperCase() + input.status.slice(1),
    supersedesLinks: input.supersedes.map((n) => ({ label: String(n), href: input.supersedesFiles?.[n] ?? String(n) })),
  });
}
