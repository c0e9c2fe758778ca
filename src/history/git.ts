import { catFileBatch, catFileStream, isGitMissing, runGit } from './run.js';
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
  const probe = await probeRepo(dir);
  return probe === 'no-git' ? undefined : probe;
}

/** {@link repoInfo}, telling "git is not installed" (`no-git`) from "not in a repository" (undefined). */
async function probeRepo(dir: string): Promise<RepoInfo | 'no-git' | undefined> {
  try {
    const [root, shallow] = (await runGit(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])).toString('utf8').trim().split('\n');
    return { root, shallow: shallow === 'true' };
  } catch (error) {
    return isGitMissing(error) ? 'no-git' : undefined;
  }
}

/** A decision log folder whose history {@link readLogHistories} reads. */
export interface LogHistoryRequest {
  /** Absolute path of the log folder. */
  dir: string;
  /** Record paths relative to `dir`. */
  paths: string[];
  /** History saved by an earlier run for this folder (see `HistorySnapshot`). */
  snapshot?: HistorySnapshot;
}

const SHALLOW_WARNING =
  'shallow clone: record dates fall back to the `date` in each file. Fetch full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout) for created/updated dates and authors.';
const NO_GIT_WARNING = 'git is not installed: record dates fall back to the `date` in each file, and there are no authors or status histories.';

/**
 * Reads the history of every record of a log folder: {@link readLogHistories} for one folder.
 *
 * @param dir - absolute path of the log folder.
 * @param currentPaths - record paths relative to `dir`.
 * @param options.incremental - read HEAD and return it (`LogHistory.head`) so the caller can save a snapshot.
 * @param options.snapshot - history saved by an earlier run (see `HistorySnapshot`).
 * @throws AdrkitError `git` when git fails on a readable repository.
 */
export async function readLogHistory(dir: string, currentPaths: string[], options: { incremental?: boolean; snapshot?: HistorySnapshot } = {}): Promise<LogHistory> {
  const [history] = await readLogHistories([{ dir, paths: currentPaths, snapshot: options.snapshot }], { incremental: options.incremental });
  return history;
}

/**
 * Reads the history of every record of several log folders with ONE `git log` pass per
 * repository, whatever the number of folders in it: the pass covers the repository's markdown
 * files (rename-aware, merges against each parent, see `LOG_ARGS`) plus each folder itself, every
 * record is followed back through it (`extendHistory`), and the result is split per folder. With
 * snapshots of an earlier run for every folder of a repository, all at one commit that is an
 * ancestor of HEAD, only the commits since are read (`git log <snapshot>..HEAD`); at HEAD itself,
 * none. Outside a git repository, or without git, a folder gets empty history and no error, so
 * every command still works from the files alone.
 *
 * @param logs - the folders, each with its record paths (relative to the folder).
 * @param options.incremental - read HEAD and return it (`LogHistory.head`) so the caller can save snapshots.
 * @returns one history per folder, in the order given.
 * @throws AdrkitError `git` when git fails on a readable repository.
 */
export async function readLogHistories(logs: LogHistoryRequest[], options: { incremental?: boolean } = {}): Promise<LogHistory[]> {
  const probes = await Promise.all(logs.map((log) => probeRepo(log.dir)));
  const results: LogHistory[] = logs.map((_, i) => {
    const probe = probes[i];
    return { repo: probe === 'no-git' ? undefined : probe, records: new Map(), warnings: probe === 'no-git' ? [NO_GIT_WARNING] : [] };
  });
  const byRoot = new Map<string, number[]>();
  results.forEach((r, i) => {
    if (r.repo) byRoot.set(r.repo.root, [...(byRoot.get(r.repo.root) ?? []), i]);
  });
  for (const [root, members] of byRoot) {
    const repo = results[members[0]].repo!;
    const group = members.map((i) => ({ request: logs[i], result: results[i], logDir: toPosixPath(relative(root, realDir(logs[i].dir))) }));
    await readRepository(root, repo, group, options.incremental === true);
  }
  return results;
}

/** The logs of one repository in {@link readLogHistories}: fills each `result`. */
async function readRepository(root: string, repo: RepoInfo, group: Array<{ request: LogHistoryRequest; result: LogHistory; logDir: string }>, incremental: boolean): Promise<void> {
  for (const { result } of group) if (repo.shallow) result.warnings.push(SHALLOW_WARNING);
  let head: string | undefined;
  if (incremental && !repo.shallow) {
    head = (await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => Buffer.alloc(0))).toString('utf8').trim() || undefined;
  }
  for (const { result } of group) result.head = head;
  // Paths in git are relative to the repository root; records and snapshots to the log folder.
  const toRepo = (logDir: string, path: string) => (logDir ? `${logDir}/${path}` : path);
  const snapshots = group.map((g) => g.request.snapshot);
  const since = snapshots[0]?.head;
  const sameSnapshot = head !== undefined && since !== undefined && snapshots.every((s) => s?.head === since);
  if (sameSnapshot && since === head) {
    for (const { request, result } of group) {
      const known = new Map(Object.entries(request.snapshot!.records));
      result.records = new Map(request.paths.map((p) => [p, known.get(p) ?? { versions: [], created: undefined, updated: undefined, authors: [] }]));
    }
    return;
  }
  const before = new Map<string, RecordHistory>();
  let range: string[] = [];
  if (sameSnapshot && since && head && (await runGit(root, ['merge-base', '--is-ancestor', since, head]).then(() => true, () => false))) {
    for (const { request, logDir } of group) for (const [path, history] of Object.entries(request.snapshot!.records)) before.set(toRepo(logDir, path), history);
    range = [`${since}..${head}`];
  }
  // From the repository root over every markdown file, so a record is followed out of its log
  // folder through folder moves (`hercules/` -> `docs/hercules_network_adr/`).
  // Plus each log folder itself (records once committed without an extension); for a log at the
  // repository root, its top-level files.
  const own = [...new Set(group.map((g) => (g.logDir ? `:(literal)${g.logDir}` : ':(glob)*')))];
  let output: string;
  try {
    output = (await runGit(root, [...LOG_ARGS, ...range, '--', ...LOG_PATHSPECS, ...own])).toString('utf8');
  } catch (error) {
    const message = (error as Error).message;
    if (/does not have any commits|bad default revision/.test(message)) return;
    if (isGitMissing(error)) throw error;
    throw new AdrkitError('git', message, { hint: 'run the command inside a readable git repository, or outside any repository' });
  }
  const byRepoPath = extendHistory(before, parseRawLog(output), group.flatMap((g) => g.request.paths.map((p) => toRepo(g.logDir, p))));
  for (const { request, result, logDir } of group) {
    for (const path of request.paths) {
      const history = byRepoPath.get(toRepo(logDir, path))!;
      result.records.set(path, repo.shallow ? { ...history, created: undefined } : history);
    }
  }
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

/**
 * Streams many blobs out of ONE `git cat-file --batch` ({@link catFileStream}): each content is
 * handed over as it arrives and then dropped, so memory holds one blob at a time.
 * @param cwd - any folder inside the repository.
 * @param blobs - blob ids (40 hex); duplicates are read once.
 * @param onBlob - called with each blob id and its content (UTF-8); missing blobs are skipped.
 * @throws AdrkitError `git` when git fails.
 */
export function streamBlobs(cwd: string, blobs: string[], onBlob: (id: string, text: string) => void): Promise<void> {
  return catFileStream(cwd, [...new Set(blobs)], (id, object) => onBlob(id, object.content.toString('utf8')));
}
