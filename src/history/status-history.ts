import type { Status } from '../model/status.js';
import { parseRecord } from '../parse/record.js';
import type { RecordHistory } from './parse-log.js';

/** One change of a record's status, as seen in the git history of its file. */
export interface StatusTransition {
  /** Normalised status after the change. */
  status: Status;
  /** Status exactly as written in that version. */
  statusText: string;
  /** Author date (ISO 8601 with offset) of the commit that made the change. */
  date: string;
  /** Commit hash (40 hex). */
  hash: string;
}

/** Blob ids (40 hex) of every version of every record: what {@link statusHistory} needs, for ONE `readBlobs` call. */
export function blobsOf(histories: Iterable<RecordHistory>): string[] {
  const ids = new Set<string>();
  for (const history of histories) for (const version of history.versions) if (!/^0+$/.test(version.blob)) ids.add(version.blob);
  return [...ids].sort();
}

/**
 * The status timeline of a record: parses each version of the file (oldest first) with
 * `parseRecord` and keeps the versions where the normalised status changes. Versions without a
 * recognisable status (missing, placeholder, unreadable blob) are skipped, so a status that
 * disappears and comes back unchanged is not a transition. Pure.
 *
 * @param history - the record's history (versions oldest first), from `readLogHistory`.
 * @param blobs - blob id -> file content, from ONE `readBlobs` call over {@link blobsOf}.
 * @returns transitions, oldest first; empty without history.
 */
export function statusHistory(history: RecordHistory, blobs: ReadonlyMap<string, string>): StatusTransition[] {
  const transitions: StatusTransition[] = [];
  let last: Status | undefined;
  for (const version of history.versions) {
    const text = blobs.get(version.blob);
    if (text === undefined) continue;
    const { record } = parseRecord(version.path, text);
    if (record.status === undefined || record.status === last) continue;
    last = record.status;
    transitions.push({ status: record.status, statusText: record.statusText ?? record.status, date: version.date, hash: version.hash });
  }
  return transitions;
}
