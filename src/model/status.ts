import { z } from 'zod';

/** The five statuses of a decision record, in lifecycle order. */
export const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** Status of a decision record. */
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** Result of {@link normaliseStatus}. */
export interface NormalisedStatus {
  /** The normalised status, or `undefined` when the text does not name a known status. */
  status: Status | undefined;
  /** The original text, trimmed, exactly as written in the file. */
  original: string;
  /** Reference named after "superseded by" (a record number, slug, file name or title), when present. */
  supersededBy?: string;
  /** Reference named after "supersedes" in a combined status ("accepted; supersedes ADR-0045"). */
  supersedes?: string;
  /** True when the text is an unfilled template placeholder (`[ accepted | deprecated ]`, `{status}`). */
  placeholder: boolean;
}

const SYNONYMS: ReadonlyArray<[RegExp, Status]> = [
  [/^(supersede|superseed|supercede|superceed|replaced|remplac)/, 'superseded'],
  [/^(partly|partially) (supersede|supercede)/, 'superseded'],
  [/^(accept|approved|adopted|agreed|decided|done|implemented|valid|accepté|acceptée|adopté)/, 'accepted'],
  [/^(propos|pending|draft|in review|under review|in progress|incomplete|open|wip|proposé|proposée|en cours)/, 'proposed'],
  [/^(reject|declined|refused|rejeté|rejetée|abandoned)/, 'rejected'],
  [/^(deprecat|obsolete|obsolète|retired|withdrawn|revoked)/, 'deprecated'],
];

/**
 * Normalises a free-text status as found in real decision logs (adr-tools, MADR, log4brains,
 * hand-written) to one of {@link STATUSES}.
 *
 * Handles case, leading emoji and punctuation, trailing dots and brackets, the misspelling
 * "Superceded", French MADR statuses, "superseded by X" (X kept in `supersededBy`) and
 * "accepted; supersedes X" (X kept in `supersedes`). Never throws.
 *
 * @param raw - status text, e.g. `"⌛️ Superseded by 036. Multi-cluster"`.
 * @returns the normalised status (or `undefined`), the original text and any referenced record.
 */
export function normaliseStatus(raw: string): NormalisedStatus {
  const original = String(raw ?? '').trim();
  // Only the head of the text is analysed: real statuses are short, and some patterns below are
  // quadratic on long runs (a 80 kB status took 7 s).
  const head = original.length > MAX_STATUS_CHARS ? original.slice(0, MAX_STATUS_CHARS) : original;
  const placeholder = /^\[.*\|.*\]?|^\{.*\}$|^\[.*\]$/.test(head) || /\{[^}]*\|[^}]*\}/.test(head);
  if (placeholder) return { status: undefined, original, placeholder: true };
  // Strip leading emoji, symbols and punctuation; keep letters (any script) and digits.
  let text = head
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s.)\]*_~`!]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  let supersedes: string | undefined;
  const combined = /^(.*?)[;,]\s*(supersedes|replaces)\s+(.+)$/.exec(text);
  if (combined) {
    text = combined[1].trim();
    // Cut the reference from the original text (case kept) right after the keyword; deriving it
    // from the length of the lower-cased, trimmed copy cut the first letter ("DR-0045").
    const keyword = /[;,]\s*(?:supersedes|replaces)\s+/i.exec(head);
    supersedes = cleanRef(keyword ? head.slice(keyword.index + keyword[0].length) : combined[3]);
  }
  let supersededBy: string | undefined;
  const by = /^(?:partly |partially )?(?:supersede|superseed|supercede|superceed|replace|remplac)\w*\s+(?:by|par)\s*:?\s*(.+)$/u.exec(text);
  if (by) {
    const start = head.toLowerCase().lastIndexOf(by[1].slice(0, Math.min(8, by[1].length)));
    supersededBy = cleanRef(start >= 0 ? head.slice(start) : by[1]);
  }
  const match = SYNONYMS.find(([re]) => re.test(text));
  const result: NormalisedStatus = { status: match?.[1], original, placeholder: false };
  if (supersededBy) result.supersededBy = supersededBy;
  if (supersedes) result.supersedes = supersedes;
  return result;
}

/** Statuses longer than this are analysed on their first characters only. */
const MAX_STATUS_CHARS = 300;

function cleanRef(ref: string): string {
  const trimmed = ref.trim();
  const clean = trimmed.replace(/[\s.)]+$/u, '');
  // Give back the stripped `)` that close a parenthesis, such as a markdown link's (`[ADR-3](0003-x.md)`).
  const stripped = (trimmed.slice(clean.length).match(/\)/g) ?? []).length;
  const opened = (clean.match(/\(/g) ?? []).length - (clean.match(/\)/g) ?? []).length;
  return clean + ')'.repeat(Math.max(0, Math.min(stripped, opened)));
}
