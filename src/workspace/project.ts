import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import { detectAdrDir } from './locate.js';
import { readLog, type DecisionLog } from './read-log.js';
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
 * `dir`/`dirs`, else auto-detected, see `detectAdrDir`).
 *
 * @param dirOverride - `--dir` from the command line.
 * @throws AdrkitError `not-found` when no decision log folder exists; `config` for a bad config.
 */
export async function openProject(cwd: string, dirOverride?: string): Promise<Project> {
  const config = await loadConfig(cwd);
  const configured = dirOverride ? [dirOverride] : config.config.dirs ?? (config.config.dir ? [config.config.dir] : undefined);
  const relDirs = configured ?? [detectAdrDir(cwd)].filter((d): d is string => d !== undefined);
  if (relDirs.length === 0) {
    throw new AdrkitError('not-found', `no decision log folder found in ${cwd}`, {
      hint: 'run `adrkit init`, pass --dir, or set "dir" in adrkit.config.json (looked for adr/, doc/adr, docs/adr, docs/decisions, docs/architecture/decisions, .adr-dir, .log4brains.yml)',
    });
  }
  const dirs = relDirs.map((d) => (isAbsolute(d) ? d : resolve(cwd, d)));
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new AdrkitError('not-found', `decision log folder ${dir} does not exist`, { hint: 'create it with `adrkit init --dir <folder>` or fix "dir" in the config' });
  }
  return { cwd, config, dirs };
}

/** Reads every log folder of a project (with a parse cache when given, see `RecordCache`). */
export function readProjectLogs(project: Project, options: { cache?: RecordCache } = {}): DecisionLog[] {
  return project.dirs.map((dir) => readLog(project.cwd, dir, options));
}
