import { parseRecordName } from '../parse/filename.js';

/** One commit of the decision log history, as read from `git log --raw -z`. */
export interface CommitInfo {
  hash: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  author: string;
  email: string;
  /** Subject line of the commit message (`%s`), when the log was read with it. */
  subject?: string;
}

/** A file change in a commit: `A`dd, `M`odify, `D`elete, `R`ename (with `from`), `C`opy, `T`ype change. */
export interface FileChange {
  kind: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  from?: string;
  /** Blob id after the change (all zeros for deletes). */
  blob: string;
  /** Blob id before the change (all zeros for adds); ordinary commits only. */
  before?: string;
  /**
   * For a merge commit (git's combined raw format, `-c --combined-all-paths`): the change against
   * each parent, in parent order, with the path the file had in that parent. `kind` and `from`
   * are then those against the first parent. Absent for ordinary commits.
   */
  parents?: Array<{ kind: FileChange['kind']; from: string }>;
}

/** A commit and its changes under the log folder. */
export interface CommitChanges extends CommitInfo {
  /**
   * Parent commits, first parent first. Absent in hand-built lists, which are then read as a
   * straight line, newest first.
   */
  parents?: string[];
  changes: FileChange[];
}

/** The `git log` format whose output {@link parseRawLog} reads (hash, parents, author date, name, e-mail, subject). */
export const LOG_FORMAT = '--format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae%x1f%s';

/**
 * The `git log` arguments of one history pass: every commit that touched a markdown file (the
 * records wherever they lived, so folder moves are followed), merges included with their changes
 * against each parent (combined raw format, so a rename made inside a merge is seen; copies too,
 * `-C`, for a merge that renumbers one of two files two branches added at one path), children
 * before parents (topological order). Every commit is listed (`--full-history --sparse`, the others
 * with no changes) so parents are the real ones and each line of history stays whole; git diffs
 * every commit against the pathspecs either way. Read by {@link parseRawLog}.
 */
export const LOG_ARGS = ['log', '--topo-order', '--full-history', '--sparse', '-M', '-C', '-c', '--combined-all-paths', '--raw', '--no-abbrev', '-z', '--no-color', LOG_FORMAT];

/** Pathspecs of the history pass: markdown files anywhere, any case (`.md`, `.MD`, `.markdown`). */
export const LOG_PATHSPECS = [':(glob,icase)**/*.md', ':(glob,icase)**/*.markdown'];

/**
 * Parses the output of `git log --raw --no-abbrev -z` with {@link LOG_FORMAT} (git 2.x raw diff
 * format, and the combined format of merges, see git-diff(1) "RAW OUTPUT FORMAT" and "COMBINED
 * DIFF FORMAT"). Commits come as git prints them (newest first; children first with `--topo-order`).
 * Also reads the older formats without the subject, or without parents (`%H%x1f%aI%x1f%an%x1f%ae`).
 */
export function parseRawLog(output: string): CommitChanges[] {
  const commits: CommitChanges[] = [];
  for (const chunk of output.split('\x1e')) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = (headerEnd === -1 ? chunk : chunk.slice(0, headerEnd)).replace(/\n+$/, '');
    const fieldsOf = header.split('\x1f');
    const withParents = fieldsOf.length >= 5;
    const [hash, date, author, email] = withParents ? [fieldsOf[0], ...fieldsOf.slice(2)] : fieldsOf;
    const commit: CommitChanges = { hash, date, author, email, changes: [] };
    if (withParents) commit.parents = fieldsOf[1].split(' ').filter(Boolean);
    // The subject is the last field: a (rare) separator inside it stays part of it.
    if (withParents && fieldsOf.length >= 6) commit.subject = fieldsOf.slice(5).join('\x1f');
    const fields = headerEnd === -1 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (let i = 0; i < fields.length; i++) {
      const meta = fields[i].replace(/^\n/, '');
      if (meta.startsWith('::')) {
        // Combined (merge): `::m1 m2 mM b1 b2 bM KK\0path-in-p1\0path-in-p2\0path\0`.
        const n = /^:+/.exec(meta)![0].length;
        const parts = meta.slice(n).split(' ');
        const kinds = parts[parts.length - 1];
        const blob = parts[parts.length - 2];
        const paths = fields.slice(i + 1, i + 1 + n + 1);
        i += n + 1;
        const path = paths[n];
        const perParent = [...kinds].map((k, j) => ({ kind: k as FileChange['kind'], from: paths[j] }));
        commit.changes.push({ kind: perParent[0].kind, path, from: perParent[0].from, blob, parents: perParent });
        continue;
      }
      if (!meta.startsWith(':')) continue;
      const parts = meta.slice(1).split(' ');
      const [before, blob] = [parts[2], parts[3]];
      const kind = parts[4]?.[0] as FileChange['kind'];
      if (kind === 'R' || kind === 'C') {
        commit.changes.push({ kind, from: fields[i + 1], path: fields[i + 2], blob, before });
        i += 2;
      } else {
        commit.changes.push({ kind, path: fields[i + 1], blob, before });
        i += 1;
      }
    }
    commits.push(commit);
  }
  return commits;
}

/** A commit that touched a record: its version of the file. */
export interface RecordVersion extends CommitInfo {
  kind: FileChange['kind'];
  /** Path of the file at that commit (differs from today's after a rename). */
  path: string;
  blob: string;
}

/** History of one record, oldest version first. */
export interface RecordHistory {
  versions: RecordVersion[];
  /** Author date of the commit that added the file (following renames), or undefined if unknown. */
  created: string | undefined;
  /** Author date of the newest commit that changed it. */
  updated: string | undefined;
  /** Distinct author names, in order of first contribution. */
  authors: string[];
}

/**
 * Groups commits by the record file they touched, following each record back from its current
 * path through renames (also renames made inside merge commits, against each parent) and through
 * every parent of every merge; a path deleted and later added again is one record from its first
 * addition; a record renumbered in two commits (copied to a new number with the same title slug,
 * the old name deleted or renamed away later) is one record from its first version; paths are
 * tracked per line of history, so a path used on two parallel branches before
 * a renumbering belongs to the record on each branch's own line. Pure.
 *
 * @param commits - children before parents (`git log --topo-order`), as from {@link parseRawLog}.
 * @param currentPaths - paths of the records today.
 */
export function historyByPath(commits: CommitChanges[], currentPaths: Iterable<string>): Map<string, RecordHistory> {
  return extendHistory(new Map(), commits, currentPaths);
}

/** Record paths as they exist in one commit's tree: path -> record keys (today's paths). */
interface Tracked {
  /** Paths that exist in the commit. */
  live: Map<string, Set<string>>;
  /** Paths added later, waiting for the commit that deleted them before (deleted and restored). */
  gone: Map<string, Set<string>>;
}

function joinInto(target: Map<string, Set<string>>, source: Map<string, Set<string>>): void {
  for (const [path, keys] of source) {
    const into = target.get(path);
    if (!into) target.set(path, new Set(keys));
    else for (const k of keys) into.add(k);
  }
}

function copyTracked(t: Tracked): Tracked {
  const c: Tracked = { live: new Map(), gone: new Map() };
  joinInto(c.live, t.live);
  joinInto(c.gone, t.gone);
  return c;
}

/**
 * Extends a history known up to an older commit with the commits made since (incremental
 * history: the commits of `git log <old>..HEAD`). A record renamed since is joined to its
 * history under its old path; a record added since starts fresh. With an empty `previous`, this
 * is the whole history (see {@link historyByPath}). Pure.
 *
 * @param previous - histories at the older commit, by path at that commit.
 * @param newer - the commits since, children before parents.
 * @param currentPaths - paths of the records today.
 */
export function extendHistory(previous: Map<string, RecordHistory>, newer: CommitChanges[], currentPaths: Iterable<string>): Map<string, RecordHistory> {
  const versions = new Map<string, RecordVersion[]>();
  const start: Tracked = { live: new Map(), gone: new Map() };
  for (const path of currentPaths) {
    versions.set(path, []);
    start.live.set(path, new Set([path]));
  }
  const listed = new Set(newer.map((c) => c.hash));
  const pending = new Map<string, Tracked>();
  // Paths passed to commits before the listed ones (the older commit of an incremental run).
  const beyond = new Map<string, Set<string>>();
  if (newer.length > 0) pending.set(newer[0].hash, start);
  else joinInto(beyond, start.live);
  // Record files a newer commit removed (deleted, or renamed away), by folder and title slug, as
  // long as no older commit seen since added them: a record renumbered in two commits (copied to
  // its new name, the old name removed later) continues the old name's line.
  const removedLater = new Map<string, Set<string>>();
  newer.forEach((commit, index) => {
    const state = pending.get(commit.hash);
    if (!state) return;
    pending.delete(commit.hash);
    const parents = commit.parents ?? (index + 1 < newer.length ? [newer[index + 1].hash] : []);
    const info: CommitInfo = { hash: commit.hash, date: commit.date, author: commit.author, email: commit.email };
    if (commit.subject !== undefined) info.subject = commit.subject;
    // One tracked state per parent: the first parent takes the state itself, the others copies.
    const toParent: Tracked[] = parents.map((_, i) => (i === 0 ? state : copyTracked(state)));
    const changes = commit.changes;
    // What each changed path was before this commit's changes are applied (a rename `a -> b` and a
    // new file at `a` in one commit must not mix).
    const before = changes.map((c) => (state.live.has(c.path) ? new Set(state.live.get(c.path)) : undefined));
    // Applied after every change is read: paths leaving the record's line, then the older paths
    // they came from (which, in that parent, are the moved record's file and no other's).
    const leaving: Array<[number, string]> = [];
    const moved: Array<[number, string, Set<string>]> = [];
    changes.forEach((change, c) => {
      if (change.kind === 'D' && !change.parents) {
        // Deleted here: a record added again later (waiting in `gone`) existed before this commit.
        for (const t of toParent.length ? toParent : [state]) {
          const keys = t.gone.get(change.path);
          if (keys) {
            t.gone.delete(change.path);
            const live = t.live.get(change.path);
            if (live) for (const k of keys) live.add(k);
            else t.live.set(change.path, keys);
          }
        }
        return;
      }
      const keys = before[c];
      if (!keys || change.kind === 'D') return;
      for (const key of keys) versions.get(key)!.push({ ...info, kind: change.kind, path: change.path, blob: change.blob });
      const perParent = change.parents ?? parents.map(() => ({ kind: change.kind, from: change.from ?? change.path }));
      const copiedFrom = (change.kind === 'A' || change.kind === 'C') && !change.parents ? (renumberedFrom(change.path, removedLater) ?? (change.kind === 'A' ? extensionChangedFrom(change, changes) : undefined)) : undefined;
      perParent.forEach(({ kind, from }, i) => {
        const t = toParent[i];
        if (!t || kind === 'M' || kind === 'T') return;
        leaving.push([i, change.path]);
        if (copiedFrom) moved.push([i, copiedFrom, keys]);
        // In a merge, a copy from a path the merge gives other content (`-C`) is that branch's file
        // renumbered: both branches had used the path.
        // So is a copy that keeps the file name (a folder move where git paired the old path with
        // another file as the rename, `README.md` say).
        else if (kind === 'R' || (kind === 'C' && (change.parents || baseName(from) === baseName(change.path)))) moved.push([i, from, keys]);
        else if (kind === 'A') joinInto(t.gone, new Map([[change.path, keys]]));
        // Otherwise `C` (a copy, of a template say) is a creation: the source is another record's line.
      });
    });
    noteRemovals(changes, removedLater);
    for (const [i, path] of leaving) toParent[i].live.delete(path);
    const claimed = new Set<string>();
    for (const [i, path, keys] of moved) {
      // A merge renumbering a file that a parallel branch added at a path the other branch also
      // used: in that branch's parent, the old path is the renamed record's, not today's record's.
      const at = `${i}\0${path}`;
      if (!claimed.has(at)) {
        claimed.add(at);
        toParent[i].live.set(path, new Set(keys));
      } else joinInto(toParent[i].live, new Map([[path, keys]]));
    }
    parents.forEach((parent, i) => {
      if (!listed.has(parent)) {
        joinInto(beyond, toParent[i].live);
        return;
      }
      const there = pending.get(parent);
      if (!there) pending.set(parent, toParent[i]);
      else {
        joinInto(there.live, toParent[i].live);
        joinInto(there.gone, toParent[i].gone);
      }
    });
  });
  // Records not added since: their older versions are the previous history of the path they had then.
  const older = new Map<string, RecordVersion[]>();
  for (const [oldPath, keys] of beyond) {
    const before = previous.get(oldPath)?.versions ?? [];
    if (before.length === 0) continue;
    for (const key of keys) older.set(key, [...(older.get(key) ?? []), ...before]);
  }
  const result = new Map<string, RecordHistory>();
  for (const [path, list] of versions) {
    const seen = new Set<string>();
    const own = list.filter((v) => !seen.has(v.hash) && seen.add(v.hash)).reverse();
    result.set(path, summarise([...(older.get(path) ?? []), ...own]));
  }
  return result;
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

const withoutExtension = (path: string) => path.replace(/\.(?:md|markdown)$/i, '');

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The key a two-commit renumbering is matched by: folder and title slug of a numbered or dated
 * record file (`adr/` + `terraform-roots` for `adr/ADR023-terraform-roots.md`); undefined for other
 * files (templates, indexes, names without a slug).
 */
function renumberKey(path: string): string | undefined {
  const name = parseRecordName(baseName(path));
  if (!name.titleSlug || (name.number === undefined && name.datePrefix === undefined)) return undefined;
  return `${folderOf(path)}\0${name.titleSlug.toLowerCase()}`;
}

/**
 * The old path of a record renumbered in two commits: `path` is added while a record file of the
 * same folder with the same title slug exists that a newer commit removes (deletes, or renames
 * away): `ADR023-x.md` copied to `ADR026-x.md` (content edited for the new number), then
 * `ADR023-x.md` deleted. Only an unambiguous match counts. A template copied into a new record
 * has another slug, so it stays a creation.
 */
function renumberedFrom(path: string, removedLater: Map<string, Set<string>>): string | undefined {
  const key = renumberKey(path);
  const candidates = key ? [...(removedLater.get(key) ?? [])].filter((p) => p !== path) : [];
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Keeps {@link renumberedFrom}'s index up to date after a commit (commits are read newest first):
 * the record files it removes join it; the ones it adds leave it, as they did not exist before.
 * Merges are left out (their changes are against each parent).
 */
function noteRemovals(changes: FileChange[], removedLater: Map<string, Set<string>>): void {
  for (const change of changes) {
    if (change.parents) continue;
    if (change.kind === 'A' || change.kind === 'C' || change.kind === 'R') {
      const key = renumberKey(change.path);
      if (key) removedLater.get(key)?.delete(change.path);
    }
    const removed = change.kind === 'D' ? change.path : change.kind === 'R' ? change.from : undefined;
    const key = removed === undefined ? undefined : renumberKey(removed);
    if (removed !== undefined && key) {
      const paths = removedLater.get(key) ?? new Set<string>();
      paths.add(removed);
      removedLater.set(key, paths);
    }
  }
}

/**
 * The old path of a record whose file gained or changed its extension in a commit that also
 * rewrote it (`ADR002-x` -> `ADR002-x.md`, `DR005-x.MD` -> `DR005-x.md`): git sees a delete and an
 * add when the content changed too much for a rename.
 *
 * Other deletes and adds of one commit are not paired, even with the same number or title slug:
 * in the corpus's hand-checked history, such a pair is as often a new decision replacing the old
 * one (`0001-use-CC0-as-license` -> `0001-use-CC0-or-MIT-as-license`, 36 % similar) as the same
 * decision rewritten (`0005-function-execution-handlers` -> `0005-kernel-hooks-phase1`, 42 %), and
 * neither the names nor git's similarity tell them apart.
 */
function extensionChangedFrom(change: FileChange, changes: FileChange[]): string | undefined {
  const stem = withoutExtension(change.path);
  return changes.find((c) => c.kind === 'D' && c.path !== change.path && withoutExtension(c.path) === stem)?.path;
}

/** Created / updated / authors of a record from its versions, oldest first. */
function summarise(list: RecordVersion[]): RecordHistory {
  const authors: string[] = [];
  for (const v of list) if (!authors.includes(v.author)) authors.push(v.author);
  // The first addition on any line of history: a record added on two branches (or added, deleted
  // and added again) was created when it first appeared.
  let added: RecordVersion | undefined;
  for (const v of list) if ((v.kind === 'A' || v.kind === 'C') && (!added || Date.parse(v.date) < Date.parse(added.date))) added = v;
  return { versions: list, created: added?.date ?? list[0]?.date, updated: list.at(-1)?.date, authors };
}
