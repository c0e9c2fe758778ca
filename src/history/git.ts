import { catFileBatch } from './run.js';
import { simpleGit } from 'simple-git';
import { AdrkitError } from '../model/errors.js';
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { LOG_ARGS, LOG_PATHSPECS, extendHistory, parseRawLog, type RecordHistory } from './parse-log.js';

/** What git says about the folder a decision log lives in. */
export interface RepoInfo {
  /** Absolute path of the work tree root. */
  root: string;
  /** True in a shallow clone (CI default): history and dates are incomplete. */
  shallow: boolean;
}

/** History of a decision log folder. */
export interface LogHistory {
  repo: RepoInfo | undefined;
  /** Per current record path (relative to the log folder). Empty outside a repository. */
  records: Map<string, RecordHistory>;
  /** Human-readable warnings (shallow clone, git missing). */
  warnings: string[];
  /** The commit the history goes up to (HEAD), when read with a snapshot. */
  head?: string;
}

/** History of a log folder up to a commit, kept between runs to read only newer commits. */
export interface HistorySnapshot {
  head: string;
  records: Record<string, RecordHistory>;
}

/**
 * Reads the repository facts for a folder with one `git rev-parse`.
 * @returns undefined when the folder is not inside a git work tree or git is not installed.
 */
export async function repoInfo(dir: string): Promise<RepoInfo | undefined> {
  try {
    const out = await simpleGit({ baseDir: dir }).raw(['rev-parse', '--show-toplevel', '--is-shallow-repository']);
    const [root, shallow] = out.trim().split('\n');
    return { root, shallow: shallow === 'true' };
  } catch {
    return undefined;
  }
}

/**
 * Reads the history of every record of a log folder in ONE `git log` pass over the repository's
 * markdown files (rename-aware, merges against each parent, see `LOG_ARGS`), then follows each
 * record back through it (`extendHistory`). With a snapshot of an earlier run whose commit is
 * an ancestor of HEAD, only the commits since are read (`git log <snapshot>..HEAD`); with the same
 * HEAD, none. Outside a git repository, returns empty history and no error, so every command
 * still works from the files alone.
 *
 * @param dir - absolute path of the log folder.
 * @param currentPaths - record paths relative to `dir`.
 * @param options.incremental - read HEAD and return it (`LogHistory.head`) so the caller can save a snapshot.
 * @param options.snapshot - history saved by an earlier run (see `HistorySnapshot`).
 * @throws AdrkitError `git` when git fails on a readable repository.
 */
export async function readLogHistory(dir: string, currentPaths: string[], options: { incremental?: boolean; snapshot?: HistorySnapshot } = {}): Promise<LogHistory> {
  const repo = await repoInfo(dir);
  const warnings: string[] = [];
  if (!repo) return { repo, records: new Map(), warnings };
  if (repo.shallow) {
    warnings.push(
      'shallow clone: record dates fall back to the `date` in each file. Fetch full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout) for created/updated dates and authors.',
    );
  }
  const git = simpleGit({ baseDir: dir, maxConcurrentProcesses: 1 });
  let head: string | undefined;
  let previous = new Map<string, RecordHistory>();
  let range: string[] = [];
  if (options.incremental && !repo.shallow) {
    head = (await git.raw(['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '')).trim() || undefined;
  }
  const snapshot = options.snapshot;
  if (head && snapshot) {
    if (snapshot.head === head) {
      const known = new Map(Object.entries(snapshot.records));
      return { repo, records: new Map(currentPaths.map((p) => [p, known.get(p) ?? { versions: [], created: undefined, updated: undefined, authors: [] }])), warnings, head };
    }
    if (await git.raw(['merge-base', '--is-ancestor', snapshot.head, head]).then(() => true, () => false)) {
      previous = new Map(Object.entries(snapshot.records));
      range = [`${snapshot.head}..${head}`];
    }
  }
  let output: string;
  const logDir = toPosixPath(relative(repo.root, realDir(dir)));
  try {
    // From the repository root over every markdown file, so a record is followed out of the log
    // folder through folder moves (`hercules/` -> `docs/hercules_network_adr/`).
    // Plus the log folder itself (records once committed without an extension); for a log at the
    // repository root, its top-level files.
    const own = logDir ? [`:(literal)${logDir}`] : [':(glob)*'];
    output = await simpleGit({ baseDir: repo.root, maxConcurrentProcesses: 1 }).raw(['-c', 'core.quotePath=false', ...LOG_ARGS, ...range, '--', ...LOG_PATHSPECS, ...own]);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    if (/does not have any commits|bad default revision/.test(message)) return { repo, records: new Map(), warnings };
    throw new AdrkitError('git', `git log failed: ${message}`, { hint: 'run the command inside a readable git repository, or outside any repository' });
  }
  // Paths in git are relative to the repository root; records and snapshots to the log folder.
  const prefix = logDir;
  const toRepo = (path: string) => (prefix ? `${prefix}/${path}` : path);
  const fromRepo = (path: string) => (!prefix ? path : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined);
  const before = new Map<string, RecordHistory>();
  for (const [path, history] of previous) before.set(toRepo(path), history);
  const byRepoPath = extendHistory(before, parseRawLog(output), currentPaths.map(toRepo));
  const records = new Map<string, RecordHistory>();
  for (const [path, history] of byRepoPath) records.set(fromRepo(path) ?? path, history);
  if (repo.shallow) {
    for (const history of records.values()) {
      history.created = undefined;
    }
  }
  return { repo, records, warnings, head };
}

/** The folder with symbolic links resolved, as git's `--show-toplevel` gives the root. */
function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** A platform path with `/` separators. */
function toPosixPath(path: string): string {
  return path.split('\\').join('/');
}

/**
 * Reads many blobs in one `git cat-file --batch` ({@link catFileBatch}: git's exit status checked).
 * @param cwd - any folder inside the repository.
 * @param blobs - blob ids (40 hex).
 * @returns map of blob id to content (UTF-8); missing blobs are absent.
 * @throws AdrkitError `git` when git fails.
 */
export async function readBlobs(cwd: string, blobs: string[]): Promise<Map<string, string>> {
  const objects = await catFileBatch(cwd, [...new Set(blobs)]);
  return new Map([...objects].map(([id, object]) => [id, object.content.toString('utf8')]));
}
