import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import { detectLogDirs } from './locate.js';
import { readLog, type DecisionLog } from './read-log.js';
import { applyNavTitles } from './titles.js';
import { withStatusWords } from '../parse/status.js';
import type { RecordCache } from './record-cache.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';

/** A project: its root, configuration and decision log folder(s). */
export interface Project {
  cwd: string;
  config: LoadedConfig;
  /** Absolute paths of the decision log folders (one unless the config lists several). */
  dirs: string[];
}

/**
 * Resolves the project at `cwd`: loads the configuration and finds the log folder (configured
 * `dir`/`dirs`, else auto-detected: every decision log of the repository, see `detectLogDirs`).
 *
 * @param dirOverride - `--dir` from the command line.
 * @throws AdrkitError `not-found` when no decision log folder exists; `config` for a bad config.
 */
export async function openProject(cwd: string, dirOverride?: string): Promise<Project> {
  const config = await loadConfig(cwd);
  const configured = dirOverride ? [dirOverride] : config.config.dirs ?? (config.config.dir ? [config.config.dir] : undefined);
  const relDirs = configured ?? detectLogDirs(cwd);
  if (relDirs.length === 0) {
    throw new AdrkitError('not-found', `no decision log folder found in ${cwd}`, {
      hint: 'run `adrkit init`, pass --dir, or set "dir" in adrkit.config.json (looked for .adr-dir, .log4brains.yml, and folders down to 4 levels holding numbered, dated or ADR-named records)',
    });
  }
  const dirs = relDirs.map((d) => (isAbsolute(d) ? d : resolve(cwd, d)));
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new AdrkitError('not-found', `decision log folder ${dir} does not exist`, { hint: 'create it with `adrkit init --dir <folder>` or fix "dir" in the config' });
  }
  return { cwd, config, dirs };
}

/**
 * Reads every log folder of a project (with a parse cache when given, see `RecordCache`). Records
 * whose file has no title take their MkDocs `nav` title when the repository has one (see
 * `applyNavTitles`).
 */
export function readProjectLogs(project: Project, options: { cache?: RecordCache } = {}): DecisionLog[] {
  const logs = project.dirs.map((dir) => readLog(project.cwd, dir, options));
  for (const log of logs) applyNavTitles(log);
  // The team's own status words (`"statuses": { "Shipped": "accepted" }`) apply to every reader of the log.
  const statuses = project.config.config.statuses;
  if (statuses) for (const log of logs) for (const loaded of log.records) Object.assign(loaded, { record: withStatusWords(loaded.record, statuses) });
  return logs;
}

/**
 * Refuses an empty reading of logs that hold files: when no folder gave a single record but some
 * hold files other than an index (`README.md`), says what was found and why none was read, so
 * `list`, `lint` and `build` never report an empty success on a folder that is not a decision log.
 * A folder that is empty or holds only an index (a log just created) passes.
 *
 * @param logs - the logs as read by {@link readProjectLogs}.
 * @throws AdrkitError `not-found` (exit 2) naming each folder, its files by reason, and how records are named.
 */
export function requireRecords(logs: readonly DecisionLog[]): void {
  if (logs.some((log) => log.records.length > 0 || log.unreadable.length > 0)) return;
  const described = logs
    .map((log) => {
      const passed = log.skipped.filter((f) => f.reason !== 'index');
      if (passed.length === 0) return undefined;
      const byReason = new Map<string, string[]>();
      for (const f of passed) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.path]);
      const parts = [...byReason].map(([reason, paths]) => `${paths.length} ${reason} (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''})`);
      return `${log.relDir}: ${passed.length} file(s), none read as a record: ${parts.join('; ')}`;
    })
    .filter((d): d is string => d !== undefined);
  if (described.length === 0) return;
  throw new AdrkitError('not-found', `no decision records found. ${described.join('. ')}`, {
    hint: 'records are markdown files named with a number, a date or an ADR prefix (0001-slug.md, 20240105-slug.md, ADR-7.md) or folders holding one (0001-slug/README.md), with a status or Context/Decision sections; pass --dir with the decision log folder',
  });
}
