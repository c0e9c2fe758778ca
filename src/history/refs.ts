import { posix } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import { readBlobs } from './git.js';
import { catFileBatch, runGit as git } from './run.js';

/** A file of a decision log folder as stored at a git ref. */
export interface FileAtRef {
  /** File name relative to the log folder (top level only). */
  path: string;
  /** Blob id (40 hex). */
  blob: string;
  text: string;
}

/** A branch (local or remote-tracking) and the commit it points to. */
export interface BranchRef {
  /** Full ref name, e.g. `refs/heads/main`, `refs/remotes/origin/feature-x`. */
  name: string;
  /** Short name, e.g. `main`, `origin/feature-x`. */
  short: string;
  commit: string;
}

/** File names of a log folder found on one branch (see {@link listLogNamesOnBranches}). */
export interface NamesOnRef {
  ref: BranchRef;
  /** File names at the top of the log folder on that branch; empty when the folder does not exist there. */
  names: string[];
}

/** A renamed record between two snapshots, as detected by `git diff -M`. */
export interface GitRename {
  from: string;
  to: string;
}

/**
 * Resolves a ref (branch, tag, sha, `HEAD~2`, `origin/main`) to a commit id with one `git rev-parse`.
 *
 * @param cwd - any folder inside the repository.
 * @throws AdrkitError `git` "unknown ref X: fetch it (git fetch origin X) or use fetch-depth: 0" when
 *   the ref does not name a commit (typical of shallow CI checkouts).
 */
export async function resolveCommit(cwd: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new AdrkitError('usage', `invalid ref "${ref}"`);
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch {
    throw new AdrkitError('git', `unknown ref ${ref}: fetch it (git fetch origin ${ref.replace(/^(?:refs\/remotes\/)?origin\//, '')}) or use fetch-depth: 0`, {
      hint: 'in GitHub Actions, check out with `actions/checkout` and `fetch-depth: 0`',
    });
  }
}

/**
 * The best common ancestor of two commits (`git merge-base`), where a branch forked from its
 * base; `base` itself when they share no history.
 */
export async function mergeBase(cwd: string, base: string, head: string): Promise<string> {
  try {
    return (await git(cwd, ['merge-base', base, head])).toString('utf8').trim() || base;
  } catch {
    return base;
  }
}

/**
 * Path of a folder relative to the repository root (`git rev-parse --show-prefix`), `''` at the
 * root, always ending with `/` otherwise.
 * @throws AdrkitError `git` when the folder is not inside a git work tree.
 */
export async function repoPrefix(dir: string): Promise<string> {
  try {
    return (await git(dir, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  } catch (error) {
    throw new AdrkitError('git', `${dir} is not inside a git repository`, { hint: 'review and ref scanning need a git checkout' });
  }
}

/**
 * Reads the top-level files of a log folder at a commit: one `git ls-tree --full-tree -z <commit>:./` (run in
 * the folder) and ONE `git cat-file --batch` for every blob ({@link readBlobs}). Sub-folders are
 * skipped (the log reader reads the top level only).
 *
 * @param dir - absolute path of the log folder in the work tree.
 * @param commit - a commit id (see {@link resolveCommit}).
 * @returns the files, sorted by name; empty when the folder does not exist at that commit.
 */
export async function readLogAtCommit(dir: string, commit: string): Promise<FileAtRef[]> {
  let listing: string;
  try {
    listing = (await git(dir, ['ls-tree', '--full-tree', '-z', `${commit}:./`])).toString('utf8');
  } catch {
    return [];
  }
  const entries: Array<{ path: string; blob: string }> = [];
  for (const line of listing.split('\0')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const [, type, blob] = line.slice(0, tab).split(' ');
    if (type === 'blob') entries.push({ path: line.slice(tab + 1), blob });
  }
  const blobs = await readBlobs(dir, entries.map((e) => e.blob));
  return entries
    .filter((e) => blobs.has(e.blob))
    .map((e) => ({ ...e, text: blobs.get(e.blob)! }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Renames of files directly in the log folder between a commit and another commit (or the work
 * tree when `head` is undefined), from ONE `git diff -M --name-status -z --relative` (git's
 * rename detection, 50% similarity). Untracked files are not seen by git; callers match them by content.
 */
export async function readRenames(dir: string, base: string, head?: string): Promise<GitRename[]> {
  const args = ['diff', '-M', '--name-status', '-z', '--no-color', '--relative', base, ...(head ? [head] : []), '--', '.'];
  const out = (await git(dir, args)).toString('utf8').split('\0');
  const renames: GitRename[] = [];
  for (let i = 0; i < out.length; i++) {
    const status = out[i];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renames.push({ from: out[i + 1], to: out[i + 2] });
      i += 2;
    } else i += 1;
  }
  return renames.filter((r) => !r.from.includes('/') && !r.to.includes('/'));
}

/**
 * Lists the local and remote-tracking branches (ONE `git for-each-ref refs/heads refs/remotes`)
 * and the file names of the log folder on each, reading every distinct folder tree in ONE
 * `git cat-file --batch` (`<commit>:<prefix>` lines; the binary tree format of git's object
 * storage, see gitformat-tree / git-cat-file(1)). Three git processes in all, whatever the
 * number of branches.
 *
 * @param dir - absolute path of the log folder in the work tree.
 */
export async function listLogNamesOnBranches(dir: string): Promise<NamesOnRef[]> {
  const prefix = await repoPrefix(dir);
  const listing = (await git(dir, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)', 'refs/heads', 'refs/remotes'])).toString('utf8');
  const refs: BranchRef[] = [];
  for (const line of listing.split('\n')) {
    const [name, commit, type] = line.split('\0');
    if (!name || type !== 'commit' || name.endsWith('/HEAD')) continue;
    refs.push({ name, short: name.replace(/^refs\/(heads|remotes)\//, ''), commit });
  }
  if (refs.length === 0) return [];
  const commits = [...new Set(refs.map((r) => r.commit))];
  const trees = await catFileBatch(dir, commits.map((c) => `${c}:${prefix}`));
  return refs.map((ref) => {
    const tree = trees.get(`${ref.commit}:${prefix}`);
    return { ref, names: tree && tree.type === 'tree' ? treeNames(tree.content) : [] };
  });
}

/** Names of the entries of a raw git tree object (`<mode> <name>\0<20-byte id>` repeated). */
function treeNames(tree: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset < tree.length) {
    const space = tree.indexOf(32, offset);
    const nul = tree.indexOf(0, space);
    if (space === -1 || nul === -1) break;
    const mode = tree.subarray(offset, space).toString('ascii');
    if (mode !== '40000') names.push(tree.subarray(space + 1, nul).toString('utf8'));
    offset = nul + 21;
  }
  return names;
}

/**
 * Every file of the repository at a commit (`git ls-tree -r --full-tree`), or in the work tree when
 * `commit` is null (`git ls-files --cached --others --exclude-standard`: tracked and untracked files,
 * ignored ones left out, deleted ones dropped), as paths relative to the repository root with `/`
 * separators, sorted. What review lints links against and matches `applies-to` globs with.
 *
 * @param dir - any folder inside the repository.
 * @throws AdrkitError `git` when git fails.
 */
/**
 * Repository paths (relative to its root, as git prints them) made relative to a folder inside it,
 * given that folder's `git rev-parse --show-prefix` (`''` at the root). Pure.
 */
export function fromRepoRoot(paths: readonly string[], prefix: string): string[] {
  return prefix ? paths.map((p) => posix.relative(prefix, p)) : [...paths];
}

export async function listRepoFiles(dir: string, commit: string | null): Promise<string[]> {
  const args = commit
    ? ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]
    : ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ':/'];
  const files = new Set((await git(dir, args)).toString('utf8').split('\0').filter(Boolean));
  if (!commit) for (const deleted of (await git(dir, ['ls-files', '-z', '--deleted', '--full-name', '--', ':/'])).toString('utf8').split('\0')) files.delete(deleted);
  return [...files].sort();
}

/**
 * Files changed between a commit and another commit (or the work tree, untracked files included,
 * when `head` is undefined), from `git diff --name-only` (no rename detection: a rename lists both
 * paths), relative to the repository root, sorted.
 *
 * @param dir - any folder inside the repository.
 * @throws AdrkitError `git` when git fails.
 */
export async function changedRepoFiles(dir: string, base: string, head?: string): Promise<string[]> {
  const diff = (await git(dir, ['diff', '--name-only', '-z', '--no-renames', '--no-relative', base, ...(head ? [head] : []), '--', ':/'])).toString('utf8');
  const files = new Set(diff.split('\0').filter(Boolean));
  if (!head) for (const f of (await git(dir, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ':/'])).toString('utf8').split('\0')) if (f) files.add(f);
  return [...files].sort();
}
