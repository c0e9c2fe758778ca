import { isRealIsoDate } from '../util/dates.js';

/**
 * The decision date of a record as `YYYY-MM-DD`: the date written in the record when it is a real
 * calendar date (ISO `YYYY-MM-DD`, `YYYY/MM/DD`, or day-first `DD/MM/YYYY`, `DD/MM/YY` as found in
 * adr-tools logs), else the day of `fallback` (git creation date), else undefined.
 */
export function decisionDay(written: string | undefined, fallback: string | undefined): string | undefined {
  const parsed = written === undefined ? undefined : parseDay(written);
  if (parsed) return parsed;
  return fallback && isRealIsoDate(fallback.slice(0, 10)) ? fallback.slice(0, 10) : undefined;
}

function parseDay(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(t);
  if (m) return valid(m[1], m[2], m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/.exec(t);
  if (m) return valid(m[3].length === 2 ? `20${m[3]}` : m[3], m[2], m[1]);
  return undefined;
}

function valid(y: string, mo: string, d: string): string | undefined {
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isRealIsoDate(day) ? day : undefined;
}

/** `2024-05` -> `May 2024` (English month names; no locale, so output is deterministic). */
export function monthLabel(month: string): string {
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m] = month.split('-');
  return `${names[Number(m) - 1] ?? m} ${y}`;
}
