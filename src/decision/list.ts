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

/**
 * Filters of {@link filterRecords}; every given filter must match (AND); a list matches when any
 * of its values does (OR). Text compares ignore case.
 */
export interface RecordFilter {
  status?: Status | readonly Status[];
  tag?: string | readonly string[];
  /** A radar blip (`blip-id` or `radar-id/blip-id`) linked by any option of the record. */
  blip?: string | readonly string[];
  decider?: string | readonly string[];
  /** `YYYY-MM-DD`: records dated on or after this day (records without a date are left out). */
  since?: string;
}

/**
 * The records matching every filter, in log order. A blip filter compares resolved blips when
 * radars are given (so `dinov2` matches an option's `sicara/dinov2`), else the option's `blip`
 * text, where a bare id also matches a qualified one (`vllm` matches `team/vllm`). Pure.
 *
 * @param dateOf - the day a record was decided, for `since` (default its `date`; `adrkit list`
 *   falls back to the day git first saw the file).
 */
export function filterRecords<T extends { record: DecisionRecord }>(records: readonly T[], filter: RecordFilter, radars?: RadarSet, dateOf: (entry: T) => string | undefined = (e) => e.record.date): T[] {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const list = <V,>(v: V | readonly V[] | undefined): readonly V[] => (v === undefined ? [] : Array.isArray(v) ? (v as readonly V[]) : [v as V]);
  const statuses = list(filter.status);
  const tags = list(filter.tag);
  const deciders = list(filter.decider);
  const blips = list(filter.blip);
  // As written (`vllm` also matches `team/vllm`), or as resolved on the radars (`dinov2` matches `sicara/dinov2`).
  const written = (blip: string, want: string) => {
    const [b, w] = [blip.trim().toLowerCase(), want.trim().toLowerCase()];
    return b === w || (!w.includes('/') && b.endsWith(`/${w}`)) || (w.includes('/') && !b.includes('/') && w.endsWith(`/${b}`));
  };
  const blipMatches = (blip: string, want: string) => written(blip, want) || (radars !== undefined && blipKey(blip, radars) === blipKey(want, radars) && resolves(blip, radars));
  return records.filter((entry) => {
    const { record } = entry;
    if (statuses.length && !statuses.some((s) => record.status === s)) return false;
    if (tags.length && !record.tags.some((t) => tags.some((w) => same(t, w)))) return false;
    if (deciders.length && !record.deciders.some((d) => deciders.some((w) => same(d, w)))) return false;
    if (filter.since) {
      const day = dateOf(entry);
      if (!(day && day >= filter.since)) return false;
    }
    if (blips.length && !record.options.some((o) => typeof o.blip === 'string' && blips.some((w) => blipMatches(o.blip!, w)))) return false;
    return true;
  });
}

function resolves(ref: string, radars: RadarSet): boolean {
  return resolveBlip(radars, ref).ok;
}

function blipKey(ref: string, radars: RadarSet | undefined): string {
  if (radars) {
    const resolved = resolveBlip(radars, ref);
    if (resolved.ok) return resolved.ref;
  }
  return ref.trim().toLowerCase();
}
