import type { Tokens } from 'marked';
import type { RecordRef, Section } from '../model/record.js';
import type { Status } from '../model/status.js';
import { readDate } from './dates.js';
import { linksIn, plainText, stripComments, type Block } from './markdown.js';
import { normaliseStatus, type StatusMap } from './status.js';
import { fieldOfKey, headingKey, SECTION_HEADINGS, type MetaField } from './vocabulary.js';

/** A metadata value as written, with its 1-based file line. */
export interface MetaValue {
  text: string;
  line: number;
}

/** One dated line of a status section (`2024-01-05 Accepted`, `- 提议 (2023-03-01)`). */
export interface StatusEntry {
  /** ISO day. */
  date: string;
  status: Status | undefined;
  /** The status as written, without the date. */
  text: string;
  line: number;
}

/** A status stated in a note at the top of a record (`**NOTE:** This ADR has been superseded by …`). */
export interface NoteStatus extends MetaValue {
  status: Status;
  ref?: RecordRef;
}

/** Metadata written in the body of a record (see {@link readBodyMetadata}). */
export interface BodyMetadata {
  status?: MetaValue;
  /** The decision date as written; `dateField` is true when a date key exists, even with no readable value. */
  date?: MetaValue;
  dateField: boolean;
  deciders: string[];
  tags: string[];
  supersedes: RecordRef[];
  supersededBy: RecordRef[];
  /** Metadata written as `- Key: value` bullets (MADR 2, log4brains). */
  bullets: boolean;
  /** Metadata written as a table at the top. */
  table: boolean;
  /** Dated lines of the status section, in written order; the last one is the current status. */
  statusHistory: StatusEntry[];
  note?: NoteStatus;
}

/** Longest metadata key read (characters); keys are short, and the bound keeps matching linear. */
const KEY = String.raw`[\p{L}][\p{L}\p{M}() ./-]{0,39}?`;
const KEY_LINE = new RegExp(String.raw`^\s*(?:[-*+]\s+)?(?:\*\*|__|\*|_)?(${KEY})(?:\*\*|__|\*|_)?\s*[:：](?:\*\*|__|\*|_)?([\s\S]*)$`, 'u');
const BARE_DATE = /^\s*(?:[-*+]\s+)?(?:\*\*)?(date|datum|data|fecha)(?:\*\*)?\s+(\d[\d/.-]{5,})\s*$/i;
const NOTE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:note|nota|hinweis|remarque|attention|warning|update|mise à jour)\s*[:：]?(?:\*\*|__)?\s*[:：]?\s*([\s\S]+)$/i;
const SELF = /\b(?:this|the present) (?:adr|record|decision|document|rfc)\b|\b(?:cet adr|cette (?:décision|adr)|diese (?:entscheidung|adr)|este adr|esta decisión|esta decisão)\b/i;

/**
 * Reads metadata written in the body of a decision record, wherever people put it:
 * - before the first `##` heading: `Key: value` lines and bullets in any casing and markup
 *   (`- Status:`, `* statut :`, `- **Status**:`, `**Status:**`, `Status：`), definition lines
 *   (`Status` then `: Accepted`), `Date 09/04/2018` without a colon, two-column metadata tables
 *   (any header row, or the first field as header) and one-row horizontal tables
 *   (`| Status | Date | Author(s) |`), a blockquote under the title (`> Statut : Adopté`,
 *   `> Adopté`), a line holding only a date (`_23 mai 2023_`);
 * - a status section (`## Status`, `## Statut`, `## 状态`, …) that belongs to the record, not to an
 *   unrelated parent heading: its first meaningful line (help blockquotes and HTML comments
 *   skipped), or its dated status-history lines (the last is current);
 * - where no status field exists, a note at the top about the record itself
 *   (`**NOTE:** This ADR has been superseded by [ADR0062](…)`, `… making this ADR obsolete`).
 * Keys are matched in the languages of {@link fieldOfKey}. Fenced code is never read (it is one
 * `code` block). Linear in the size of the text.
 *
 * @param blocks - top-level blocks of the body, with file lines.
 * @param sections - sections of the same blocks.
 * @param statuses - a team's own status words, used to recognise a status line without a key.
 */
export function readBodyMetadata(blocks: Block[], sections: Section[], statuses: StatusMap = {}): BodyMetadata {
  const meta: BodyMetadata = { dateField: false, deciders: [], tags: [], supersedes: [], supersededBy: [], bullets: false, table: false, statusHistory: [] };
  const set = (field: MetaField, value: string, line: number, bullet: boolean) => {
    if (bullet) meta.bullets = true;
    assign(meta, field, value, line);
  };
  let headings = 0;
  let afterTitle = false;
  for (const block of blocks) {
    const token = block.token;
    if (token.type === 'heading') {
      if ((token as Tokens.Heading).depth >= 2 || headings > 0) break;
      headings++;
      afterTitle = true;
      continue;
    }
    const first = afterTitle;
    if (token.type !== 'space') afterTitle = false;
    if (token.type === 'table') {
      if (readTable(token as Tokens.Table, block.line, meta)) meta.table = true;
      continue;
    }
    if (token.type !== 'list' && token.type !== 'paragraph' && token.type !== 'blockquote') continue;
    const quote = token.type === 'blockquote';
    const lines = token.raw.split('\n');
    let found = false;
    lines.forEach((raw, offset) => {
      const line = block.line + offset;
      const text = quote ? raw.replace(/^\s*(?:>\s?)+/, '') : raw;
      const kv = keyValue(text);
      if (kv) {
        found = true;
        set(kv.field, kv.value, line, /^\s*[-*+]\s/.test(text));
        return;
      }
      // Definition-style: `Status` on one line, `: Accepted` on the next.
      const definition = /^\s*:\s+(.+)$/.exec(text);
      const term = offset > 0 ? fieldOfKey(plainText(quote ? lines[offset - 1].replace(/^\s*(?:>\s?)+/, '') : lines[offset - 1])) : undefined;
      if (definition && term) {
        found = true;
        set(term, definition[1], line, false);
      }
    });
    if (found) continue;
    const plain = plainText(token.type === 'blockquote' ? (token as Tokens.Blockquote).text : token.raw);
    // A status blockquote under the title without a key: `> Adopté`, `> Accepted or Rejected`.
    if (quote && first && !meta.status && plain.split(' ').length <= 6) {
      const n = normaliseStatus(plain, statuses);
      if (n.status || n.placeholder) meta.status = { text: plain, line: block.line };
      continue;
    }
    if (token.type === 'paragraph' && !meta.date && plain.length <= 40 && !plain.includes('\n') && readDate(plain)) {
      meta.date = { text: plain, line: block.line };
      meta.dateField = true;
      continue;
    }
    readNote(token.raw, block.line, meta);
  }
  // transcom-style: the note sits in a first section about deprecation.
  const firstSection = sections.find((s) => s.depth >= 2);
  if (!meta.note && firstSection && /deprecat|obsolet|notes?$|notice|status update/i.test(firstSection.heading)) {
    for (const paragraph of firstSection.text.split(/\n\s*\n/)) if (!meta.note) readNote(paragraph, firstSection.line + 2, meta);
  }
  if (!meta.status) readStatusSection(blocks, sections, meta, statuses);
  return meta;
}

/** `Key: value` with a known key, or `Date 2023-09-26` without a colon. */
function keyValue(text: string): { field: MetaField; value: string } | undefined {
  const m = KEY_LINE.exec(text);
  if (m) {
    const field = fieldOfKey(m[1]);
    if (field) return { field, value: m[2] };
  }
  const bare = BARE_DATE.exec(text);
  if (bare) return { field: 'date', value: bare[2] };
  return undefined;
}

function assign(meta: BodyMetadata, field: MetaField, raw: string, line: number): void {
  const value = stripComments(raw).trim();
  switch (field) {
    case 'status':
      if (!meta.status && value) meta.status = { text: statusText(value), line };
      return;
    case 'date':
      meta.dateField = true;
      if (!meta.date && value) meta.date = { text: plainText(value) || value, line };
      return;
    case 'updated':
      return;
    case 'deciders':
      if (meta.deciders.length === 0) meta.deciders = people(value);
      return;
    case 'tags':
      if (meta.tags.length === 0 && !/^[[{]/.test(value)) meta.tags = value.split(/[\s,;]+/).map((t) => plainText(t).replace(/^#/, '')).filter(Boolean);
      return;
    case 'supersedes':
      meta.supersedes.push(...references(value));
      return;
    case 'supersededBy':
      meta.supersededBy.push(...references(value));
      return;
  }
}

/** Names of a `Deciders:` / `Authors:` value; template placeholders and `N/A` give none. */
function people(value: string): string[] {
  if (/^[[{<]/.test(value) && !linksIn(value).length) return [];
  return value
    .split(/\s*(?:[,;]|<br\s*\/?>|\band\b|\bet\b|\bund\b|\by\b|\be\b)\s*/i)
    .map((p) => plainText(p).replace(/^@/, '').trim())
    .filter((p) => p && !/^(?:n\/a|none|tbd|-|\.\.\.)$/i.test(p) && !/^\{.*\}$|^\[.*\]$/.test(p));
}

const SUCCESSOR = /\b(?:superseded|superceded|replaced|invalidated|remplacée?s?|ersetzt|abgelöst)\s+(?:by|par|durch)\s*:?\s*(?:\*\*|__|\*|_)?(?=\[)/giu;

/**
 * The record a body sentence names as this record's successor: the link right after
 * "superseded / replaced by" (`**These IP ranges have been superseded by [ADR #0033](0033-ip-ranges.md).**`),
 * in a paragraph, list or quote of the body (not code, not headings). For a record whose status
 * says it is (partly) superseded without naming the successor. Links to URLs are not records.
 * Linear in the size of the body.
 *
 * @returns the link target (`0033-ip-ranges.md`), or undefined.
 */
export function successorInBody(blocks: Block[]): RecordRef | undefined {
  for (const block of blocks) {
    const type = block.token.type;
    if (type !== 'paragraph' && type !== 'list' && type !== 'blockquote') continue;
    const raw = block.token.raw;
    for (const m of raw.matchAll(SUCCESSOR)) {
      const link = linksIn(raw.slice(m.index + m[0].length, m.index + m[0].length + 400))[0];
      if (link && !/^[a-z][a-z0-9+.-]*:|^#/i.test(link.href)) return link.href.replace(/^\.\//, '');
    }
  }
  return undefined;
}

/** Record references in a `Supersedes:` value: link targets, `ADR-0012` / `#12` numbers; `N/A` and `none` give none. */
export function references(value: string): RecordRef[] {
  const links = linksIn(value);
  if (links.length > 0) return links.map((l) => l.href.replace(/^\.\//, ''));
  const text = plainText(value);
  if (!text || /^(?:n\/a|na|none|nothing|no|-+|—|tbd|aucun|aucune|keine|ninguno|nenhum|无|なし)$/i.test(text) || /^[[{<]/.test(text)) return [];
  const numbers = [...text.matchAll(/(?:^|[\s,;(#])(?:[A-Za-z]{1,8}[-\s]?)?0*(\d{1,6})\b/g)].map((m) => Number(m[1]));
  return numbers.length > 0 ? numbers : [text];
}

/** A status value without decoration; link syntax kept (it names the successor, read as a relation), other markdown removed. The record's `statusText` is its plain form (`statusTextOf`). */
function statusText(value: string): string {
  // Leading emoji and symbols (`✅ Accepted`) are decoration, not the status.
  const text = value.replace(/^[-*+]\s+/, '').replace(/^(?:>\s?)+/, '').replace(/^[^\p{L}\p{N}[{(<`*_"']+/u, '').trim();
  return linksIn(text)[0] ? text.replace(/^[*_`]+|[*_`]+$/g, '').trim() : plainText(text).replace(/^"|"$/g, '');
}

/** Two-column key/value tables (header row included, any header) and one-row horizontal tables. */
function readTable(table: Tokens.Table, line: number, meta: BodyMetadata): boolean {
  const cell = (c: Tokens.TableCell | undefined) => (c ? c.text : '');
  const headerFields = table.header.map((c) => fieldOfKey(plainText(cell(c))));
  if (headerFields.filter(Boolean).length >= 2 && table.rows.length >= 1) {
    headerFields.forEach((field, i) => field && assign(meta, field, cell(table.rows[0][i]), line + 2));
    return true;
  }
  let found = false;
  [table.header, ...table.rows].forEach((row, i) => {
    if (row.length < 2) return;
    const field = fieldOfKey(plainText(cell(row[0])));
    if (!field) return;
    found = true;
    assign(meta, field, cell(row[1]), line + (i === 0 ? 0 : i + 1));
  });
  return found;
}

/** A note about the record itself that states its status. */
function readNote(raw: string, line: number, meta: BodyMetadata): void {
  if (meta.note) return;
  const m = NOTE.exec(raw.replace(/^\s*(?:>\s?)+/gm, ''));
  if (!m) return;
  const text = plainText(m[1].split(/\n\s*\n/)[0]);
  if (!SELF.test(text)) return;
  let status: Status | undefined;
  const replaces = /\b(?:supersedes|replaces|remplace|ersetzt)\s+(?:the\s+)?(?:\[)?((?:ADR|RFC|DR)[-\s]?\d+)/i.exec(text);
  if (replaces && !/\b(?:not|n't|ne)\s+(?:supersede|replace)/i.test(text)) meta.supersedes.push(...references(linksIn(m[1])[0] ? linksIn(m[1])[0].href : replaces[1]));
  if (/\b(?:superseded|superceded|deprecated in favou?r of|replaced by|remplacé par|ersetzt durch)\b/i.test(text)) status = 'superseded';
  else if (/obsolete|deprecated|no longer (?:valid|applies|in use)|retired|obsolète|veraltet/i.test(text)) status = 'deprecated';
  if (!status) return;
  const link = linksIn(m[1])[0];
  const number = /\b(?:ADR|RFC|DR)[-\s]?0*(\d+)/i.exec(text);
  const note: NoteStatus = { text, line, status };
  if (status === 'superseded') note.ref = link ? link.href.replace(/^\.\//, '') : number ? Number(number[1]) : undefined;
  if (note.ref === undefined) delete note.ref;
  meta.note = note;
}

const STATUS_HEADINGS = new Set<string>(SECTION_HEADINGS.status);

/**
 * The status section of the record: a heading from {@link SECTION_HEADINGS}.status whose parent
 * is the title or nothing (a `## Status` under `## Option 2` describes something else).
 */
function statusSection(blocks: Block[], sections: Section[]): Section | undefined {
  const headings = blocks.filter((b) => b.token.type === 'heading').map((b) => ({ depth: (b.token as Tokens.Heading).depth, line: b.line }));
  const titleLine = headings.find((h) => h.depth === 1)?.line;
  for (const section of sections) {
    if (!STATUS_HEADINGS.has(headingKey(section.heading))) continue;
    const index = headings.findIndex((h) => h.line === section.line);
    let parent: { depth: number; line: number } | undefined;
    for (let i = index - 1; i >= 0; i--) if (headings[i].depth < section.depth) { parent = headings[i]; break; }
    if (!parent || (parent.depth === 1 && parent.line === titleLine)) return section;
  }
  return undefined;
}

/** `2024-01-05 Accepted`, `2024-01-05: Accepted`, `Accepted (2024-01-05)`, `Accepted on 2024-01-05`. */
function datedLine(text: string): { date: string; text: string } | undefined {
  if (text.length > 200) return undefined;
  const lead = /^(\S+(?:\s+\S+){0,2}?)\s*(?:[:|–—-]\s*|\s)\s*(\S.*)$/u.exec(text);
  if (lead) {
    const date = readDate(lead[1]);
    if (date && /^\d/.test(lead[1])) return { date, text: lead[2].replace(/^[:|–—-]\s*/, '').trim() };
  }
  const trail = /^(.*?\S)\s*(?:[(,–—-]|\bon\b|\ble\b|\bam\b|\bel\b|\bem\b|于|於)\s*([^()]{6,30}?)\)?$/u.exec(text);
  if (trail) {
    const date = readDate(trail[2]);
    if (date) return { date, text: trail[1].trim() };
  }
  return undefined;
}

function readStatusSection(blocks: Block[], sections: Section[], meta: BodyMetadata, statuses: StatusMap): void {
  const section = statusSection(blocks, sections);
  if (!section) return;
  const rawLines = section.text.split('\n');
  const entries: StatusEntry[] = [];
  let first: MetaValue | undefined;
  let inComment = false;
  rawLines.forEach((raw, offset) => {
    let text = raw.trim();
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      return;
    }
    if (text.startsWith('<!--')) {
      if (!text.includes('-->')) inComment = true;
      return;
    }
    text = stripComments(text).trim();
    if (!text || /^#{1,6}\s/.test(text) || /^\|?\s*:?-{3,}/.test(text)) return;
    const line = section.line + 2 + offset;
    const quoted = /^>/.test(text);
    text = text.replace(/^(?:>\s?)+/, '').replace(/^(?:[-*+]|\d+[.)])\s+/, '');
    // Table cells joined by spaces; split, not `\s*\|` (quadratic on long runs of spaces).
    if (text.includes('|')) text = text.split('|').map((cell) => cell.trim()).filter(Boolean).join(' ');
    text = text.trim();
    if (!text) return;
    const link = linksIn(text)[0];
    const plain = plainText(text).replace(/^[^\p{L}\p{N}]+/u, '');
    if (/^superseded by\b|^replaced by\b|^remplacé par\b/i.test(plain) && link) meta.supersededBy.push(link.href.replace(/^\.\//, ''));
    else if (/^(?:supersedes|replaces|remplace)\b/i.test(plain)) {
      meta.supersedes.push(...references(text.replace(/^\W*(?:supersedes|replaces|remplace)\s*:?/i, '')));
      return;
    }
    const kv = keyValue(text);
    if (kv && kv.field !== 'status') {
      assign(meta, kv.field, kv.value, line);
      return;
    }
    const value = kv ? kv.value.trim() : text;
    const dated = datedLine(plainText(value) || value);
    if (dated) {
      entries.push({ date: dated.date, status: normaliseStatus(dated.text, statuses).status, text: dated.text, line });
      return;
    }
    if (first) return;
    const n = normaliseStatus(plainText(value), statuses);
    // A help blockquote of a template (`> What is the status, such as proposed, accepted …?`) is not the status.
    if (quoted && !n.status && !n.placeholder && plain.split(' ').length > 6) return;
    first = { text: statusText(value), line };
  });
  if (entries.length > 0) {
    meta.statusHistory = entries;
    const current = entries[entries.length - 1];
    meta.status = { text: current.text, line: current.line };
    if (!meta.date) {
      const decided = entries.find((e) => e.status === 'accepted') ?? entries[0];
      meta.date = { text: decided.date, line: decided.line };
    }
  } else if (first) meta.status = first;
}
