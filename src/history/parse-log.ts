/** One commit of the decision log history, as read from `git log --raw -z`. */
export interface CommitInfo {
  hash: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  author: string;
  email: string;
}

/** A file change in a commit: `A`dd, `M`odify, `D`elete, `R`ename (with `from`), `C`opy, `T`ype change. */
export interface FileChange {
  kind: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  from?: string;
  /** Blob id after the change (all zeros for deletes). */
  blob: string;
}

/** A commit and its changes under the log folder. */
export interface CommitChanges extends CommitInfo {
  changes: FileChange[];
}

/** The `git log` arguments whose output {@link parseRawLog} reads. */
export const LOG_FORMAT = '--format=%x1e%H%x1f%aI%x1f%an%x1f%ae';

/**
 * Parses the output of `git log --raw --no-abbrev -z -M` with {@link LOG_FORMAT} (git 2.x raw diff
 * format, see git-diff(1) "RAW OUTPUT FORMAT"). Commits come newest first, as git prints them.
 */
export function parseRawLog(output: string): CommitChanges[] {
  const commits: CommitChanges[] = [];
  for (const chunk of output.split('\x1e')) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = headerEnd === -1 ? chunk.trimEnd() : chunk.slice(0, headerEnd);
    const [hash, date, author, email] = header.split('\x1f');
    const commit: CommitChanges = { hash, date, author, email, changes: [] };
    const fields = headerEnd === -1 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (let i = 0; i < fields.length; i++) {
      const meta = fields[i];
      if (!meta.startsWith(':')) continue;
      const parts = meta.slice(1).split(' ');
      const blob = parts[3];
      const kind = parts[4]?.[0] as FileChange['kind'];
      if (kind === 'R' || kind === 'C') {
        commit.changes.push({ kind, from: fields[i + 1], path: fields[i + 2], blob });
        i += 2;
      } else {
        commit.changes.push({ kind, path: fields[i + 1], blob });
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
 * Groups commits by the record file they touched, following renames backwards from the
 * current paths (`R old new` makes older changes to `old` count for `new`); a delete ends a
 * file's line (an older file with the same name is another record). Pure.
 *
 * @param commits - newest first, as from {@link parseRawLog}.
 * @param currentPaths - paths of the records today (relative to the log folder).
 */
export function historyByPath(commits: CommitChanges[], currentPaths: Iterable<string>): Map<string, RecordHistory> {
  return extendHistory(new Map(), commits, currentPaths);
}

/**
 * Extends a history known up to an older commit with the commits made since (incremental
 * history: the commits of `git log <old>..HEAD`). A record renamed since is joined to its
 * history under its old path; a record added since starts fresh. With an empty `previous`, this
 * is the whole history. Pure.
 *
 * @param previous - histories at the older commit, by path at that commit.
 * @param newer - the commits since, newest first.
 * @param currentPaths - paths of the records today.
 */
export function extendHistory(previous: Map<string, RecordHistory>, newer: CommitChanges[], currentPaths: Iterable<string>): Map<string, RecordHistory> {
  const alias = new Map<string, string>();
  const versions = new Map<string, RecordVersion[]>();
  for (const path of currentPaths) {
    alias.set(path, path);
    versions.set(path, []);
  }
  for (const commit of newer) {
    const info: CommitInfo = { hash: commit.hash, date: commit.date, author: commit.author, email: commit.email };
    for (const change of commit.changes) {
      const key = alias.get(change.path);
      if (key === undefined) continue;
      if (change.kind === 'D') continue;
      versions.get(key)!.push({ ...info, kind: change.kind, path: change.path, blob: change.blob });
      if (change.kind === 'A') alias.delete(change.path);
      else if (change.kind === 'R' && change.from !== undefined) {
        alias.delete(change.path);
        alias.set(change.from, key);
      }
    }
  }
  // Records not added since: their older versions are the previous history of the path they had then.
  const older = new Map<string, RecordVersion[]>();
  for (const [oldPath, key] of alias) older.set(key, previous.get(oldPath)?.versions ?? []);
  const result = new Map<string, RecordHistory>();
  for (const [path, list] of versions) result.set(path, summarise([...(older.get(path) ?? []), ...list.reverse()]));
  return result;
}

/** Created / updated / authors of a record from its versions, oldest first. */
function summarise(list: RecordVersion[]): RecordHistory {
  const authors: string[] = [];
  for (const v of list) if (!authors.includes(v.author)) authors.push(v.author);
  const added = list.find((v) => v.kind === 'A' || v.kind === 'C');
  return { versions: list, created: added?.date ?? list[0]?.date, updated: list.at(-1)?.date, authors };
}
