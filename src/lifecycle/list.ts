import type { DecisionRecord } from '../model/record.js';
import type { RecordFormat } from '../model/record.js';
import type { Status } from '../model/status.js';
import { resolveBlip, type RadarSet } from '../radar/resolve.js';

/** One line of `adrkit list --format json` (and of the MCP `list_records` tool). */
export interface RecordSummary {
  number: number | null;
  title: string;
  status: Status | null;
  /** Status as written, before normalisation. */
  statusText: string | null;
  date: string | null;
  format: RecordFormat;
  /** File path relative to the working directory. */
  path: string;
  /** The decision log the record belongs to (its folder; `.` for the only log). */
  log: string;
}

/** The summary of a record for listings. Pure. */
export function recordSummary({ record, file, log }: { record: DecisionRecord; file: string; log?: string }): RecordSummary {
  return {
    number: record.number ?? null,
    title: record.title,
    status: record.status ?? null,
    statusText: record.statusText ?? null,
    date: record.date ?? null,
    format: record.format,
    path: file,
    log: log ?? '.',
  };
}

/** Filters of {@link filterRecords}; every given filter must match (AND). Text compares ignore case. */
export interface RecordFilter {
  status?: Status;
  tag?: string;
  /** A radar blip (`blip-id` or `radar-id/blip-id`) linked by any option of the record. */
  blip?: string;
  decider?: string;
  /** `YYYY-MM-DD`: records dated on or after this day (records without a date are left out). */
  since?: string;
}

/**
 * The records matching every filter, in log order. A blip filter compares resolved blips when
 * radars are given (so `dinov2` matches an option's `sicara/dinov2`), else the option's
 * `blip` text. Pure.
 */
export function filterRecords<T extends { record: DecisionRecord }>(records: readonly T[], filter: RecordFilter, radars?: RadarSet): T[] {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const wantedBlip = filter.blip ? blipKey(filter.blip, radars) : undefined;
  return records.filter(({ record }) => {
    if (filter.status && record.status !== filter.status) return false;
    if (filter.tag && !record.tags.some((t) => same(t, filter.tag!))) return false;
    if (filter.decider && !record.deciders.some((d) => same(d, filter.decider!))) return false;
    if (filter.since && !(record.date && record.date >= filter.since)) return false;
    if (wantedBlip && !record.options.some((o) => o.blip && blipKey(o.blip, radars) === wantedBlip)) return false;
    return true;
  });
}

function blipKey(ref: string, radars: RadarSet | undefined): string {
  if (radars) {
    const resolved = resolveBlip(radars, ref);
    if (resolved.ok) return resolved.ref;
  }
  return ref.trim().toLowerCase();
}
