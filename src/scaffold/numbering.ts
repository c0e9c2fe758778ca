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
