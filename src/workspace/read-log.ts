import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { classifyFile } from '../parse/filename.js';
import { looksLikeTemplate, parseRecord, type ParsedRecord } from '../parse/record.js';
import type { CachedRecord, RecordCache } from './record-cache.js';

/** A record read from disk: the parsed record plus where it lives. */
export interface LoadedRecord extends ParsedRecord {
  /** Path relative to the working directory (for messages), `/` separators. */
  file: string;
  /** Absolute path. */
  absPath: string;
  /** File content as decoded. */
  text: string;
  /**
   * Git blob id of the content when it is known without reading the file again (records served
   * by the parse cache); else compute it from `text` with `gitBlobId`.
   */
  blobId?: string;
}

/** A file that could not be read at all (permissions, symlink loop, a folder named `x.md`). */
export interface UnreadableFile {
  file: string;
  message: string;
}

/** A decision log folder as read from disk. */
export interface DecisionLog {
  /** Absolute path of the log folder. */
  dir: string;
  /** Log folder relative to the working directory. */
  relDir: string;
  records: LoadedRecord[];
  unreadable: UnreadableFile[];
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Reads every record of a decision log folder (top level only; index, README and template files
 * are skipped, see `classifyFile`). Files are decoded as UTF-8 (invalid bytes become U+FFFD and
 * are reported by the parser). Never throws for a single bad file: it lands in `unreadable`.
 *
 * @param cwd - working directory (messages use paths relative to it).
 * @param dir - absolute path of the log folder.
 * @param options.cache - reuse records parsed by an earlier run when their content is unchanged.
 * @throws NodeJS.ErrnoException when the folder itself cannot be listed.
 */
export function readLog(cwd: string, dir: string, options: { cache?: RecordCache } = {}): DecisionLog {
  const entries = readdirSync(dir, { withFileTypes: true });
  const records: LoadedRecord[] = [];
  const unreadable: UnreadableFile[] = [];
  const names = entries.map((e) => e.name).sort();
  for (const name of names) {
    if (classifyFile(name) !== 'record') continue;
    const absPath = join(dir, name);
    const file = toPosix(relative(cwd, absPath));
    const cached = options.cache?.lookup(absPath, name);
    if (cached) {
      if (!cached.template) records.push(withLocation(cached, file, absPath));
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(readFileSync(absPath));
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'EISDIR') continue;
      unreadable.push({ file, message: describeIoError(err) });
      continue;
    }
    if (options.cache) {
      const parsed = options.cache.parse(absPath, name, text, looksLikeTemplate);
      if (!parsed.template) records.push(withLocation(parsed, file, absPath));
      continue;
    }
    const parsed = parseRecord(name, text);
    if (looksLikeTemplate(parsed.record)) continue;
    records.push({ ...parsed, file, absPath, text });
  }
  return { dir, relDir: toPosix(relative(cwd, dir)) || '.', records, unreadable };
}

/** A cached record as a {@link LoadedRecord}, keeping its lazily read `text`. */
function withLocation(parsed: CachedRecord, file: string, absPath: string): LoadedRecord {
  return Object.defineProperties({ record: parsed.record, problems: parsed.problems, hasFrontmatter: parsed.hasFrontmatter, locate: parsed.locate, file, absPath, blobId: parsed.blobId } as LoadedRecord, {
    text: { enumerable: true, get: () => parsed.text },
  });
}

/** A one-line, user-facing description of a file system error. */
export function describeIoError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: make the file readable (chmod u+r)';
    case 'ELOOP':
      return 'symbolic link loop: fix or remove the link';
    case 'ENOENT':
      return 'file not found (a dangling symbolic link?)';
    default:
      return `cannot read file (${error.code ?? error.message})`;
  }
}

/** Converts a platform path to `/` separators. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
