import { createHash } from 'node:crypto';
import type { DecisionRecord } from '../model/record.js';
import type { Status } from '../model/status.js';
import { normaliseStatus, statusTextOf } from '../parse/status.js';
import { parseFrontmatter } from '../parse/frontmatter.js';
import { parseRecord } from '../parse/record.js';
import type { RecordHistory, RecordVersion } from './parse-log.js';

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

/** The status of one version of a record file. */
export interface VersionStatus {
  /** Normalised status. */
  status: Status;
  /** Status exactly as written. */
  statusText: string;
}

/**
 * Where {@link statusHistory} gets the status of a version: blob id -> file content (every
 * version is read with {@link statusOfText}, once per distinct blob), or a lookup that returns the
 * status of a version directly (undefined when the version has no recognisable status or its blob
 * was not read).
 */
export type StatusSource = ReadonlyMap<string, string> | ((version: RecordVersion) => VersionStatus | undefined);

/**
 * Blob ids (40 hex) of every version of every record: what {@link statusHistory} needs, for ONE
 * `readBlobs` call. Deleted versions (all-zero ids) and the ids in `known` (blobs whose status is
 * already known, e.g. the current content of each record, see {@link gitBlobId}) are left out.
 */
export function blobsOf(histories: Iterable<RecordHistory>, known?: { has(id: string): boolean }): string[] {
  const ids = new Set<string>();
  for (const history of histories) {
    for (const version of history.versions) if (!/^0+$/.test(version.blob) && !known?.has(version.blob)) ids.add(version.blob);
  }
  return [...ids].sort();
}

/**
 * The git blob id of a text: SHA-1 of `blob <byte length>\0<UTF-8 bytes>`, what `git hash-object`
 * prints (git's SHA-1 object format). Lets a caller recognise the versions whose content is the
 * current file without reading them from git.
 */
export function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The status of a parsed record, or undefined when it has none. */
export function statusOfRecord(record: DecisionRecord): VersionStatus | undefined {
  return record.status === undefined ? undefined : { status: record.status, statusText: record.statusText ?? record.status };
}

/**
 * Reads only the status of one version of a record file; the same answer as
 * `parseRecord(path, text)` gives. A frontmatter `status` string wins in `parseRecord`, so when
 * there is one only the frontmatter is parsed (no markdown lexing, no sections); otherwise (Nygard
 * `## Status` section, MADR / log4brains `- Status:` bullets, binary text) the file is parsed fully.
 */
export function statusOfText(path: string, text: string): VersionStatus | undefined {
  if (!text.includes('\u0000')) {
    const raw = parseFrontmatter(text).data.status;
    if (typeof raw === 'string') {
      const status = normaliseStatus(raw);
      return status.status === undefined ? undefined : { status: status.status, statusText: statusTextOf(status.original) };
    }
  }
  return statusOfRecord(parseRecord(path, text).record);
}

/**
 * The status timeline of a record: reads the status of each version of the file (oldest first)
 * and keeps the versions where the normalised status changes. Versions without a recognisable
 * status (missing, placeholder, unreadable blob) are skipped, so a status that disappears and
 * comes back unchanged is not a transition. Pure.
 *
 * @param history - the record's history (versions oldest first), from `readLogHistory`.
 * @param source - blob id -> file content, from ONE `readBlobs` call over {@link blobsOf}, or a
 *   lookup of each version's status (see {@link StatusSource}).
 * @returns transitions, oldest first; empty without history.
 */
export function statusHistory(history: RecordHistory, source: StatusSource): StatusTransition[] {
  const statusOf = typeof source === 'function' ? source : statusesOfBlobs(source);
  const transitions: StatusTransition[] = [];
  let last: Status | undefined;
  for (const version of history.versions) {
    const found = statusOf(version);
    if (found === undefined || found.status === last) continue;
    last = found.status;
    transitions.push({ status: found.status, statusText: found.statusText, date: version.date, hash: version.hash });
  }
  return transitions;
}

/** A {@link StatusSource} lookup over blob contents, reading each distinct blob once. */
function statusesOfBlobs(blobs: ReadonlyMap<string, string>): (version: RecordVersion) => VersionStatus | undefined {
  let cache = memo.get(blobs);
  if (!cache) memo.set(blobs, (cache = new Map()));
  const known = cache;
  return (version) => {
    if (known.has(version.blob)) return known.get(version.blob);
    const text = blobs.get(version.blob);
    const status = text === undefined ? undefined : statusOfText(version.path, text);
    known.set(version.blob, status);
    return status;
  };
}

const memo = new WeakMap<ReadonlyMap<string, string>, Map<string, VersionStatus | undefined>>();
