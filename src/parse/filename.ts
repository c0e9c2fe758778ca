/** What a file in a decision log folder is. */
export type FileKind = 'record' | 'index' | 'template' | 'other';

/** Parts of a record file name. */
export interface RecordName {
  /**
   * File name without extension; for a record kept as a folder (`0003-helm-oci/README.md`), the
   * folder name.
   */
  slug: string;
  /**
   * Record number, when the name carries one: `0012-x`, `12-x`, `012-x`, `adr-012-x`, `ADR-12`,
   * `adr_12_x`, `ADR012-x`, `DR003 - x`, `RFC-0002`, `ODH-ADR-Operator-0007-x` (a category between
   * the prefix and the number).
   */
  number: number | undefined;
  /**
   * Date when the name starts with one (`YYYYMMDD-` as log4brains, `YYYY-MM-DD-`, `YYYY-MM-DD.`
   * as Docusaurus blogs), as `YYYY-MM-DD`.
   */
  datePrefix: string | undefined;
  /** The part after the number or date prefix. */
  titleSlug: string;
  /** True when the name says it is a decision record (`adr-x`, `ADR-12`, `DR003`, `RFC-0002`). */
  prefixed: boolean;
}

const MARKDOWN = /\.(md|markdown)$/i;
const INDEX = /^(readme|index|toc|summary|_sidebar|changelog|changes|history|license|licence|contributing|code_of_conduct|security|adrs?|decisions|decision-log|log)$/i;
const TEMPLATE = /(^|[-_.\s])(template|templates|modele|modèle|skeleton)([-_.\s]|$)/i;
/** A name that is only "template" after its number (`DR000 - template`, `ODH-ADR-0000-template`, `0000-modele-adr`). */
const TEMPLATE_ONLY = /^(?:adr[-_ ]?)?(?:template|modele|modèle|skeleton)(?:[-_ ]?adr)?$/i;
/** A name that is only a placeholder number (`RFC-0000`, `0000`, `ADR-000`): a template. */
function isPlaceholderNumber(stem: string): boolean {
  return /^(?:[a-z]{2,4}[-_ ]?)?0{3,}$/i.test(stem);
}

/** File names of a record kept as a folder: `<folder>/README.md` or `<folder>/index.md`. */
export const FOLDER_RECORD = /^(readme|index)\.(md|markdown)$/i;

/**
 * Classifies a file of a decision log folder by its name: index and README files (also
 * `000-index.md`, `ADR.md`), templates (`template.md`, `adr-template.md`, `0000-modele-adr.md`)
 * and non-markdown files are not records.
 *
 * @param fileName - base name, e.g. `0003-use-x.md`, or a path relative to the log folder.
 */
export function classifyFile(fileName: string): FileKind {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (!MARKDOWN.test(base)) return 'other';
  const stem = base.replace(MARKDOWN, '');
  if (INDEX.test(stem)) return 'index';
  const name = parseRecordName(base);
  if ((name.number !== undefined || name.datePrefix !== undefined) && INDEX.test(name.titleSlug)) return 'index';
  if (TEMPLATE_ONLY.test(name.titleSlug) || isPlaceholderNumber(stem)) return 'template';
  // A numbered file is a record even when its title mentions templates (`0039-use-x-as-template-engine`);
  // other numbered templates are recognised from their content (see `looksLikeTemplate`).
  if (TEMPLATE.test(stem) && name.number === undefined && name.datePrefix === undefined) return 'template';
  return 'record';
}

const DATE = /^((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:[-_.\s]+(.*))?$/;
/** `[project-]prefix[-category]-number[-slug]`; the prefix names a decision record. */
const PREFIXED = /^(?:[a-z][a-z0-9]{1,9}[-_])?(?:adr|add|ad|dr|rfc|mdr|kep|dec)(?:[-_\s]?([a-z][a-z0-9]{0,19})[-_])?[-_\s]?(\d{1,7})(?![a-z\d])(?:[-_.:\s]+(.*))?$/i;
const PREFIX_ONLY = /^(?:[a-z][a-z0-9]{1,9}[-_])?(?:adr|rfc)(?:[-_\s]+(.*)|$)/i;
const NUMBERED = /^(\d{1,7})(?![a-z\d])(?:[-_.:\s]+(.*))?$/i;

/**
 * Splits a record file name into number or date prefix and title slug. `YYYYMMDD-` and
 * `YYYY-MM-DD` prefixes that are real dates are dates, not numbers. For `<folder>/README.md` and
 * `<folder>/index.md`, the folder name is read (one folder per record).
 *
 * @param path - base name or path relative to the log folder (`/` separators).
 */
export function parseRecordName(path: string): RecordName {
  let parsed = parsedNames.get(path);
  if (!parsed) {
    if (parsedNames.size >= MAX_PARSED_NAMES) parsedNames.clear();
    parsed = parseName(path);
    parsedNames.set(path, parsed);
  }
  return { ...parsed };
}

/**
 * Where the record number sits in a file name (`0003-x.md`, `ADR-7.md`, `ODH-ADR-Operator-0007-x.md`):
 * start and end offsets of its digits in `fileName`, or undefined when the name has no number
 * (dates are not numbers). Follows the same patterns as {@link parseRecordName}.
 */
export function recordNumberSpan(fileName: string): { start: number; end: number } | undefined {
  const slug = fileName.replace(MARKDOWN, '');
  if (DATE.test(slug)) return undefined;
  const numbered = /^(\d{1,7})(?![a-z\d])/i.exec(slug);
  if (numbered) return { start: 0, end: numbered[1].length };
  const prefixed = new RegExp(PREFIXED.source, 'id').exec(slug);
  const digits = prefixed?.indices?.[2];
  return digits ? { start: digits[0], end: digits[1] } : undefined;
}

/** Names parsed so far: a log's names are parsed several times (classify, discovery, order). */
const parsedNames = new Map<string, RecordName>();
const MAX_PARSED_NAMES = 50_000;

function parseName(path: string): RecordName {
  const parts = path.split('/');
  let base = parts.at(-1) ?? path;
  if (parts.length > 1 && FOLDER_RECORD.test(base)) base = parts.at(-2)!;
  const slug = base.replace(MARKDOWN, '');
  const date = DATE.exec(slug);
  if (date) return { slug, number: undefined, datePrefix: `${date[1]}-${date[2]}-${date[3]}`, titleSlug: date[4] ?? '', prefixed: false };
  const numbered = NUMBERED.exec(slug);
  if (numbered) return { slug, number: Number(numbered[1]), datePrefix: undefined, titleSlug: numbered[2] ?? '', prefixed: false };
  const prefixed = PREFIXED.exec(slug);
  if (prefixed) return { slug, number: Number(prefixed[2]), datePrefix: undefined, titleSlug: prefixed[3] ?? '', prefixed: true };
  const only = PREFIX_ONLY.exec(slug);
  if (only) return { slug, number: undefined, datePrefix: undefined, titleSlug: only[1] ?? '', prefixed: true };
  return { slug, number: undefined, datePrefix: undefined, titleSlug: slug, prefixed: false };
}

/**
 * True when a name says by itself that it is a record: a number, a date or a record prefix
 * (`0003-x`, `20240105-x`, `ADR-7`, `adr-cors`). Decision log discovery counts these.
 */
export function isRecordName(path: string): boolean {
  const name = parseRecordName(path);
  return name.number !== undefined || name.datePrefix !== undefined || name.prefixed;
}

/**
 * Orders records the way a reader counts them: by number (numerically: 2 before 10), then by
 * date prefix, then by name (code points); records without number or date come last.
 */
export function compareRecordNames(a: string, b: string): number {
  return compareKeys(recordSortKey(a), recordSortKey(b));
}

/** Sorts names in {@link compareRecordNames} order, parsing each name once. */
export function sortRecordNames<T>(items: T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: recordSortKey(nameOf(item)) }));
  keyed.sort((x, y) => compareKeys(x.key, y.key));
  return keyed.map((k) => k.item);
}

type SortKey = [number, string, string];

function recordSortKey(name: string): SortKey {
  const parsed = parseRecordName(name);
  return [parsed.number ?? Number.POSITIVE_INFINITY, parsed.datePrefix ?? '\uffff', name];
}

function compareKeys(x: SortKey, y: SortKey): number {
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
  return x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0;
}

/**
 * True when a file name starts with a short id (`numbering: short-id`, e.g. `k3x9a2-slug.md`):
 * 6 lower-case base36 characters, a letter first and at least one digit.
 */
export function hasShortIdPrefix(fileName: string): boolean {
  return /^[a-z](?=[a-z0-9]{0,4}\d)[a-z0-9]{5}-/.test(fileName);
}

/**
 * Turns a title into a file-name slug: lower case, ASCII letters and digits separated by single
 * dashes, accents folded, at most 60 characters; never empty, never containing `/`, `\` or `..`.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'decision';
}

/** Formats a record number with zero padding (`4` digits by default, as adr-tools and MADR do). */
export function formatNumber(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}
