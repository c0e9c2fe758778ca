import { isRealIsoDate } from '../util/dates.js';
import { defineRule } from './define.js';

const pad = (n: number | string) => String(n).padStart(2, '0');

/** A hint for common non-ISO date spellings, or the empty string. */
export function dateHint(text: string): string {
  const swapped = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (swapped) {
    const [y, a, b] = [swapped[1], Number(swapped[2]), Number(swapped[3])];
    const guess = `${y}-${pad(b)}-${pad(a)}`;
    if (a > 12 && b <= 12 && isRealIsoDate(guess)) return ` (looks like YYYY-DD-MM: did you mean ${guess}?)`;
    const padded = `${y}-${pad(a)}-${pad(b)}`;
    if (padded !== text && isRealIsoDate(padded)) return ` (write it with two-digit month and day: ${padded})`;
    return '';
  }
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(text);
  if (dmy) {
    const year = dmy[3].length === 2 ? `20${dmy[3]}` : dmy[3];
    const [d, m] = [Number(dmy[1]), Number(dmy[2])];
    const dayFirst = `${year}-${pad(m)}-${pad(d)}`;
    const monthFirst = `${year}-${pad(d)}-${pad(m)}`;
    if (isRealIsoDate(dayFirst) && !isRealIsoDate(monthFirst)) return ` (looks like DD/MM/YYYY: write ${dayFirst})`;
    if (!isRealIsoDate(dayFirst) && isRealIsoDate(monthFirst)) return ` (looks like MM/DD/YYYY: write ${monthFirst})`;
    if (dayFirst === monthFirst) return ` (write ${dayFirst})`;
    if (isRealIsoDate(dayFirst)) return ` (write ${dayFirst} if it is day/month/year, ${monthFirst} if month/day/year)`;
  }
  return '';
}

/** An unfilled template date: `YYYY-MM-DD`, `[YYYY-MM-DD when …]`, `insert date`, `{date}`, `TBD`. */
export function isDatePlaceholder(text: string): boolean {
  return /yyyy|aaaa|jjjj|\bdd\b|\bmm\b|insert|\bdate\b|^\{.*\}$|^\[.*\]$|^(?:tbd|todo|tba|n\/a|\.\.\.|…)$/i.test(text.trim());
}

/** A month without a day: `January, 2026`, `May 2026`, `2026-05`, `05/2026`. */
export function isMonthOnly(text: string): boolean {
  return /^\s*(?:\p{L}{3,}\.?\s*,?\s*\d{4}|\d{4}-\d{1,2}|\d{1,2}\/\d{4})\s*$/u.test(text);
}

export default defineRule({
  meta: {
    id: 'valid-date',
    description: 'Dates (`date`, `revisit-by`, `status-history[].date`) are real ISO 8601 calendar dates (YYYY-MM-DD), and `date` is not in the future.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    messages: {
      invalid: '{{key}} "{{value}}" is not a real ISO date YYYY-MM-DD{{hint}}',
      future: 'date {{value}} is in the future (today is {{today}})',
      month: 'date "{{value}}" names a month, not a day: write the day of the decision (YYYY-MM-DD)',
      placeholder: 'date "{{value}}" is an unfilled template placeholder: write the decision date as YYYY-MM-DD',
    },
    docs: 'Catches swapped month and day (`2024-14-02`), impossible days (`2023-02-30`), partial dates (`January, 2026`) and placeholders (`insert date`). adrkit records must write ISO dates; records of other formats may keep their own spelling (`Sep 5th, 2023`, `05/02/2018`, `23 mai 2023`) as long as it reads as one real day.',
  },
  check({ target, today, report }) {
    const { record } = target;
    const fm = record.frontmatter;
    const check = (key: string, value: unknown, path: string) => {
      if (typeof value !== 'string') return false;
      let text = value.trim();
      // imported records sometimes annotate the date: `Date: 2024-05-22 (back dated)`
      const annotated = /^(\d{4}-\d{2}-\d{2})\s+\([^)]*\)$/.exec(text);
      if (annotated && record.format !== 'native') text = annotated[1];
      if (isRealIsoDate(text)) return true;
      report({ messageId: 'invalid', data: { key, value: text, hint: dateHint(text) }, path });
      return false;
    };
    const written = record.dateText ?? record.date;
    let fine: boolean;
    if (written === undefined) fine = false;
    else if (record.format === 'native') fine = check('date', written, 'date');
    else {
      // Other formats keep their own spelling (`Sep 5th, 2023`, `05/02/2018`, `2023-9-15`) as long
      // as it reads as one real day; a date read only by swapping month and day is a mistake.
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(written.trim());
      const swapped = iso !== null && record.date !== undefined && Number(iso[2]) !== Number(record.date.slice(5, 7));
      fine = record.date !== undefined && !swapped;
      if (!fine && isDatePlaceholder(written)) report({ messageId: 'placeholder', data: { value: written }, path: 'date', severity: 'warn' });
      else if (!fine && isMonthOnly(written)) report({ messageId: 'month', data: { value: written }, path: 'date', severity: 'warn' });
      else if (!fine) report({ messageId: 'invalid', data: { key: 'date', value: written, hint: dateHint(written.trim()) }, path: 'date' });
    }
    if (fine && record.date !== undefined && record.date > today) {
      report({ messageId: 'future', data: { value: record.date, today }, path: 'date' });
    }
    check('revisit-by', fm['revisit-by'], 'revisit-by');
    const history = fm['status-history'];
    if (Array.isArray(history)) {
      history.forEach((entry, i) => {
        if (entry && typeof entry === 'object') check(`status-history[${i}].date`, (entry as Record<string, unknown>).date, `status-history[${i}].date`);
      });
    }
  },
});
