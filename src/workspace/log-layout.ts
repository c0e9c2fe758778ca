import { readdirSync, type Dirent } from 'node:fs';
import { basename, join } from 'node:path';
import { FOLDER_RECORD, classifyFile, isRecordName, parseRecordName, sortRecordNames } from '../parse/filename.js';

/** A file of a decision log folder that may be a record. */
export interface RecordCandidate {
  /** Path relative to the log folder, `/` separators (`0003-x.md`, `0004-y/README.md`, `ops/0001-z.md`). */
  path: string;
  /**
   * True when the name alone does not say it is a record (no number, date or `adr-` prefix) and
   * the folder name does not say "decision log": it is read as a record only when its text reads
   * like one (see `readsLikeRecord`), so a guide beside the records is not taken for one.
   */
  needsContent: boolean;
}

/** A file of a log folder that is not read as a record, and why. */
export interface SkippedFile {
  /** Path relative to the log folder. */
  path: string;
  reason: 'index' | 'template' | 'not markdown' | 'not a record';
}

/** What a log folder holds: record candidates in reading order, and the files passed over. */
export interface LogLayout {
  candidates: RecordCandidate[];
  skipped: SkippedFile[];
}

/**
 * Folder names that say "decision log": `adr`, `ADRs`, `decisions`, `decision-records`,
 * `architecture-decision-record`, `rfcs`, `hercules_network_adr`.
 */
export const DECISION_FOLDER = /(?:^|[-_ .])(?:adrs?|rfcs?|decisions?(?:[-_ ]?(?:records?|log))?|architecture[-_ ]?decisions?(?:[-_ ]?records?)?)(?:$|[-_ .])/i;

/** Folders never searched for records: dependencies, build output, tests, examples, hidden. */
export const IGNORED_FOLDER = /^(?:\..*|node_modules|bower_components|vendor|dist|build|out|target|coverage|tmp|temp|test|tests|__tests__|fixtures|__fixtures__|spec|examples?|templates?)$/i;

/** How deep below a log folder category sub-folders are read (MADR categories: one or two levels). */
const CATEGORY_DEPTH = 2;

/**
 * Lists the record candidates of a decision log folder (edge: reads the folder tree):
 * - markdown files at the top (index, README and template files passed over, see `classifyFile`);
 * - one folder per record: a sub-folder named with a number, a date or a record prefix that holds
 *   `README.md` or `index.md` (`rfcs/0002-helm-oci/README.md`; attachments beside it are not records);
 * - category sub-folders (MADR `decisions/backend/0001-x.md`, up to two levels): sub-folders that
 *   directly hold named records, read the same way, when the log folder's name says "decision log"
 *   or it holds records itself.
 * Candidates come in reading order: numerically by number (2 before 10), then by date, then by name.
 *
 * Unnamed markdown files are read strictly (see {@link RecordCandidate.needsContent}) when the folder
 * name does not say "decision log" ({@link DECISION_FOLDER}).
 *
 * @param dir - absolute path of the log folder.
 * @param options.sorted - `false` leaves the candidates in listing order (discovery only counts them).
 * @throws NodeJS.ErrnoException when `dir` itself cannot be listed.
 */
export function logLayout(dir: string, options: { sorted?: boolean } = {}): LogLayout {
  const layout: LogLayout = { candidates: [], skipped: [] };
  collect(dir, '', DECISION_FOLDER.test(basename(dir)), 0, layout, readdirSync(dir, { withFileTypes: true }));
  if (options.sorted !== false) layout.candidates = sortRecordNames(layout.candidates, (c) => c.path);
  return layout;
}

function collect(dir: string, prefix: string, decisionFolder: boolean, depth: number, layout: LogLayout, entries: Dirent[]): void {
  const files = entries.filter((e) => !e.isDirectory()).map((e) => e.name).sort();
  const folders = entries.filter((e) => e.isDirectory() && !IGNORED_FOLDER.test(e.name)).map((e) => e.name).sort();
  const records: string[] = [];
  for (const name of files) {
    const kind = classifyFile(name);
    if (kind === 'record') records.push(name);
    else layout.skipped.push({ path: prefix + name, reason: kind === 'other' ? 'not markdown' : kind });
  }
  const categories: Array<[string, Dirent[]]> = [];
  const folderRecords: string[] = [];
  for (const name of folders) {
    let inner: Dirent[];
    try {
      inner = readdirSync(join(dir, name), { withFileTypes: true });
    } catch {
      continue;
    }
    const readme = inner.find((e) => !e.isDirectory() && FOLDER_RECORD.test(e.name));
    if (readme && isRecordFolderName(name)) {
      // A folder named like a template (`RFC-0000/`, `template/`) holds the template, not a record.
      if (classifyFile(`${name}.md`) === 'template') layout.skipped.push({ path: `${prefix}${name}/${readme.name}`, reason: 'template' });
      else folderRecords.push(`${name}/${readme.name}`);
    }
    else if (depth < CATEGORY_DEPTH && holdsNamedRecords(inner)) categories.push([name, inner]);
  }
  const named = records.filter((n) => isRecordName(n)).length + folderRecords.length;
  // Sub-folders are categories of a log whose name says so or that holds records itself; in any
  // other folder (`docs/` above `docs/adr/`) they are logs of their own, found by discovery.
  if (!decisionFolder && named === 0) categories.length = 0;
  const strict = !decisionFolder;
  for (const name of records) layout.candidates.push({ path: prefix + name, needsContent: strict && !isRecordName(name) });
  for (const path of folderRecords) layout.candidates.push({ path: prefix + path, needsContent: false });
  for (const [name, inner] of categories) collect(join(dir, name), `${prefix}${name}/`, decisionFolder, depth + 1, layout, inner);
}

/** True when a folder listing directly holds a markdown file or a record folder named like a record. */
export function holdsNamedRecords(entries: Dirent[]): boolean {
  return entries.some((e) => (e.isDirectory() ? isRecordFolderName(e.name) && !IGNORED_FOLDER.test(e.name) : classifyFile(e.name) === 'record' && isRecordName(e.name)));
}

/** A folder holding one record is named with its number or date (`0002-helm-oci`, `adr101-x`, `2024-01-05-x`). */
function isRecordFolderName(name: string): boolean {
  const parsed = parseRecordName(name);
  return parsed.number !== undefined || parsed.datePrefix !== undefined;
}
