import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isRecordName, parseRecordName, sortRecordNames } from '../parse/filename.js';
import { SNIFF_CHARS, readsLikeRecord } from '../parse/record-signals.js';
import { DECISION_FOLDER, IGNORED_FOLDER, holdsNamedRecords, logLayout } from './log-layout.js';
import { parse as parseYaml } from 'yaml';

/** Folders searched, in order, when no decision log folder is configured. */
export const CANDIDATE_DIRS = ['adr', 'doc/adr', 'docs/adr', 'docs/decisions', 'docs/architecture/decisions', 'doc/architecture/decisions', 'architecture-decision-record', 'decisions'];

/** How deep below the project root decision log folders are searched for (`a/b/c/d`). */
export const MAX_DISCOVERY_DEPTH = 4;

/** Record files read per folder to tell records from ordinary documentation (see `readsLikeRecord`). */
const SAMPLE = 5;

/**
 * Finds the decision log folders of a project: adr-tools' `.adr-dir` file, log4brains'
 * `.log4brains.yml` (`project.adrFolder`), else every folder down to {@link MAX_DISCOVERY_DEPTH}
 * levels (not dependencies, build output, tests, examples or hidden folders) that holds records
 * (see {@link isDecisionLog}), the project root included: several logs in one repository each
 * come back (a monorepo), the usual folders ({@link CANDIDATE_DIRS}) first. A log's sub-folders
 * belong to it (categories, one folder per record) and are not searched again. With none found, an
 * existing usual folder that holds no records yet (after `adrkit init`). Edge: reads the file system.
 *
 * @param cwd - project root.
 * @returns folders relative to `cwd` (`.` for the root itself), empty when none exists.
 */
export function detectLogDirs(cwd: string): string[] {
  const adrDirFile = join(cwd, '.adr-dir');
  if (existsSync(adrDirFile)) {
    const dir = readFileSync(adrDirFile, 'utf8').trim();
    if (dir && isDir(resolve(cwd, dir))) return [dir];
  }
  const log4brains = join(cwd, '.log4brains.yml');
  if (existsSync(log4brains)) {
    try {
      const config = parseYaml(readFileSync(log4brains, 'utf8')) as { project?: { adrFolder?: string } } | null;
      const dir = config?.project?.adrFolder?.replace(/^\.\//, '');
      if (dir && isDir(resolve(cwd, dir))) return [dir];
    } catch {
      // an unreadable .log4brains.yml is ignored; the folders are searched next
    }
  }
  const found: string[] = [];
  walk(cwd, '', 0, found);
  if (found.length > 0) {
    const rank = (dir: string) => {
      const i = CANDIDATE_DIRS.indexOf(dir);
      return i === -1 ? CANDIDATE_DIRS.length : i;
    };
    return found.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  const empty = CANDIDATE_DIRS.find((dir) => isDir(join(cwd, dir)));
  return empty ? [empty] : [];
}

/**
 * The first decision log folder of a project (see {@link detectLogDirs}).
 * @returns the folder relative to `cwd`, or `undefined` when none exists.
 */
export function detectAdrDir(cwd: string): string | undefined {
  return detectLogDirs(cwd)[0];
}

function walk(abs: string, rel: string, depth: number, found: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return;
  }
  if (isDecisionLog(abs, depth > 0)) {
    found.push(rel || '.');
    return;
  }
  if (depth >= MAX_DISCOVERY_DEPTH) return;
  for (const entry of entries) {
    if (!entry.isDirectory() || IGNORED_FOLDER.test(entry.name)) continue;
    walk(join(abs, entry.name), rel ? `${rel}/${entry.name}` : entry.name, depth + 1, found);
  }
}

/**
 * True when a folder is a decision log: it holds named records (a number, a date or a record
 * prefix in the file or folder name; see `logLayout`), at least two of them unless its own name
 * says "decision log" ({@link DECISION_FOLDER}, `adr/`, `decisions/`, `rfcs/`), and, unless the
 * names carry a record prefix (`ADR-7.md`, `adr-cors.md`) or the folder name says so, most of a
 * sample of them read like decision records (a status, or Context / Decision / Consequences
 * sections). Numbered guides (`docs/01-install.md`) are not a log. Edge: reads the folder.
 *
 * @param useName - whether the folder's own name counts (not for the project root).
 */
export function isDecisionLog(dir: string, useName = true): boolean {
  const decisionFolder = useName && DECISION_FOLDER.test(basename(dir));
  if (decisionFolder) {
    // Named "decision log" and holding a named record at its top: no need to list it all.
    try {
      if (holdsNamedRecords(readdirSync(dir, { withFileTypes: true }))) return true;
    } catch {
      return false;
    }
  }
  let layout;
  try {
    layout = logLayout(dir, { sorted: false });
  } catch {
    return false;
  }
  const named = layout.candidates.filter((c) => !c.needsContent && isRecordName(c.path));
  // The sample below is the first files in reading order.
  if (!decisionFolder && named.length >= 2) named.splice(0, named.length, ...sortRecordNames(named, (c) => c.path));
  if (named.length === 0 || (named.length < 2 && !decisionFolder)) return false;
  if (decisionFolder) return true;
  if (named.filter((c) => parseRecordName(c.path).prefixed).length * 2 > named.length) return true;
  const sample = named.slice(0, SAMPLE);
  const reading = sample.filter((c) => {
    try {
      return readsLikeRecord(readHead(join(dir, ...c.path.split('/'))));
    } catch {
      return false;
    }
  });
  return reading.length * 2 > sample.length;
}

/** The first `SNIFF_CHARS` characters of a file. */
function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_CHARS * 4);
    const size = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, size).toString('utf8').slice(0, SNIFF_CHARS);
  } finally {
    closeSync(fd);
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
