import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import { formatNumber, slugify } from '../parse/filename.js';
import { createExclusive } from './atomic.js';
import { detectDigits, nextNumber } from '../decision/numbering.js';

/** Result of {@link createRecordFile}. */
export interface CreatedRecord {
  number: number;
  path: string;
  fileName: string;
}

const LOCK_STALE_MS = 10_000;

/**
 * Creates the next record in a log folder without ever overwriting or reusing a number, even
 * when several `adrkit new` run at once: a number is reserved with an exclusive lock file
 * (`.NNNN.adrkit-lock`), the folder is re-read while holding it, the record is created with
 * `O_EXCL`, then the lock is dropped.
 *
 * @param dir - absolute log folder.
 * @param title - record title (slugified for the file name; `/`, `..` cannot escape the folder).
 * @param render - renders the file content for the number finally chosen.
 * @param options.minNumber - lowest number to use (numbers taken on other branches, see `review`).
 * @throws AdrkitError `io` when the folder is not writable.
 */
export function createRecordFile(
  dir: string,
  title: string,
  render: (number: number) => string,
  options: { minNumber?: number; digits?: number } = {},
): CreatedRecord {
  const slug = slugify(title);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const names = readdirSync(dir);
    const digits = options.digits ?? detectDigits(names);
    const number = Math.max(nextNumber(names), options.minNumber ?? 0);
    const lock = join(dir, `.${formatNumber(number, digits)}.adrkit-lock`);
    if (!createExclusive(lock, String(process.pid))) {
      clearStaleLock(lock);
      // Another process holds this number: wait a little before looking again. Without the
      // pause, 1000 attempts ran out in milliseconds while the holder was still writing, and
      // `adrkit new` failed when ~20 ran at once.
      sleepSync(Math.min(100, 2 + attempt) + Math.random() * 10);
      continue;
    }
    try {
      if (nextNumber(readdirSync(dir)) > number) continue;
      const fileName = `${formatNumber(number, digits)}-${slug}.md`;
      const path = join(dir, fileName);
      if (!createExclusive(path, render(number))) continue;
      return { number, path, fileName };
    } finally {
      rmSync(lock, { force: true });
    }
  }
  throw new AdrkitError('io', 'could not reserve a record number after 1000 attempts', { file: dir, hint: 'remove stale .*.adrkit-lock files' });
}

/** Blocks the thread for `ms` milliseconds (no busy loop). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function clearStaleLock(lock: string): void {
  try {
    if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
  } catch {
    // the lock went away meanwhile
  }
}

/**
 * Creates a record whose file name starts with an id rather than a number (`numbering: date`
 * gives `YYYYMMDD-slug.md` like log4brains, `short-id` gives `k3x9a2-slug.md`). Never overwrites:
 * the file is created with `O_EXCL`; on a clash a new prefix is drawn, and when the prefix is
 * fixed (a date) `-2`, `-3`… is appended to the slug.
 *
 * @param prefix - draws the prefix of the file name (called again after a clash).
 * @throws AdrkitError `io` when the folder is not writable or no free name is found.
 */
export function createPrefixedRecordFile(dir: string, title: string, prefix: () => string, render: () => string): { path: string; fileName: string } {
  const slug = slugify(title);
  const content = render();
  for (let attempt = 0; attempt < 100; attempt++) {
    const fileName = `${prefix()}-${slug}${attempt > 0 ? `-${attempt + 1}` : ''}.md`;
    const path = join(dir, fileName);
    if (createExclusive(path, content)) return { path, fileName };
  }
  throw new AdrkitError('io', 'could not find a free file name after 100 attempts', { file: dir });
}
