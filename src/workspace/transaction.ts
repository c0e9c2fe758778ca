import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AdrkitError } from '../model/errors.js';

/** One file of a multi-file write: what it must contain now, and what it will contain. */
export interface PlannedWrite {
  /** Absolute path of the file. */
  path: string;
  /** Content the file had when it was read; the write is refused when the disk differs. `undefined`: the file must not exist. */
  expected: string | undefined;
  /** New content. */
  content: string;
}

/** Test seams of {@link commitWrites}: called at the riskiest points of the protocol. */
export interface TransactionHooks {
  /** After every temp file is written, before the final "unchanged since read" check. */
  afterPrepare?(): void;
  /** Just before renaming the temp file of `writes[index]` over its target (throwing simulates a failure). */
  beforeRename?(index: number, path: string): void;
}

let counter = 0;

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AdrkitError('io', `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path });
  }
}

function tempPathFor(path: string, tag: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.adrkit-${process.pid}-${counter}.${tag}`);
}

function conflict(path: string): AdrkitError {
  return new AdrkitError('conflict', 'file changed on disk since adrkit read it; nothing was written', {
    file: path,
    hint: 'run the command again',
  });
}

/**
 * Writes several files all-or-nothing. Protocol: (1) every target is checked against the text it
 * had when read (`expected`); (2) every new content is written to a temp file beside its target;
 * (3) every target is checked again; (4) temp files are renamed over their targets, in order.
 * When any step fails, temp files are removed and targets already renamed are restored from the
 * originals kept in memory (each restore is itself temp + rename), so every file is left as it
 * was. Files whose content does not change are skipped.
 *
 * Limits: POSIX `rename` is atomic per file, not across files; a crash (power loss, SIGKILL)
 * between two renames can still leave a half-applied change. Concurrent edits are detected by
 * content, not locked.
 *
 * @returns the paths actually written.
 * @throws AdrkitError `conflict` when a file changed since it was read (nothing written);
 *   `io` when writing failed (everything rolled back).
 */
export function commitWrites(writes: PlannedWrite[], hooks: TransactionHooks = {}): string[] {
  const pending = writes.filter((w) => w.content !== w.expected);
  const seen = new Set<string>();
  for (const w of pending) {
    if (seen.has(w.path)) throw new AdrkitError('internal', 'the same file is written twice in one transaction', { file: w.path });
    seen.add(w.path);
  }
  const check = () => {
    for (const w of pending) if (readOrUndefined(w.path) !== w.expected) throw conflict(w.path);
  };
  check();
  const temps: string[] = [];
  const renamed: PlannedWrite[] = [];
  try {
    for (const w of pending) {
      const temp = tempPathFor(w.path, 'tmp');
      temps.push(temp);
      writeFileSync(temp, w.content);
    }
    hooks.afterPrepare?.();
    check();
    pending.forEach((w, index) => {
      hooks.beforeRename?.(index, w.path);
      renameSync(temps[index], w.path);
      renamed.push(w);
    });
    return pending.map((w) => w.path);
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    const failedRestores = rollback(renamed);
    if (error instanceof AdrkitError && failedRestores.length === 0) throw error;
    const reason = error instanceof AdrkitError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    throw new AdrkitError('io', `cannot write files (${reason}); ${failedRestores.length === 0 ? 'every file was restored' : `could not restore ${failedRestores.join(', ')}`}`, {
      file: (error instanceof AdrkitError ? error.details.file : undefined) ?? pending[renamed.length]?.path,
      hint: failedRestores.length === 0 ? 'fix the cause and run the command again' : 'restore the listed files from version control',
    });
  }
}

/** Puts back the original content of files already renamed; returns the paths it could not restore. */
function rollback(renamed: PlannedWrite[]): string[] {
  const failed: string[] = [];
  for (const w of [...renamed].reverse()) {
    try {
      if (w.expected === undefined) {
        rmSync(w.path, { force: true });
      } else {
        const temp = tempPathFor(w.path, 'restore');
        writeFileSync(temp, w.expected);
        renameSync(temp, w.path);
      }
    } catch {
      failed.push(w.path);
    }
  }
  return failed;
}
