import { spawn } from 'node:child_process';
import { AdrkitError } from '../model/errors.js';

/**
 * adrkit's one git runner: runs `git -c core.quotePath=false <args>` (no shell) in `cwd`, with
 * optional stdin, and returns stdout as a Buffer.
 *
 * @throws AdrkitError `git` "cannot run git" when git is missing, and "git <command> failed: <git's
 *   first stderr line>" when git exits non-zero (the exit status is always checked).
 */
export function runGit(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error) => reject(cannotRun(error)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(failed(args[0], code, err));
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // git may exit before reading (bad object); its exit status tells
      child.stdin.end(input);
    }
  });
}

const CANNOT_RUN = 'cannot run git';

/** git could not be started (not installed, not on PATH). */
function cannotRun(error: Error): AdrkitError {
  return new AdrkitError('git', `${CANNOT_RUN}: ${error.message}`, { hint: 'install git and put it on PATH' });
}

/** True for the error {@link runGit} throws when git could not be started at all (not installed, not on PATH). */
export function isGitMissing(error: unknown): boolean {
  return error instanceof AdrkitError && error.code === 'git' && error.message.startsWith(`${CANNOT_RUN}:`);
}

/** git exited non-zero: its first stderr line says why. */
function failed(command: string | undefined, code: number | null, stderr: Buffer[]): AdrkitError {
  return new AdrkitError('git', `git ${command} failed: ${Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] || `exit ${code}`}`);
}

/** One object read by {@link catFileBatch}. */
export interface GitObject {
  /** `blob`, `tree`, `commit` or `tag`. */
  type: string;
  content: Buffer;
}

/**
 * Streams many objects out of ONE `git cat-file --batch` (git-cat-file(1) "BATCH OUTPUT": a
 * `<id> <type> <size>` header, the content and a newline per object; `<name> missing` or
 * `<name> ambiguous` for names that do not resolve). Each object is handed to `onObject` as soon
 * as it has arrived and is not kept, so memory holds one object at a time whatever the number of
 * names; git's exit status is checked.
 *
 * @param cwd - any folder inside the repository.
 * @param names - object names (`<id>`, `<commit>:<path>`), one per line of stdin.
 * @param onObject - called once per name that resolves, in the order asked; missing and ambiguous
 *   names are skipped. An exception it throws stops git and rejects the promise.
 * @throws AdrkitError `git` when git cannot run or fails (see {@link runGit}).
 */
export function catFileStream(cwd: string, names: string[], onObject: (name: string, object: GitObject) => void): Promise<void> {
  if (names.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', 'cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const err: Buffer[] = [];
    let failure: unknown;
    // Bytes received and not yet read; `need` is the size of the object content awaited (+ its newline).
    let chunks: Buffer[] = [];
    let length = 0;
    let next = 0;
    let pending: { type: string; need: number } | undefined;
    const take = (n: number): Buffer => {
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
      const head = all.subarray(0, n);
      chunks = n < all.length ? [all.subarray(n)] : [];
      length -= n;
      return head;
    };
    const drain = () => {
      while (next < names.length) {
        if (pending) {
          if (length < pending.need) return;
          const body = take(pending.need);
          onObject(names[next++], { type: pending.type, content: body.subarray(0, pending.need - 1) });
          pending = undefined;
          continue;
        }
        const eol = indexOfNewline(chunks);
        if (eol === -1) return;
        const header = take(eol + 1).subarray(0, eol).toString('utf8');
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
          next++;
          continue;
        }
        const parts = header.split(' ');
        pending = { type: parts[1], need: Number(parts[2]) + 1 };
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      chunks.push(chunk);
      length += chunk.length;
      try {
        drain();
      } catch (error) {
        failure = error;
        child.kill();
      }
    });
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error) => reject(cannotRun(error)));
    child.on('close', (code) => {
      if (failure) reject(failure);
      else if (code === 0) resolve();
      else reject(failed('cat-file', code, err));
    });
    child.stdin.on('error', () => undefined); // git may exit before reading (not a repository); its exit status tells
    child.stdin.end(names.join('\n') + '\n');
  });
}

/** Offset of the first newline across the received chunks, or -1. */
function indexOfNewline(chunks: Buffer[]): number {
  let base = 0;
  for (const chunk of chunks) {
    const at = chunk.indexOf(10);
    if (at !== -1) return base + at;
    base += chunk.length;
  }
  return -1;
}

/**
 * Reads many objects in ONE `git cat-file --batch` ({@link catFileStream}), kept in memory.
 *
 * @param cwd - any folder inside the repository.
 * @param names - object names (`<id>`, `<commit>:<path>`).
 * @returns the objects by the name asked for; missing and ambiguous names are absent.
 * @throws AdrkitError `git` when git fails (see {@link runGit}).
 */
export async function catFileBatch(cwd: string, names: string[]): Promise<Map<string, GitObject>> {
  const result = new Map<string, GitObject>();
  await catFileStream(cwd, names, (name, object) => result.set(name, object));
  return result;
}
