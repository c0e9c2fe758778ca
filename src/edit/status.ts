import type { Document } from 'yaml';
import { AdrkitError } from '../model/errors.js';
import { Frontmatter } from '../model/record.js';
import { STATUSES, type Status } from '../model/status.js';
import { normaliseStatus } from '../parse/status.js';
import { parseRecord } from '../parse/record.js';
import { setBodyStatus, statusLabel } from './body-edit.js';
import { appendToSeq, editFrontmatter } from '../parse/frontmatter-edit.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import type { EditableRecord } from '../decision/resolve.js';

/** A status change. */
export interface StatusChange {
  status: Status;
  /** Day of the change, `YYYY-MM-DD`. */
  date: string;
  /** For `superseded`: the superseding record, written into body status lines (`Superseded by [..](..)`). */
  by?: { label: string; href: string };
}

/**
 * Whether a status change also moves the record's `date`. The `date` of a decision record is
 * the day the decision was made, so it moves only when a proposal is decided: `proposed` (or no
 * status) -> `accepted` / `rejected`. Later changes (deprecated, superseded, re-accepted) keep the
 * decision date; they are recorded in `status-history` instead.
 */
export function changeMovesDate(from: Status | undefined, to: Status): boolean {
  return (from === undefined || from === 'proposed') && (to === 'accepted' || to === 'rejected');
}

const DATE_LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*)?Date(?:\*\*)?\s*:?(?:\*\*)?[ \t]*)(\d[^\s<]*)(.*)$/i;

/**
 * Sets the status of a record, in its own format, as a pure text edit:
 * - frontmatter records: `status` is set with the yaml Document API (comments, key order and
 *   styles kept); records whose keys are all adrkit keys also get a `status-history` entry (seeded with the
 *   previous status and date when the list is new); `date` moves per {@link changeMovesDate};
 *   a status also written in the body (bullet or `## Status`) is updated too, so they agree;
 * - records without frontmatter (Nygard / adr-tools, MADR 2 and log4brains bullets): the status
 *   line is edited in place (and the `Date:` line per {@link changeMovesDate}); a record with no
 *   status anywhere gets a frontmatter block with `status`.
 *
 * @returns the new file text (equal to the input when nothing changes).
 * @throws AdrkitError `parse` for unreadable frontmatter; `internal` if the edited text does not read back with the new status.
 */
export function applyStatus(target: EditableRecord, change: StatusChange): string {
  if (!(STATUSES as readonly string[]).includes(change.status)) throw new AdrkitError('usage', `unknown status "${change.status}"`, { hint: `use one of ${STATUSES.join(', ')}` });
  const { record } = target;
  const last = lastHistoryDate(record.frontmatter['status-history']);
  if (last && change.date < last.date) {
    throw new AdrkitError('usage', `--date ${change.date} is before the last status change (${last.status} on ${last.date}); the status history would be out of order`, {
      file: target.file,
      hint: `give a --date on or after ${last.date}`,
    });
  }
  const previous = record.status;
  const moveDate = changeMovesDate(previous, change.status);
  const label = statusLabel(change.status, change.status === 'superseded' ? change.by : undefined);
  let text = target.text;
  const split = splitFrontmatter(text);
  const fmHasStatus = split !== undefined && 'status' in record.frontmatter;
  const bodyEdited = setBodyStatus(text, label);
  if (split && (fmHasStatus || bodyEdited === undefined)) {
    text = editFrontmatter(text, (doc) => {
      doc.set('status', change.status);
      if (moveDate && (record.format === 'native' || doc.has('date'))) doc.set('date', change.date);
      if (isAdrkitFrontmatter(record.frontmatter) && previous !== change.status) addHistory(doc, previous, record.date, change);
    });
    if (bodyEdited !== undefined) text = setBodyStatus(text, label) ?? text;
  } else if (bodyEdited !== undefined) {
    text = bodyEdited;
    if (moveDate) text = setBodyDate(text, change.date);
  } else {
    text = editFrontmatter(text, (doc) => doc.set('status', change.status), { create: true });
  }
  const check = parseRecord(record.path, text).record;
  if (check.status !== change.status) {
    throw new AdrkitError('internal', `status edit did not read back as "${change.status}" (got "${check.statusText ?? ''}"); nothing was written`, { file: target.file });
  }
  return text;
}

/** The latest dated entry of a `status-history` list. */
function lastHistoryDate(history: unknown): { status: string; date: string } | undefined {
  if (!Array.isArray(history)) return undefined;
  let last: { status: string; date: string } | undefined;
  for (const entry of history) {
    if (!entry || typeof entry !== 'object') continue;
    const { status, date } = entry as Record<string, unknown>;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) && (!last || date.trim() >= last.date)) last = { status: String(status), date: date.trim() };
  }
  return last;
}

/** True when every key is an adrkit frontmatter key: the record can take `status-history` without mixing vocabularies. */
function isAdrkitFrontmatter(frontmatter: Record<string, unknown>): boolean {
  return Object.keys(frontmatter).every((key) => key in Frontmatter.shape);
}

function addHistory(doc: Document, previous: Status | undefined, previousDate: string | undefined, change: StatusChange): void {
  if (!doc.has('status-history') && previous && previousDate && /^\d{4}-\d{2}-\d{2}$/.test(previousDate)) {
    appendToSeq(doc, 'status-history', { status: previous, date: previousDate });
  }
  appendToSeq(doc, 'status-history', { status: change.status, date: change.date });
}

/** Replaces the `Date:` line (adr-tools) or `- Date:` bullet before the first `##` heading. */
function setBodyDate(text: string, date: string): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(eol);
  for (let i = 0; i < lines.length; i++) {
    if (/^#{2,}\s/.test(lines[i])) break;
    const m = DATE_LINE.exec(lines[i]);
    if (m) {
      lines[i] = `${m[1]}${date}${m[3]}`;
      return lines.join(eol);
    }
  }
  return text;
}

/** Normalised status of a free-text value, for callers validating user input. */
export function parseStatusArgument(text: string): Status | undefined {
  const lower = text.trim().toLowerCase();
  if ((STATUSES as readonly string[]).includes(lower)) return lower as Status;
  return normaliseStatus(text).status;
}
