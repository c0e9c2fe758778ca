import type { RecordRef } from '../../model/record.js';
import type { RuleRecord } from '../define.js';

/** Key for comparing titles: lower case, letters and digits only. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/^(?:adr[-\s]?)?\d+\s*[-.:)]?\s*/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function stem(ref: string): string {
  const clean = decodeSafe(ref.trim().replace(/[#?].*$/, ''));
  const base = clean.slice(clean.lastIndexOf('/') + 1);
  return base.replace(/\.(md|markdown)$/i, '');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Resolves a record reference (`12`, `"0012"`, `"ADR-0012"`, `"0012-use-x"`, `"0012-use-x.md"`,
 * `"./0012-use-x.md"`, or a title such as `"DNS Infrastructure"`) to a record of the log.
 * Looks within `from`'s log folder first when several logs are given. Pure.
 *
 * @returns the record, or undefined when nothing matches (or the number is ambiguous).
 */
export function resolveRef(ref: RecordRef, records: RuleRecord[], from?: RuleRecord): RuleRecord | undefined {
  const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1);
  const pool = from ? records.filter((r) => dirOf(r.file) === dirOf(from.file)) : records;
  const byNumber = (n: number) => {
    const hits = pool.filter((r) => r.record.number === n);
    return hits.length === 1 ? hits[0] : undefined;
  };
  if (typeof ref === 'number') return byNumber(ref);
  const text = ref.trim();
  if (!text) return undefined;
  const s = stem(text);
  const exact = pool.find((r) => r.record.slug === s || r.record.slug.toLowerCase() === s.toLowerCase());
  if (exact) return exact;
  const numbered = /^(?:adr[-\s_]?)?0*(\d+)$/i.exec(s);
  if (numbered) return byNumber(Number(numbered[1]));
  const key = titleKey(text);
  if (key) {
    const byTitle = pool.filter((r) => titleKey(r.record.title) === key);
    if (byTitle.length === 1) return byTitle[0];
  }
  const leading = /^(?:adr[-\s_]?)?0*(\d+)\b/i.exec(text);
  if (leading) return byNumber(Number(leading[1]));
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
