/** What a file in a decision log folder is. */
export type FileKind = 'record' | 'index' | 'template' | 'other';

/** Parts of a record file name. */
export interface RecordName {
  /** File name without extension. */
  slug: string;
  /** Record number, when the name starts with one (`0012-`, `012-`, `adr-012-`, `ADR-0012-`). */
  number: number | undefined;
  /** Creation date when the name starts with `YYYYMMDD-` (log4brains), as `YYYY-MM-DD`. */
  datePrefix: string | undefined;
  /** The part after the number or date prefix. */
  titleSlug: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const INDEX = /^(readme|index|toc|summary|_sidebar|changelog|license|contributing)$/i;
const TEMPLATE = /(^|[-_.])(template|templates|modele|modèle|skeleton)([-_.]|$)/i;

/**
 * Classifies a file of a decision log folder by its name: index and README files, templates
 * (`template.md`, `adr-template.md`, `0000-modele-adr.md`) and non-markdown files are not records.
 *
 * @param fileName - base name, e.g. `0003-use-x.md`.
 */
export function classifyFile(fileName: string): FileKind {
  if (!MARKDOWN.test(fileName)) return 'other';
  const stem = fileName.replace(MARKDOWN, '');
  if (INDEX.test(stem)) return 'index';
  // A numbered file is a record even when its title mentions templates (`0039-use-x-as-template-engine`);
  // numbered templates are recognised from their content (see `looksLikeTemplate`).
  if (TEMPLATE.test(stem) && parseRecordName(fileName).number === undefined && parseRecordName(fileName).datePrefix === undefined) return 'template';
  return 'record';
}

/**
 * Splits a record file name into number or date prefix and title slug.
 * `YYYYMMDD-` prefixes that are real dates (log4brains) are dates, not numbers.
 */
export function parseRecordName(fileName: string): RecordName {
  const slug = fileName.replace(MARKDOWN, '');
  const date = /^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[-_](.*)$/.exec(slug);
  if (date) return { slug, number: undefined, datePrefix: `${date[1]}-${date[2]}-${date[3]}`, titleSlug: date[4] };
  const numbered = /^(?:adr[-_ ]?)?(\d{1,7})(?:[-_. ]+(.*))?$/i.exec(slug);
  if (numbered) return { slug, number: Number(numbered[1]), datePrefix: undefined, titleSlug: numbered[2] ?? '' };
  return { slug, number: undefined, datePrefix: undefined, titleSlug: slug };
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
