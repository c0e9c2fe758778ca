import type { DecisionRecord } from '../model/record.js';
import type { ReviewGoverning } from '../model/review.js';
import { appliesTo, globMatcher } from '../model/applies-to.js';

/** Statuses of decisions that govern code: in force (`accepted`) or about to be (`proposed`). */
export const GOVERNING_STATUSES: ReadonlySet<string> = new Set(['accepted', 'proposed']);

/** A record offered to {@link governingDecisions}. */
export interface GovernsRecord {
  record: DecisionRecord;
  /** Path relative to the log folder. */
  path: string;
  /** Link to the record, when the caller has one. */
  url?: string;
  /** The log's default `applies-to` globs (configuration `appliesTo`). */
  logDefault?: readonly string[];
}

/**
 * The accepted and proposed decisions whose `applies-to` globs (their own, else their log's
 * default) match some of `files`, with the globs and files that matched, in record order. Pure.
 *
 * @param files - paths relative to the project root, `/` separators (a pull request's changed
 *   files, or the paths asked about by `adrkit governs`).
 */
export function governingDecisions(records: readonly GovernsRecord[], files: readonly string[]): ReviewGoverning[] {
  const result: ReviewGoverning[] = [];
  for (const { record, path, url, logDefault } of records) {
    if (!record.status || !GOVERNING_STATUSES.has(record.status)) continue;
    const patterns: string[] = [];
    const matched = new Set<string>();
    for (const glob of appliesTo(record, logDefault)) {
      const test = globMatcher(glob);
      const hits = files.filter((f) => test(f));
      if (hits.length === 0) continue;
      patterns.push(glob);
      for (const f of hits) matched.add(f);
    }
    if (patterns.length === 0) continue;
    const chosen = record.chosen ? record.options.find((o) => o?.id === record.chosen) : undefined;
    result.push({
      file: path,
      number: record.number ?? null,
      title: record.title,
      status: record.status,
      chosen: record.chosen ? { id: record.chosen, name: chosen?.name ?? record.chosen } : null,
      patterns,
      files: files.filter((f) => matched.has(f)),
      ...(url ? { url } : {}),
    });
  }
  return result;
}
