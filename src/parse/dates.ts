import { isRealIsoDate } from '../util/dates.js';

/** Month names and abbreviations (English, French, German, Spanish, Portuguese, Italian, Dutch), lower case, accents kept. */
const MONTHS: Record<string, number> = {};
const NAMES: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'jänner', 'enero', 'ene', 'janeiro', 'gennaio', 'januari'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'februar', 'febrero', 'fevereiro', 'fev', 'febbraio', 'februari'],
  ['march', 'mar', 'mars', 'märz', 'maerz', 'marzo', 'março', 'marco', 'maart'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'junho', 'giugno'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'julho', 'luglio'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'set', 'settembre'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'outubro', 'out', 'ottobre'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'dezember', 'dez', 'diciembre', 'dic', 'dezembro', 'dicembre'],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** How to read `NN/NN/YYYY`: day first (most of the world, the default) or month first (US). */
export type DayOrder = 'dmy' | 'mdy';

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  const text = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isRealIsoDate(text) ? text : undefined;
}

function year(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/**
 * Reads a decision date as people write it and returns it as ISO `YYYY-MM-DD`, or `undefined`
 * when it is not one real calendar day (partial `January, 2026`, placeholders `insert date`,
 * `YYYY-MM-DD`, impossible `2024-023-2706`).
 *
 * Shapes: ISO `2024-02-14` (also unpadded `2023-9-15`, and `2024-14-02`, which has no month 14
 * and is read as YYYY-DD-MM), `14/02/2024`, `14.02.2024`, `14-02-2024`, `14/02/24` (day first
 * unless `order` is `mdy`; a first number over 12 is always the day), `11-April-2023`,
 * `8 Jun 2024`, `Sep 5th, 2023`, `September 20, 2024`, French / Spanish / Portuguese / German
 * words (`23 mai 2023`, `1er juin 2023`, `5 de março de 2024`, `5. März 2024`), CJK
 * `2024年3月5日`. Surrounding markdown (`_…_`, `**…**`), brackets, template braces and a trailing
 * note (`2024-05-22 (back dated)`, `2024-10-31 :ghost:`) are ignored.
 *
 * @param text - the date as written.
 * @param order - reading of ambiguous `NN/NN/YYYY` dates.
 */
export function readDate(text: string, order: DayOrder = 'dmy'): string | undefined {
  let t = text.trim().slice(0, 120);
  t = t.replace(/^[\s*_`[{(<"']+|[\s*_`\]})>"'.]+$/g, '').trim();
  // A trailing note: `(back dated)`, `:ghost:`, `— updated 2025`; the date is the first token group.
  let m = /^(\d{4})-(\d{1,3})-(\d{1,4})(?!\d)/.exec(t);
  if (m) {
    const [y, a, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[2].length > 2 || m[3].length > 2) return undefined;
    return iso(y, a, b) ?? (a > 12 && b <= 12 ? iso(y, b, a) : undefined);
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), year(m[3])];
    if (a > 12) return iso(y, b, a);
    if (b > 12) return iso(y, a, b);
    return order === 'dmy' ? iso(y, b, a) : iso(y, a, b);
  }
  const words = t.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  // `11-April-2023`, `8 Jun 2024`, `23 mai 2023`, `1er juin 2023`, `5 de março de 2024`, `5. März 2024`
  m = /^(\d{1,2})(?:er|st|nd|rd|th|º|°)?\.?[\s-]+(?:de\s+)?(\p{L}+)\.?[\s-]+(?:de\s+)?(\d{4})(?!\d)/u.exec(words);
  if (m && MONTHS[m[2]]) return iso(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  // `Sep 5th, 2023`, `September 20, 2024`
  m = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})(?!\d)/u.exec(words);
  if (m && MONTHS[m[1]]) return iso(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  return undefined;
}

/**
 * True when `text` reads as a date but not one real day: a date shape with impossible numbers
 * (`2024-023-2706`, `2023-02-30`), a month without a day (`January, 2026`), a placeholder
 * (`YYYY-MM-DD`, `insert date`).
 */
export function looksLikeDate(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (/\d{4}-\d{1,4}-\d{1,4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|yyyy|aaaa|jjjj|date/.test(t)) return true;
  const first = /\p{L}+/u.exec(t)?.[0];
  return first !== undefined && MONTHS[first] !== undefined && /\d{4}/.test(t);
}
