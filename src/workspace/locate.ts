import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Folders searched, in order, when no decision log folder is configured. */
export const CANDIDATE_DIRS = ['adr', 'doc/adr', 'docs/adr', 'docs/decisions', 'docs/architecture/decisions', 'doc/architecture/decisions', 'architecture-decision-record', 'decisions'];

/**
 * Finds the decision log folder of a project: adr-tools' `.adr-dir` file, log4brains'
 * `.log4brains.yml` (`project.adrFolder`), then the usual folders ({@link CANDIDATE_DIRS}).
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
  return CANDIDATE_DIRS.find((dir) => isDir(join(cwd, dir)));
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
