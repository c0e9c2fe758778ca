import { relative } from 'node:path';
import { readBlobs, readLogHistory, type LogHistory } from '../history/git.js';
import type { RecordHistory } from '../history/parse-log.js';
import { blobsOf, statusHistory } from '../history/status-history.js';
import { toPosix, type DecisionLog, type LoadedRecord } from '../workspace/read-log.js';
import { decisionDay } from './dates.js';
import type { SiteInput, SiteRadar, SiteRecord, SiteSection } from './types.js';

/** Settings of the site besides the records. */
export interface SiteSettings {
  title: string;
  baseUrl: string;
  repositoryUrl?: string;
  branch?: string;
  radar?: SiteRadar;
}

/** Result of {@link collectSite}. */
export interface CollectedSite {
  input: SiteInput;
  /** Human-readable warnings (shallow clone, ...), de-duplicated. */
  warnings: string[];
  /** Problems of files that could not be read or parsed, as `file:line:col: message`. */
  problems: string[];
  /** History per log folder (same order as the logs), for incremental rebuilds. */
  histories: LogHistory[];
  /** Repository root (absolute), or the project folder outside git. */
  root: string;
}

/**
 * Gathers everything the site needs (edge: runs git through `history/`): for each decision log
 * folder (one site section each) ONE `git log` pass, then ONE `git cat-file --batch` for every
 * version of every record, from which the status histories are derived. Outside git, or in a
 * shallow clone, created/updated dates fall back to each record's own date and authors and
 * status histories are empty.
 *
 * @param cwd - project folder (paths are shown relative to the repository root, else to it).
 * @param logs - the decision logs, from `readProjectLogs`.
 */
export async function collectSite(cwd: string, logs: DecisionLog[], settings: SiteSettings): Promise<CollectedSite> {
  const histories = await Promise.all(logs.map((log) => readLogHistory(log.dir, log.records.map((r) => r.record.path))));
  const warnings = [...new Set(histories.flatMap((h) => h.warnings))];
  const usable = (h: LogHistory) => h.repo !== undefined && !h.repo.shallow;
  const byRoot = new Map<string, RecordHistory[]>();
  for (const h of histories) if (usable(h)) byRoot.set(h.repo!.root, [...(byRoot.get(h.repo!.root) ?? []), ...h.records.values()]);
  const blobs = new Map<string, string>();
  for (const [root, list] of byRoot) for (const [id, text] of await readBlobs(root, blobsOf(list))) blobs.set(id, text);
  const root = histories.find((h) => h.repo)?.repo?.root ?? cwd;

  const sections: SiteSection[] = logs.map((log) => ({ name: sectionName(log, root), dir: toPosix(relative(root, log.dir)) || '.' }));
  const records: SiteRecord[] = [];
  const problems: string[] = [];
  logs.forEach((log, i) => {
    for (const u of log.unreadable) problems.push(`${u.file}:1:1: ${u.message}`);
    for (const loaded of log.records) {
      for (const p of loaded.problems) problems.push(`${loaded.file}:${p.line}:${p.column}: ${p.message}`);
      if (loaded.problems.some((p) => p.code === 'binary' || p.code === 'empty')) continue;
      const history = usable(histories[i]) ? histories[i].records.get(loaded.record.path) : undefined;
      records.push(siteRecord(loaded, sections[i].name, root, history, blobs));
    }
  });
  return {
    input: { title: settings.title, baseUrl: settings.baseUrl, repositoryUrl: settings.repositoryUrl, branch: settings.branch, sections, records, radar: settings.radar },
    warnings,
    problems,
    histories,
    root,
  };
}

/**
 * The site record of a loaded record. Dates come from git history when there is one, else from
 * the record's own date (`YYYY-MM-DD`).
 */
export function siteRecord(loaded: LoadedRecord, section: string, root: string, history: RecordHistory | undefined, blobs: ReadonlyMap<string, string>): SiteRecord {
  const own = decisionDay(loaded.record.date, undefined);
  const hasHistory = history !== undefined && history.versions.length > 0;
  return {
    record: loaded.record,
    file: toPosix(relative(root, loaded.absPath)),
    section,
    created: (hasHistory ? history.created : undefined) ?? own,
    updated: (hasHistory ? history.updated : undefined) ?? own,
    authors: hasHistory ? history.authors : [],
    statusHistory: hasHistory ? statusHistory(history, blobs) : [],
  };
}

function sectionName(log: DecisionLog, root: string): string {
  return toPosix(relative(root, log.dir)) || 'decisions';
}
