import type { RecordRef } from '../../model/record.js';
import type { RuleRecord } from '../define.js';
import { decodeUriSafe } from '../../util/uri.js';

/** Key for comparing titles: lower case, letters and digits only. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/^(?:adr[-\s]?)?\d+\s*[-.:)]?\s*/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function stem(ref: string): string {
  const clean = decodeUriSafe(ref.trim().replace(/[#?].*$/, ''));
  const base = clean.slice(clean.lastIndexOf('/') + 1);
  return base.replace(/\.(md|markdown)$/i, '');
}

/** Lookup tables of one log folder, built once per lint run (records arrays are not mutated). */
interface RefIndex {
  bySlug: Map<string, RuleRecord>;
  bySlugLower: Map<string, RuleRecord>;
  /** Records by number; a number used twice maps to undefined (ambiguous). */
  byNumber: Map<number, RuleRecord | undefined>;
  /** Records by title key; a title used twice maps to undefined. */
  byTitle: Map<string, RuleRecord | undefined>;
}

const indexes = new WeakMap<RuleRecord[], Map<string, RefIndex>>();

function dirOf(file: string): string {
  return numberingGroupOf(file);
}

/**
 * The folder whose records share one numbering: the file's folder, or for a record kept as a
 * folder (`rfcs/0002-helm-oci/README.md`) the folder holding it. Ends with `/` (`''` at the root).
 */
export function numberingGroupOf(file: string): string {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (dir && /^(?:readme|index)\.(?:md|markdown|mdx)$/i.test(base)) {
    const parent = dir.slice(0, -1);
    return parent.slice(0, parent.lastIndexOf('/') + 1);
  }
  return dir;
}

function buildIndex(pool: RuleRecord[]): RefIndex {
  const index: RefIndex = { bySlug: new Map(), bySlugLower: new Map(), byNumber: new Map(), byTitle: new Map() };
  const unique = <K>(map: Map<K, RuleRecord | undefined>, key: K, r: RuleRecord) => map.set(key, map.has(key) ? undefined : r);
  for (const r of pool) {
    if (!index.bySlug.has(r.record.slug)) index.bySlug.set(r.record.slug, r);
    if (!index.bySlugLower.has(r.record.slug.toLowerCase())) index.bySlugLower.set(r.record.slug.toLowerCase(), r);
    if (r.record.number !== undefined) unique(index.byNumber, r.record.number, r);
    const key = titleKey(r.record.title);
    if (key) unique(index.byTitle, key, r);
  }
  return index;
}

/** The index of `from`'s log folder (or of all records), cached per records array. */
function indexFor(records: RuleRecord[], from?: RuleRecord): RefIndex {
  let byDir = indexes.get(records);
  if (!byDir) {
    byDir = new Map();
    indexes.set(records, byDir);
  }
  const dir = from ? dirOf(from.file) : '\0all';
  let index = byDir.get(dir);
  if (!index) {
    index = buildIndex(from ? records.filter((r) => dirOf(r.file) === dir) : records);
    byDir.set(dir, index);
  }
  return index;
}

/**
 * Resolves a record reference (`12`, `"0012"`, `"ADR-0012"`, `"0012-use-x"`, `"0012-use-x.md"`,
 * `"./0012-use-x.md"`, or a title such as `"DNS Infrastructure"`) to a record of the log.
 * Looks within `from`'s log folder when given. Pure; lookups are indexed once per records array.
 *
 * @returns the record, or undefined when nothing matches (or the number is ambiguous).
 */
export function resolveRef(ref: RecordRef, records: RuleRecord[], from?: RuleRecord): RuleRecord | undefined {
  const index = indexFor(records, from);
  if (typeof ref === 'number') return index.byNumber.get(ref);
  const text = ref.trim();
  if (!text) return undefined;
  const s = stem(text);
  const exact = index.bySlug.get(s) ?? index.bySlugLower.get(s.toLowerCase());
  if (exact) return exact;
  const numbered = /^(?:adr[-\s_]?)?0*(\d+)$/i.exec(s);
  if (numbered) return index.byNumber.get(Number(numbered[1]));
  const key = titleKey(text);
  if (key) {
    const byTitle = index.byTitle.get(key);
    if (byTitle) return byTitle;
  }
  const leading = /^(?:adr[-\s_]?)?0*(\d+)\b/i.exec(text);
  if (leading) return index.byNumber.get(Number(leading[1]));
  return undefined;
}

/** How a record is best referred to in frontmatter: its number, else its slug. */
export function refTo(target: RuleRecord): RecordRef {
  return target.record.number ?? target.record.slug;
}

/** Frontmatter refs of a relation key as a list (`supersedes: 3` and `supersedes: [3, 4]`). */
export function frontmatterRefs(record: RuleRecord, key: string): RecordRef[] {
  const value = record.record.frontmatter[key];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is RecordRef => typeof v === 'number' || (typeof v === 'string' && v.length > 0));
}
