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
    child.on('error', (error) => reject(new AdrkitError('git', `cannot run git: ${error.message}`, { hint: 'install git and put it on PATH' })));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new AdrkitError('git', `git ${args[0]} failed: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0] || `exit ${code}`}`));
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // git may exit before reading (bad object); its exit status tells
      child.stdin.end(input);
    }
  });
}

/** One object read by {@link catFileBatch}. */
export interface GitObject {
  /** `blob`, `tree`, `commit` or `tag`. */
  type: string;
  content: Buffer;
}

/**
 * Reads many objects in ONE `git cat-file --batch` (git-cat-file(1) "BATCH OUTPUT": a
 * `<id> <type> <size>` header, the content and a newline per object; `<name> missing` or
 * `<name> ambiguous` for names that do not resolve).
 *
 * @param cwd - any folder inside the repository.
 * @param names - object names (`<id>`, `<commit>:<path>`), one per line of stdin.
 * @returns the objects by the name asked for; missing and ambiguous names are absent.
 * @throws AdrkitError `git` when git fails (see {@link runGit}).
 */
export async function catFileBatch(cwd: string, names: string[]): Promise<Map<string, GitObject>> {
  const result = new Map<string, GitObject>();
  if (names.length === 0) return result;
  const buffer = await runGit(cwd, ['cat-file', '--batch'], names.join('\n') + '\n');
  let offset = 0;
  for (const name of names) {
    const eol = buffer.indexOf(10, offset);
    if (eol === -1) break;
    const header = buffer.subarray(offset, eol).toString('utf8');
    offset = eol + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const parts = header.split(' ');
    const size = Number(parts[2]);
    result.set(name, { type: parts[1], content: buffer.subarray(offset, offset + size) });
    offset += size + 1;
  }
  return result;
}
