import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { looksLikeTemplate, parseRecord, type ParsedRecord } from '../parse/record.js';
import { readsLikeRecord } from '../parse/record-signals.js';
import { logLayout, type SkippedFile } from './log-layout.js';
import type { CachedRecord, RecordCache } from './record-cache.js';

/** A record read from disk: the parsed record plus where it lives. */
export interface LoadedRecord extends ParsedRecord {
  /** Path relative to the working directory (for messages), `/` separators. */
  file: string;
  /** Absolute path. */
  absPath: string;
  /**
   * The decision log the record belongs to: its folder relative to the working directory (`.` for
   * the working directory itself), as `DecisionLog.relDir`. Tells the logs of a monorepo apart.
   */
  log?: string;
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
  /**
   * Files of the folder that were not read as records, and why (paths relative to the log
   * folder): index, template, not markdown, or not a record (an unnamed file that does not read
   * like one, a template in the numbered sequence).
   */
  skipped: SkippedFile[];
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Reads every record of a decision log folder: markdown files at its top, one folder per record
 * (`0004-x/README.md`) and category sub-folders (see `logLayout`); index, README and template files
 * are skipped. Records come in numeric order (2 before 10). Files are decoded as UTF-8 (invalid
 * bytes become U+FFFD and are reported by the parser). Never throws for a single bad file: it lands
 * in `unreadable`.
 *
 * @param cwd - working directory (messages use paths relative to it).
 * @param dir - absolute path of the log folder.
 * @param options.cache - reuse records parsed by an earlier run when their content is unchanged.
 * @throws NodeJS.ErrnoException when the folder itself cannot be listed.
 */
export function readLog(cwd: string, dir: string, options: { cache?: RecordCache } = {}): DecisionLog {
  const layout = logLayout(dir);
  const records: LoadedRecord[] = [];
  const unreadable: UnreadableFile[] = [];
  const skipped = [...layout.skipped];
  const relDir = toPosix(relative(cwd, dir)) || '.';
  for (const { path, needsContent } of layout.candidates) {
    const absPath = join(dir, ...path.split('/'));
    const file = toPosix(relative(cwd, absPath));
    const cached = needsContent ? undefined : options.cache?.lookup(absPath, path);
    if (cached) {
      if (!cached.template) records.push(withLocation(cached, file, absPath, relDir));
      else skipped.push({ path, reason: 'template' });
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
    if (needsContent && !readsLikeRecord(text)) {
      skipped.push({ path, reason: 'not a record' });
      continue;
    }
    if (options.cache) {
      const parsed = options.cache.parse(absPath, path, text, looksLikeTemplate);
      if (!parsed.template) records.push(withLocation(parsed, file, absPath, relDir));
      else skipped.push({ path, reason: 'template' });
      continue;
    }
    const parsed = parseRecord(path, text);
    if (looksLikeTemplate(parsed.record)) {
      skipped.push({ path, reason: 'template' });
      continue;
    }
    records.push({ ...parsed, file, absPath, log: relDir, text });
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dir, relDir, records, unreadable, skipped };
}

/** A cached record as a {@link LoadedRecord}, keeping its lazily read `text`. */
function withLocation(parsed: CachedRecord, file: string, absPath: string, log: string): LoadedRecord {
  return Object.defineProperties({ record: parsed.record, problems: parsed.problems, hasFrontmatter: parsed.hasFrontmatter, locate: parsed.locate, file, absPath, log, blobId: parsed.blobId } as LoadedRecord, {
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
