import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { classifyFile } from '../parse/filename.js';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Folders searched, in order, when no decision log folder is configured. */
export const CANDIDATE_DIRS = ['adr', 'doc/adr', 'docs/adr', 'docs/decisions', 'docs/architecture/decisions', 'doc/architecture/decisions', 'architecture-decision-record', 'decisions'];

/**
 * Finds the decision log folder of a project: adr-tools' `.adr-dir` file, log4brains'
 * `.log4brains.yml` (`project.adrFolder`), then the usual folders ({@link CANDIDATE_DIRS}), then `cwd`
 * itself when it directly holds numbered records.
 *
 * @param cwd - project root.
 * @returns the folder relative to `cwd`, or `undefined` when none exists.
 */
export function detectAdrDir(cwd: string): string | undefined {
  const adrDirFile = join(cwd, '.adr-dir');
  if (existsSync(adrDirFile)) {
    const dir = readFileSync(adrDirFile, 'utf8').trim();
    if (dir && isDir(resolve(cwd, dir))) return dir;
  }
  const log4brains = join(cwd, '.log4brains.yml');
  if (existsSync(log4brains)) {
    try {
      const config = parseYaml(readFileSync(log4brains, 'utf8')) as { project?: { adrFolder?: string } } | null;
      const dir = config?.project?.adrFolder?.replace(/^\.\//, '');
      if (dir && isDir(resolve(cwd, dir))) return dir;
    } catch {
      // an unreadable .log4brains.yml is ignored; the usual folders are tried next
    }
  }
  const candidate = CANDIDATE_DIRS.find((dir) => isDir(join(cwd, dir)));
  if (candidate) return candidate;
  // A repository that holds only decision records (records at its root, like arachne-framework/architecture).
  return holdsRecords(cwd) ? '.' : undefined;
}

/** True when a folder directly holds at least two numbered or date-prefixed markdown records. */
function holdsRecords(dir: string): boolean {
  try {
    return readdirSync(dir).filter((name) => classifyFile(name) === 'record' && /^(?:adr-)?\d+[-_]/i.test(name)).length >= 2;
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
