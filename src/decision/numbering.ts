import { parseRecordName } from '../parse/filename.js';

/**
 * The next record number: one more than the highest number used by any file name in `names`
 * (records, templates and stray files alike), 1 for an empty folder, 0 never (reserved by MADR
 * for the template). Gaps are not reused: a deleted record's number stays retired.
 */
export function nextNumber(names: Iterable<string>): number {
  let max = 0;
  for (const name of names) {
    const n = parseRecordName(name).number;
    if (n !== undefined && n > max && n < 1e7) max = n;
  }
  return max + 1;
}

/** Zero-padding width used by an existing log (the most common number width), or `fallback`. */
export function detectDigits(names: Iterable<string>, fallback = 4): number {
  const counts = new Map<number, number>();
  for (const name of names) {
    const m = /^(?:adr-)?(\d+)-/i.exec(name);
    if (m && !/^\d{8}$/.test(m[1])) counts.set(m[1].length, (counts.get(m[1].length) ?? 0) + 1);
  }
  let best = fallback;
  let bestCount = 0;
  for (const [digits, count] of counts) if (count > bestCount) [best, bestCount] = [digits, count];
  return best;
}

/**
 * File name prefix of `numbering: date` (log4brains): the decision day as `YYYYMMDD`.
 * @param day - ISO day `YYYY-MM-DD`.
 */
export function datePrefix(day: string): string {
  return day.replace(/-/g, '');
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * File name prefix of `numbering: short-id`: 6 base36 characters, a letter first and at least one
 * digit, so it never reads as a record number (`0012-`) or a date (`20240101-`).
 * @param random - source of numbers in [0, 1); tests inject a deterministic one.
 */
export function shortId(random: () => number): string {
  const pick = (alphabet: string) => alphabet[Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length))];
  const chars = [pick(BASE36.slice(10)), ...Array.from({ length: 5 }, () => pick(BASE36))];
  if (!chars.some((c) => /\d/.test(c))) chars[5] = pick(BASE36.slice(0, 10));
  return chars.join('');
}

export { hasShortIdPrefix } from '../parse/filename.js';

/**
 * The folder whose records share one numbering: the file's folder, or for a record kept as a
 * folder (`rfcs/0002-helm-oci/README.md`) the folder holding it. Ends with `/` (`''` at the root).
 *
 * @param file - path of the record file, `/` separators.
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
