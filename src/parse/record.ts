import type { Tokens } from 'marked';
import type { Position } from '../model/finding.js';
import type { Criterion, DecisionRecord, Option, RecordFormat, RecordRef, Section } from '../model/record.js';
import { readDate } from './dates.js';
import { readBodyMetadata, successorInBody, type BodyMetadata } from './metadata.js';
import { normaliseStatus, statusTextOf, type NormalisedStatus, type StatusMap } from './status.js';
import { parseFrontmatter, type FrontmatterProblem } from './frontmatter.js';
import { relativeLinks } from './links.js';
import { lexBlocksIfReadable, linksIn, plainText, sectionsOf, type Block } from './markdown.js';
import { fieldOfKey, headingKey, MADR_TEMPLATE_HEADINGS, SECTION_HEADINGS } from './vocabulary.js';
import { parseRecordName } from './filename.js';
import { positionAt } from '../util/text-position.js';

/** A problem that keeps a file from being read fully; the lint engine reports it as a finding. */
export interface ParseProblem {
  code: FrontmatterProblem['code'] | 'binary' | 'encoding' | 'empty' | 'too-large' | 'too-deep';
  message: string;
  line: number;
  column: number;
}

/** Options of {@link parseRecord}. */
export interface ParseOptions {
  /** A team's own status words (`{ Shipped: 'accepted' }`), the `statuses` setting of the configuration. */
  statuses?: StatusMap;
}

/** Result of {@link parseRecord}. */
export interface ParsedRecord {
  record: DecisionRecord;
  problems: ParseProblem[];
  /** Where each metadata field was read: frontmatter key paths, `section:Status`, `line:N`. */
  locate(path: string): Position;
  /** Whether the file has a frontmatter block. */
  hasFrontmatter: boolean;
}

/** Files larger than this (in bytes of text) are not lexed as markdown; metadata is still read. */
export const MAX_LEX_BYTES = 2_000_000;

/** Keys only an Algorithm Decision Record has; `adrkit import` writes none of them. */
const NATIVE_KEYS = ['criteria', 'revisit-by'];
/**
 * adrkit keys other formats do not use; they mark a native record unless the body is MADR or
 * Nygard shaped (`options` / `chosen` too: `adrkit import` writes them from MADR's Considered
 * Options and Decision Outcome, and the record stays MADR).
 */
const ADRKIT_KEYS = ['options', 'chosen', 'deciders', 'superseded-by', 'status-history', 'relates-to', 'amends'];

/**
 * Parses one decision record in any supported format into the common {@link DecisionRecord}.
 * Formats (detected per file): adrkit native (YAML frontmatter, see `schema/decision-record.schema.json`),
 * MADR 2–4 (frontmatter or `* Status:` bullets), Nygard / adr-tools (`# N. Title`, `Date:`,
 * `## Status`), log4brains (`- Status:` bullets, `YYYYMMDD-slug.md`). Pure and total: never
 * throws; unreadable parts become {@link ParseProblem}s.
 *
 * @param path - path relative to the log folder (`/` separators); the file name gives the number.
 * @param text - file content, decoded as UTF-8.
 */
export function parseRecord(path: string, text: string, options: ParseOptions = {}): ParsedRecord {
  // The whole path: a record kept as a folder (`0003-helm-oci/README.md`) is named by its folder.
  const name = parseRecordName(path);
  const problems: ParseProblem[] = [];
  if (text.length === 0 || text.trim().length === 0) {
    problems.push({ code: 'empty', message: 'file is empty: write the record or delete the file', line: 1, column: 1 });
  }
  if (text.includes('\u0000')) {
    problems.push({ code: 'binary', message: 'file is binary, not markdown: move it out of the decision log folder', line: 1, column: 1 });
    text = '';
  } else if (text.includes('\uFFFD')) {
    const index = text.indexOf('\uFFFD');
    const pos = positionAt(text, index);
    problems.push({ code: 'encoding', message: 'file is not valid UTF-8: re-save it as UTF-8', ...pos });
  }
  const fm = parseFrontmatter(text);
  problems.push(...fm.problems);
  let body = fm.body;
  if (body.length > MAX_LEX_BYTES) {
    problems.push({ code: 'too-large', message: `record body is ${Math.round(body.length / 1e6)} MB; only the first 2 MB are read`, line: fm.bodyLine, column: 1 });
    body = body.slice(0, MAX_LEX_BYTES);
  }
  let blocks: Block[];
  const hostile = superlinearFor(body);
  if (hostile) {
    problems.push({ code: 'too-deep', message: `markdown is too complex to read (${hostile}); its sections are ignored`, line: fm.bodyLine, column: 1 });
    blocks = [];
  } else {
    const lexed = lexBlocksIfReadable(body, fm.bodyLine);
    if (!lexed) problems.push({ code: 'too-deep', message: 'markdown is nested too deeply to read (thousands of nested quotes, lists or brackets); its sections are ignored', line: fm.bodyLine, column: 1 });
    blocks = lexed ?? [];
  }
  const sections = sectionsOf(blocks);
  const data = fm.data;
  const statuses = options.statuses ?? {};
  const meta = readBodyMetadata(blocks, sections, statuses);
  const rawFm = fm.yaml;
  const h1 = titleHeading(blocks);
  // A heading made only of markdown marks (`# _`, `# **`) has no plain text: keep it as written
  // rather than give the record an empty title.
  const h1Text = h1 ? (h1.token as Tokens.Heading).text : '';
  const h1Title = h1 ? cleanTitle(plainText(h1Text) || h1Text.trim()) : undefined;

  const format = detectFormat(name.datePrefix !== undefined, fm.present, data, meta, sections);
  const fmStatus = frontmatterValue(data, rawFm, 'status');
  const statusSource = fmStatus ?? meta.status?.text;
  let status: NormalisedStatus | undefined = statusSource !== undefined ? normaliseStatus(statusSource, statuses) : undefined;
  let statusValue = status?.status;
  if (!status && meta.note) {
    status = { status: meta.note.status, original: meta.note.text, placeholder: false };
    statusValue = meta.note.status;
  }

  // Frontmatter wins over body metadata (an imported record keeps its old status section too).
  const supersedes = refs(data.supersedes).length > 0 ? refs(data.supersedes) : meta.supersedes;
  const supersededBy = refs(data['superseded-by']).length > 0 ? refs(data['superseded-by']) : meta.supersededBy;
  if (status?.supersededBy && supersededBy.length === 0) supersededBy.push(refFromText(linksIn(status.original)[0] ? status.original : status.supersededBy));
  if (status?.supersedes && supersedes.length === 0) supersedes.push(refFromText(status.supersedes));
  if (meta.note?.ref !== undefined && supersededBy.length === 0) supersededBy.push(meta.note.ref);
  // "Partly superseded" with the successor named in the body ("These IP ranges have been superseded by [ADR #0033](…)").
  if (supersededBy.length === 0 && status && !status.placeholder && /supersed|superced|replaced|invalidated|remplac|ersetzt|abgelöst/i.test(status.original)) {
    const successor = successorInBody(blocks);
    if (successor !== undefined) supersededBy.push(successor);
  }

  const fmDate = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : frontmatterValue(data, rawFm, 'date');
  const dateText = cleanDate(fmDate ?? meta.date?.text);
  const hasDateField = fmDate !== undefined || meta.dateField;
  // The H1 names an imported record; else the frontmatter `title`, a `# Title` comment in the
  // frontmatter, or the only line of a heading-less stub (a link to where the record lives).
  const fmTitle = typeof data.title === 'string' && data.title.trim() ? cleanTitle(data.title.trim()) : undefined;
  // adrkit records keep their title in the frontmatter (the heading is a copy).
  const titleValue = (format === 'native' ? fmTitle ?? h1Title : h1Title ?? fmTitle) ?? frontmatterComment(rawFm) ?? onlyLine(blocks);

  const fmDeciders = strings(data.deciders ?? data['decision-makers']);
  const record: DecisionRecord = {
    path,
    slug: name.slug,
    number: name.number,
    format,
    title: titleValue ?? sentenceCase(name.titleSlug.replace(/[-_]+/g, ' ').trim()),
    status: statusValue,
    statusText: status && !status.placeholder ? statusTextOf(status.original) : undefined,
    date: dateText !== undefined ? readDate(dateText) : hasDateField ? undefined : name.datePrefix,
    deciders: fmDeciders.length ? fmDeciders : meta.deciders,
    tags: strings(data.tags).length ? strings(data.tags) : meta.tags,
    supersedes,
    supersededBy,
    relatesTo: refs(data['relates-to']),
    amends: refs(data.amends),
    criteria: Array.isArray(data.criteria) ? (data.criteria.filter(isObject) as Criterion[]) : [],
    options: Array.isArray(data.options) ? (data.options.filter(isObject) as Option[]) : [],
    chosen: typeof data.chosen === 'string' ? data.chosen : undefined,
    revisitBy: typeof data['revisit-by'] === 'string' ? data['revisit-by'] : undefined,
    frontmatter: data,
    body,
    bodyLine: fm.bodyLine,
    sections,
    links: relativeLinks(blocks, fm.bodyLine),
  };
  if (titleValue === undefined) record.titleSource = 'file-name';
  if (dateText !== undefined) record.dateText = dateText;
  if (status?.placeholder) record.statusPlaceholder = statusTextOf(status.original);
  if (meta.statusHistory.length > 0) record.statusHistory = meta.statusHistory.map(({ date, status, text }) => ({ date, status, text }));

  return {
    record,
    problems,
    hasFrontmatter: fm.present,
    locate(path: string): Position {
      if (path.startsWith('section:')) {
        const wanted = path.slice('section:'.length).toLowerCase();
        const section = sections.find((s) => s.heading.toLowerCase() === wanted);
        return { line: section?.line ?? fm.bodyLine, column: 1 };
      }
      if (path === 'title' && !('title' in data) && h1) return { line: h1.line, column: 1 };
      if (path === 'status' && !('status' in data) && (meta.status ?? meta.note)) return { line: (meta.status ?? meta.note)!.line, column: 1 };
      if (path === 'date' && !('date' in data) && meta.date) return { line: meta.date.line, column: 1 };
      if (path === 'body') return { line: fm.bodyLine, column: 1 };
      if (fm.present) return fm.locate(path);
      return { line: 1, column: 1 };
    },
  };
}

/** Nesting depth (list indentation, in columns) and emphasis marks per line beyond which marked's lexer turns superlinear. */
const MAX_INDENT = 200;
const MAX_EMPHASIS_MARKS = 5_000;

/**
 * Why marked would take superlinear time on this markdown, or undefined: list items indented
 * hundreds of levels deep, or a line with thousands of alternating emphasis marks (`_a_a_a…`).
 * One linear scan; no real record comes near either limit.
 */
function superlinearFor(markdown: string): string | undefined {
  let indent = 0;
  let marks = 0;
  let atStart = true;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    if (c === 10) {
      indent = 0;
      marks = 0;
      atStart = true;
      continue;
    }
    if (atStart && (c === 32 || c === 9)) {
      if (++indent > MAX_INDENT) return 'lists nested hundreds of levels deep';
      continue;
    }
    atStart = false;
    if ((c === 95 || c === 42) && ++marks > MAX_EMPHASIS_MARKS) return 'a line with thousands of emphasis marks';
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s*,\s*/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  return [];
}

function refs(value: unknown): RecordRef[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is RecordRef => typeof v === 'number' || (typeof v === 'string' && v.length > 0));
}

/** A record reference from free text: a link target, `ADR-0045`, `036. Multi-cluster`, or a slug. */
export function refFromText(text: string): RecordRef {
  const link = linksIn(text)[0];
  if (link) return link.href.replace(/^\.\//, '');
  const numbered = /^(?:[a-z]{1,8}[-\s]?)?0*(\d+)\b/i.exec(text.trim());
  if (numbered) return Number(numbered[1]);
  return text.trim();
}

/** Record identifiers written before a title: `ADR-0001`, `ADR025`, `ADD037`, `DR003`, `RFC-0002`, `ODH-ADR-DR-0001`, `ADR 002`. */
const IDENTIFIER = String.raw`(?:[A-Z]{2,5}-)?(?:ADR|ADD|AD|DR|RFC|KEP|DEC|MADR)(?:-[A-Za-z]{1,12})*[-_ ]?\d+[a-z]?`;
const ID_PREFIX = new RegExp(String.raw`^${IDENTIFIER}\s*(?:[:.)–—-]\s*|\s+)`, 'i');
const ID_INSIDE = new RegExp(String.raw`\s[-–—:]\s${IDENTIFIER}\s[-–—:]\s`);

/**
 * A title without the record identifier and template words around it: `12. `, `n. ` (the
 * adr-tools placeholder), `ADR-0001: `, `DR003 - `, `RFC-0002 `, `ADR: `, `ADR - `, a ticket id
 * after `ADR` (`ADR RHAISTRAT-979 "…"`), `Architecture Decision Record: `, an identifier between
 * dashes (`Open Data Hub - ODH-ADR-0003 - …`), surrounding quotes, and a trailing version after
 * an identifier (`ADR 002 – … Version 0.2.0`).
 */
export function cleanTitle(title: string): string {
  let clean = title.trim().replace(/^(?:architecture )?decision record\s*:\s*/i, '');
  const hadId = ID_PREFIX.test(clean);
  clean = clean.replace(ID_PREFIX, '');
  if (!hadId) clean = clean.replace(/^(?:ADR|RFC)\s*(?:[:–—-]\s*|\s+(?=[\p{Lu}"“]))/u, '');
  clean = clean.replace(/^[A-Z][A-Z0-9]+-\d+\s+(?=\S)/, '');
  clean = clean.replace(/^(?:\d{1,5}|n)\s*[.:)–—-]\s*|^\d{1,4}\s+(?=\p{L})/u, '');
  clean = clean.replace(ID_INSIDE, ' - ');
  if (hadId) clean = clean.replace(/\s+(?:version\s+)?v?\d+\.\d+\.\d+$/i, '');
  clean = clean.replace(/\s+version\s+v?\d+(?:\.\d+)+$/i, '');
  const quoted = /^["“'‘](.*)["”'’]$/.exec(clean.trim());
  if (quoted) clean = quoted[1];
  return clean.trim() || title.trim();
}

/**
 * A record's title from the subject of the commit that added it, when the subject names the
 * record by its number (`Add ADR-007: Spec-First REST API v2 (#1797)`, `Add "ADR-001: Drop Kafka
 * Dependency"`, `docs: RFC 12 - Tracing`): the words after the identifier, without surrounding
 * quotes or a trailing pull-request number `(#1234)`. Pure.
 *
 * @param subject - the commit subject line.
 * @param number - the record's number (from its file name).
 * @returns the title, or undefined when the subject does not name the record by its number with a
 *   title after it (`Add ADR for consolidating user tables`, `Renumber ADR-7`).
 */
export function titleFromCommitSubject(subject: string, number: number | undefined): string | undefined {
  if (number === undefined || subject.length > 300) return undefined;
  const m = /(?:^|[\s"“'‘(\[])(?:ADR|ADD|AD|DR|RFC|KEP|DEC|MADR)[-_ #]?0*(\d{1,6})\s*(?:[:–—]|\s-)\s*(\S.*)$/i.exec(subject);
  if (!m || Number(m[1]) !== number) return undefined;
  const title = m[2]
    .replace(/\s*\((?:#|[\w.-]+\/[\w.-]+#)\d+\)\s*$/, '')
    .replace(/^["“'‘`]+|["”'’`]+$/g, '')
    .trim();
  return title ? plainText(title) || title : undefined;
}

/** The title heading: the first level-1 heading, when no lower-level heading comes before it. */
function titleHeading(blocks: Block[]): Block | undefined {
  for (const block of blocks) {
    if (block.token.type !== 'heading') continue;
    return (block.token as Tokens.Heading).depth === 1 ? block : undefined;
  }
  return undefined;
}

/**
 * A frontmatter value as text. YAML reads template braces around a value (`status: { accepted }`,
 * `date: {2023-11-10}`) as a mapping: the value is then taken from the line as written. Localised
 * keys (`statut`, `estado`, `datum`) count when the English key is absent.
 */
function frontmatterValue(data: Record<string, unknown>, raw: string, field: 'status' | 'date'): string | undefined {
  const key = field in data ? field : Object.keys(data).find((k) => fieldOfKey(k) === field);
  if (key === undefined) return undefined;
  const value = data[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return undefined;
  const line = new RegExp(String.raw`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\s*:\s*(.+?)\s*$`, 'm').exec(raw);
  return line ? line[1].replace(/\s+#.*$/, '') : undefined;
}

/** A `# Title` comment line inside the frontmatter YAML (the only title some records have). */
function frontmatterComment(yaml: string): string | undefined {
  const m = /^#\s+(\S.*?)\s*$/m.exec(yaml);
  // MADR's template comment (`# These are optional elements. Feel free to remove any of them.`) is prose, not a title.
  return m && !/[.!?]$|\.\s/.test(m[1]) ? cleanTitle(m[1]) : undefined;
}

/** The text of a record that is one short line and no heading (a sign-post to the real record). */
function onlyLine(blocks: Block[]): string | undefined {
  const content = blocks.filter((b) => b.token.type !== 'space' && b.token.type !== 'html');
  if (content.length !== 1 || content[0].token.type !== 'paragraph') return undefined;
  const text = plainText(content[0].token.raw);
  return text && text.length <= 120 && !content[0].token.raw.trim().includes('\n') ? text : undefined;
}

/** A title made from a file-name slug: first letter upper case, the rest as written. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * True for a template kept inside the numbered sequence (MADR's `0000-template.md`, a localised
 * `0000-modele-adr.md`): its title names a template and its body is mostly `{placeholders}`.
 */
export function looksLikeTemplate(record: DecisionRecord): boolean {
  const named = /^(?:adr[- ]?)?(?:template|mod[eè]le|skeleton)\b/i.test(record.title) ||
    /^\d*-?(?:adr-)?(?:template|modele|skeleton)(?:-adr)?$/i.test(record.slug);
  if (!named) return false;
  const placeholders = record.body.match(/\{[^{}\n]{3,}\}|\[[^\]\n]*\|[^\]\n]*\]/g) ?? [];
  return placeholders.length >= 3;
}

function cleanDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const clean = text.trim().replace(/^\[(.*)\]$/, '$1').trim();
  return clean || undefined;
}

/** Frontmatter keys of MADR 3/4 (and its Jekyll navigation) that adrkit records do not use. */
const MADR_KEYS = ['consulted', 'informed', 'contact', 'parent', 'nav_order'];
/** Headings only MADR has (its template's, translated). */
const MADR_HEADINGS = new Set(MADR_TEMPLATE_HEADINGS.filter((h) => h !== 'decision drivers'));
/** Nygard's Status and Consequences headings, in every language of the vocabulary. */
const NYGARD_HEADINGS = new Set<string>([...SECTION_HEADINGS.status, 'consequences', 'conséquences', 'konsequenzen', 'consecuencias', 'consequências', '后果', '結果']);

function detectFormat(
  datePrefixed: boolean,
  hasFrontmatter: boolean,
  data: Record<string, unknown>,
  meta: BodyMetadata,
  sections: Section[],
): RecordFormat {
  if (NATIVE_KEYS.some((key) => key in data)) return 'native';
  if (datePrefixed && !hasFrontmatter && meta.bullets) return 'log4brains';
  const headings = sections.map((s) => headingKey(s.heading));
  if (headings.some((h) => MADR_HEADINGS.has(h))) return 'madr';
  if (headings.some((h) => NYGARD_HEADINGS.has(h))) return 'nygard';
  if (MADR_KEYS.some((key) => key in data)) return 'madr';
  if (ADRKIT_KEYS.some((key) => key in data)) return 'native';
  if (hasFrontmatter || meta.bullets) return 'madr';
  return 'nygard';
}

