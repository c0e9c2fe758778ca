import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { IGNORED_FOLDER } from './log-layout.js';

/** Sub-folder levels of a log watched: a category (2 levels, see `logLayout`) holding a folder record. */
const WATCH_DEPTH = 3;

/** Quiet time (ms) after a change before the watched folders are listed again. */
const RESYNC_MS = 50;

/** What {@link watchLogFolders} returns. */
export interface LogWatcher {
  /** Lists the folders again now (watches new ones, drops those gone); done by itself shortly after each change too. */
  sync(): void;
  /** Stops watching. */
  close(): void;
}

/**
 * Watches decision log folders and their sub-folders (records kept as folders, categories; not
 * {@link IGNORED_FOLDER}s, down to {@link WATCH_DEPTH} levels), so that a change of
 * `0004-x/README.md` or of a file beside it is seen, not only changes at the top of the log.
 * Folders that appear or go are watched or dropped shortly after each change. Edge: one `fs.watch`
 * per folder; no recursive watch, which would also cover a `node_modules` beside records kept at
 * a repository's root.
 *
 * @param dirs - absolute paths of the log folders.
 * @param onChange - called with the absolute path of each changed file or folder (several times for one save, as `fs.watch` reports).
 * @param options.persistent - false: the watchers do not keep the process alive.
 * @param options.onError - called when a log folder itself can no longer be watched (removed, …).
 * @throws NodeJS.ErrnoException when a log folder cannot be watched.
 */
export function watchLogFolders(dirs: readonly string[], onChange: (path: string) => void, options: { persistent?: boolean; onError?: (error: Error) => void } = {}): LogWatcher {
  const watchers = new Map<string, FSWatcher>();
  let resync: NodeJS.Timeout | undefined;
  const sync = () => {
    const wanted = new Set(dirs.flatMap((dir) => [dir, ...subfolders(dir, WATCH_DEPTH)]));
    for (const [folder, watcher] of watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (watchers.has(folder)) continue;
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, { persistent: options.persistent ?? true }, (_event, name) => {
          onChange(name ? join(folder, name.toString()) : folder);
          clearTimeout(resync);
          resync = setTimeout(sync, RESYNC_MS);
          resync.unref();
        });
      } catch (error) {
        // The log folders themselves must be watchable; a sub-folder gone meanwhile is not watched.
        if (dirs.includes(folder)) throw error;
        continue;
      }
      watcher.on('error', (error) => {
        watcher.close();
        watchers.delete(folder);
        // A sub-folder removed while watched: its parent's watcher reports the removal.
        if (dirs.includes(folder)) options.onError?.(error);
      });
      watchers.set(folder, watcher);
    }
  };
  try {
    sync();
  } catch (error) {
    for (const w of watchers.values()) w.close();
    throw error;
  }
  return {
    sync,
    close() {
      clearTimeout(resync);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** Sub-folders of `dir` down to `depth` levels, {@link IGNORED_FOLDER}s skipped (edge: lists folders; never throws). */
function subfolders(dir: string, depth: number): string[] {
  if (depth === 0) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isDirectory() && !IGNORED_FOLDER.test(e.name)).flatMap((e) => [join(dir, e.name), ...subfolders(join(dir, e.name), depth - 1)]);
}
