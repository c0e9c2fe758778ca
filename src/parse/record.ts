import type { Tokens } from 'marked';
import type { Position } from '../model/finding.js';
import type { Criterion, DecisionRecord, Option, RecordFormat, RecordRef, Section } from '../model/record.js';
import { normaliseStatus, type NormalisedStatus } from '../model/status.js';
import { parseFrontmatter, type FrontmatterProblem } from './frontmatter.js';
import { relativeLinks } from './links.js';
import { lexBlocks, linksIn, plainText, sectionsOf, stripComments, type Block } from './markdown.js';
import { parseRecordName } from './filename.js';

/** A problem that keeps a file from being read fully; the lint engine reports it as a finding. */
export interface ParseProblem {
  code: FrontmatterProblem['code'] | 'binary' | 'encoding' | 'empty' | 'too-large' | 'too-deep';
  message: string;
  line: number;
  column: number;
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
export function parseRecord(path: string, text: string): ParsedRecord {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const name = parseRecordName(fileName);
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
  try {
    blocks = lexBlocks(body, fm.bodyLine);
  } catch (error) {
    // marked's lexer recurses once per nesting level: thousands of nested `>` or list markers
    // exhaust the stack (RangeError). Keep the frontmatter metadata, skip the body structure.
    if (!(error instanceof RangeError)) throw error;
    problems.push({ code: 'too-deep', message: 'markdown is nested too deeply to read (thousands of nested quotes, lists or brackets); its sections are ignored', line: fm.bodyLine, column: 1 });
    blocks = [];
  }
  const sections = sectionsOf(blocks);
  const data = fm.data;
  const meta = readBodyMetadata(blocks, sections);
  const h1 = blocks.find((b) => b.token.type === 'heading' && (b.token as Tokens.Heading).depth === 1);
  // A heading made only of markdown marks (`# _`, `# **`) has no plain text: keep it as written
  // rather than give the record an empty title.
  const h1Text = h1 ? (h1.token as Tokens.Heading).text : '';
  const h1Title = h1 ? cleanTitle(plainText(h1Text) || h1Text.trim(), name.number) : undefined;

  const format = detectFormat(name.datePrefix !== undefined, fm.present, data, meta, sections);
  const statusSource = typeof data.status === 'string' ? data.status : meta.status?.text;
  const status: NormalisedStatus | undefined = statusSource !== undefined ? normaliseStatus(statusSource) : undefined;

  // Frontmatter wins over body metadata (an imported record keeps its old status section too).
  const supersedes = refs(data.supersedes).length > 0 ? refs(data.supersedes) : meta.supersedes;
  const supersededBy = refs(data['superseded-by']).length > 0 ? refs(data['superseded-by']) : meta.supersededBy;
  if (status?.supersededBy && supersededBy.length === 0) supersededBy.push(refFromText(linksIn(status.original)[0] ? status.original : status.supersededBy));
  if (status?.supersedes && supersedes.length === 0) supersedes.push(refFromText(status.supersedes));

  const dateValue = typeof data.date === 'string' ? data.date : data.date instanceof Date ? data.date.toISOString().slice(0, 10) : meta.date?.text;
  const titleValue = typeof data.title === 'string' && data.title.trim() ? cleanTitle(data.title.trim(), name.number) : h1Title;

  const fmDeciders = strings(data.deciders ?? data['decision-makers']);
  const record: DecisionRecord = {
    path,
    slug: name.slug,
    number: name.number,
    format,
    title: titleValue ?? name.titleSlug.replace(/[-_]+/g, ' ').trim(),
    status: status?.status,
    statusText: status?.original,
    date: cleanDate(dateValue) ?? name.datePrefix,
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
    links: relativeLinks(body, fm.bodyLine),
  };

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
      if (path === 'status' && !('status' in data) && meta.status) return { line: meta.status.line, column: 1 };
      if (path === 'date' && !('date' in data) && meta.date) return { line: meta.date.line, column: 1 };
      if (path === 'body') return { line: fm.bodyLine, column: 1 };
      if (fm.present) return fm.locate(path);
      return { line: 1, column: 1 };
    },
  };
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
  const numbered = /^(?:adr[-\s]?)?0*(\d+)\b/i.exec(text.trim());
  if (numbered) return Number(numbered[1]);
  return text.trim();
}

function cleanTitle(title: string, number: number | undefined): string {
  let clean = title.replace(/^(?:architecture )?decision record\s*:\s*/i, '');
  const prefix = /^(?:ADR[-\s]?)?(\d+)\s*[-.:)]?\s+|^(?:ADR[-\s]?)?(\d+)\s*[-.:)]\s*/i.exec(clean);
  if (prefix && (number === undefined || Number(prefix[1] ?? prefix[2]) === number)) clean = clean.slice(prefix[0].length);
  return clean.trim() || title;
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
  if (!clean || /yyyy|aaaa/i.test(clean)) return undefined;
  return clean;
}

interface MetaValue {
  text: string;
  line: number;
}

interface BodyMetadata {
  status?: MetaValue;
  date?: MetaValue;
  deciders: string[];
  tags: string[];
  supersedes: RecordRef[];
  supersededBy: RecordRef[];
  bullets: boolean;
}

const KEYS: Record<string, 'status' | 'date' | 'deciders' | 'tags'> = {
  status: 'status',
  statut: 'status',
  date: 'date',
  deciders: 'deciders',
  'decision-makers': 'deciders',
  'decision makers': 'deciders',
  décisionnaires: 'deciders',
  tags: 'tags',
};

/**
 * Reads metadata written in the body: MADR / log4brains bullets before the first `##` heading
 * (`* Status: accepted`, `- Date: 2020-01-01`), an adr-tools `Date:` line, and the `## Status`
 * section of Nygard records (first line is the status; `Supersedes [..](..)` / `Superseded by`
 * lines give links).
 */
function readBodyMetadata(blocks: Block[], sections: Section[]): BodyMetadata {
  const meta: BodyMetadata = { deciders: [], tags: [], supersedes: [], supersededBy: [], bullets: false };
  for (const block of blocks) {
    const token = block.token;
    if (token.type === 'heading' && (token as Tokens.Heading).depth >= 2) break;
    if (token.type !== 'list' && token.type !== 'paragraph') continue;
    const lines = token.raw.split('\n');
    lines.forEach((raw, offset) => {
      // Key length is bounded and the value is trimmed in code: the former `(.*?)\s*$` and unbounded
      // lazy key were quadratic on long runs of spaces (a 1 MB line took minutes).
      const m = /^\s*(?:[-*+]\s+)?(?:\*\*)?([\p{L}][\p{L} -]{0,39}?)(?:\*\*)?\s*:(?:\*\*)?([\s\S]*)$/u.exec(raw);
      const bare = /^\s*(Date)\s+(\d[\d/.-]+)\s*$/i.exec(raw);
      const hit = m ?? bare;
      if (!hit) return;
      const key = KEYS[hit[1].trim().toLowerCase()];
      if (!key) return;
      const value = stripComments(hit[2]).trim();
      if (/^\s*[-*+]/.test(raw)) meta.bullets = true;
      const line = block.line + offset;
      if (key === 'status' && !meta.status) meta.status = { text: value.replace(/^"|"$/g, ''), line };
      else if (key === 'date' && !meta.date) meta.date = { text: value, line };
      else if (key === 'deciders' && meta.deciders.length === 0 && !/^[[{]/.test(value)) meta.deciders = value.split(/\s*,\s*/).filter(Boolean);
      else if (key === 'tags' && meta.tags.length === 0 && !/^[[{]/.test(value)) meta.tags = value.split(/[\s,]+/).filter(Boolean);
    });
  }
  const statusSection = sections.find((s) => s.depth >= 2 && /^(status|statut)$/i.test(s.heading));
  if (statusSection && !meta.status) {
    const lines = statusSection.text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('<!--'));
    if (lines.length > 0) {
      meta.status = { text: plainStatus(lines[0]), line: statusSection.line + 2 };
      for (const line of lines) {
        const link = linksIn(line)[0];
        if (/^superseded by\b/i.test(plainText(line).replace(/^[^\p{L}]+/u, '')) && link) meta.supersededBy.push(link.href);
        else if (/^supersedes\b/i.test(line) && link) meta.supersedes.push(link.href);
      }
    }
  }
  return meta;
}

function plainStatus(line: string): string {
  const link = linksIn(line)[0];
  const text = line.replace(/^[-*+]\s+/, '');
  return link ? text : plainText(text);
}

function detectFormat(
  datePrefixed: boolean,
  hasFrontmatter: boolean,
  data: Record<string, unknown>,
  meta: BodyMetadata,
  sections: Section[],
): RecordFormat {
  if (NATIVE_KEYS.some((key) => key in data)) return 'native';
  if (datePrefixed && !hasFrontmatter && meta.bullets) return 'log4brains';
  if (sections.some((s) => /^(considered options|decision outcome|context and problem statement)$/i.test(s.heading))) return 'madr';
  if (sections.some((s) => /^(status|consequences)$/i.test(s.heading))) return 'nygard';
  if (ADRKIT_KEYS.some((key) => key in data)) return 'native';
  if (hasFrontmatter || meta.bullets) return 'madr';
  return 'nygard';
}

function positionAt(text: string, index: number): Position {
  let line = 1;
  let last = -1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: index - last };
}
