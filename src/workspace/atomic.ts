import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AdrkitError } from '../model/errors.js';

/**
 * Writes a file atomically: a temp file in the same folder, then `rename` over the target.
 * With `expected`, refuses (AdrkitError `conflict`) when the file on disk changed since it was
 * read, so a concurrent edit is never clobbered.
 */
export function writeFileAtomic(path: string, content: string, options: { expected?: string } = {}): void {
  if (options.expected !== undefined) {
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== options.expected) {
      throw new AdrkitError('conflict', 'file changed on disk since adrkit read it; nothing was written', { file: path, hint: 'run the command again' });
    }
  }
  const temp = join(dirname(path), `.${basename(path)}.adrkit-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AdrkitError('io', `cannot write file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path });
  }
}

/**
 * Creates a file that must not exist yet (`O_CREAT | O_EXCL`): never overwrites, safe when
 * several processes race for the same name.
 * @returns false when the file already exists.
 */
export function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AdrkitError('io', `cannot create file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path });
  }
  try {
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}
