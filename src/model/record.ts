import { z } from 'zod';
import { Status } from './status.js';
import type { Position } from './finding.js';
import { Direction, Evidence } from './evidence.js';

/** ISO 8601 calendar date `YYYY-MM-DD` (format only; calendar validity is a lint rule). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** A reference to another decision record: its number (`12`), or its file name / slug. */
export const RecordRef = z.union([z.number().int().nonnegative(), z.string().min(1)]);
export type RecordRef = z.infer<typeof RecordRef>;

const OneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

/** A decision criterion: what the options are weighed against. */
export const Criterion = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'criterion ids are lower-case kebab-case'),
    name: z.string().min(1),
    weight: z.number().nonnegative().optional().describe('relative weight in the decision matrix'),
    description: z.string().optional(),
    metric: z.string().min(1).optional().describe('measurable criterion: the metric an option\'s evidence reports (`benchmark.metric`, a key of `run.metrics`)'),
    unit: z.string().optional().describe('unit of the metric, e.g. `ms`'),
    direction: Direction.optional().describe('which end of the metric is better (default `higher`)'),
    max: z.number().optional().describe('hard constraint: an option whose measured value is above `max` breaks it (never best)'),
    min: z.number().optional().describe('hard constraint: an option whose measured value is below `min` breaks it (never best)'),
    derive: z.boolean().optional().describe('derive the 1–5 scores of this criterion from the measured values (min-max normalisation, see docs/evidence.md)'),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

/** An option considered by the decision: a model, an implementation, a strategy. */
export const Option = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'option ids are lower-case kebab-case'),
    name: z.string().min(1),
    blip: z.string().min(1).optional().describe('technology radar blip: `blip-id` or `radar-id/blip-id`'),
    ring: z.string().optional().describe('ring of the blip when the decision was made (written by adrkit)'),
    links: z.array(z.string()).optional(),
    scores: z.record(z.string(), z.number()).optional().describe('score per criterion id'),
    evidence: z.array(Evidence).optional().describe('benchmarks, runs, papers, datasets, models and links the option is argued from'),
  })
  .strict();
export type Option = z.infer<typeof Option>;

/**
 * Frontmatter of an adrkit Algorithm Decision Record (see adr/0002). Keys are kebab-case like
 * MADR 4 (`decision-makers`); `number` is not stored: it comes from the file name.
 */
export const Frontmatter = z
  .object({
    title: z.string().min(1),
    status: Status,
    date: IsoDate,
    deciders: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    supersedes: OneOrMany(RecordRef).optional(),
    'superseded-by': OneOrMany(RecordRef).optional(),
    'relates-to': OneOrMany(RecordRef).optional(),
    amends: OneOrMany(RecordRef).optional(),
    criteria: z.array(Criterion).optional(),
    options: z.array(Option).optional(),
    chosen: z.string().optional().describe('id of the chosen option'),
    'revisit-by': IsoDate.optional(),
    'applies-to': OneOrMany(z.string().min(1))
      .optional()
      .describe('globs (picomatch syntax, relative to the project root) of the code paths this decision governs, e.g. `src/ranking/**`'),
    'status-history': z.array(z.object({ status: Status, date: IsoDate }).strict()).optional(),
  })
  .strict();
export type Frontmatter = z.infer<typeof Frontmatter>;

/** Formats adrkit reads. `native` is adrkit's own; the others are read-only imports. */
export const RecordFormat = z.enum(['native', 'madr', 'nygard', 'log4brains']);
export type RecordFormat = z.infer<typeof RecordFormat>;

/** Kinds of relation between records. */
export const RELATIONS = ['supersedes', 'superseded-by', 'relates-to', 'amends'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A markdown section (ATX or setext heading and what follows it, up to the next heading of the same or a higher level). */
export interface Section {
  heading: string;
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** Markdown text of the section body (without the heading). */
  text: string;
}

/** A relative link or image in a record body (`[x](href)`, `![x](href)`, `[x]: href`), with its file position. */
export interface BodyLink {
  href: string;
  position: Position;
}

/**
 * The in-memory decision record, the same for every format. Read-only: produced by the parser,
 * never written back as a whole.
 */
export interface DecisionRecord {
  /** Path relative to the decision log folder, with `/` separators. */
  path: string;
  /** File name without extension: the record's stable id (log4brains uses it as the id). */
  slug: string;
  /** Number from the file name (`0012-x.md` -> 12); undefined for date-prefixed or unnumbered files. */
  number: number | undefined;
  format: RecordFormat;
  title: string;
  /**
   * Where the title comes from when the file itself has none (no H1, frontmatter `title`, or
   * title-like line): `file-name` (the slug, as parsed), `nav` (the MkDocs `nav` entry naming
   * the file), `commit` (the subject of the commit that added it, `Add ADR-007: Spec-First REST
   * API v2`). Absent when the file gives the title.
   */
  titleSource?: 'file-name' | 'nav' | 'commit';
  status: Status | undefined;
  /**
   * Status as written (before normalisation; markdown syntax removed, braces kept), or undefined
   * when the record has none or only an unfilled placeholder (see `statusPlaceholder`).
   */
  statusText: string | undefined;
  /**
   * Decision date as an ISO day `YYYY-MM-DD`, read from whatever shape it was written in
   * (`dateText`); undefined when the record has none or it is not one real day.
   */
  date: string | undefined;
  /** The decision date exactly as written (`2024-14-02`, `Sep 5th, 2023`), when the record has one. */
  dateText?: string;
  /**
   * An unfilled template status as written (`[ accepted | deprecated ]`, `Accepted or Rejected`,
   * `TBD`), kept apart from `statusText`: the record has no status, this text is never shown as
   * one (site, list, index, MCP), and lint quotes it. Exported as data (`adrkit export`).
   */
  statusPlaceholder?: string;
  /** Dated lines of the record's own status section, oldest first as written; the last is current. */
  statusHistory?: Array<{ date: string; status: Status | undefined; text: string }>;
  deciders: string[];
  tags: string[];
  supersedes: RecordRef[];
  supersededBy: RecordRef[];
  relatesTo: RecordRef[];
  amends: RecordRef[];
  criteria: Criterion[];
  options: Option[];
  chosen: string | undefined;
  revisitBy: string | undefined;
  /** Frontmatter as parsed (unknown keys kept), `{}` when the file has none. */
  frontmatter: Record<string, unknown>;
  /** Markdown body after the frontmatter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  sections: Section[];
  /** Relative links and images of the body (not URLs, not `#anchors`, not in code). */
  links: BodyLink[];
}
