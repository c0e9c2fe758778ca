import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { RecordHistory } from '../history/parse-log.js';
import { cleanTitle, titleFromCommitSubject } from '../parse/record.js';
import type { DecisionLog } from './read-log.js';

/** MkDocs configuration file names (https://www.mkdocs.org/user-guide/configuration/). */
const MKDOCS_FILES = ['mkdocs.yml', 'mkdocs.yaml'];

/** Folders climbed from a log folder looking for `mkdocs.yml` (the log sits in the docs folder). */
const MAX_CLIMB = 8;

/** `mkdocs.yml` files bigger than this are not read (real ones are a few KB). */
const MAX_MKDOCS_BYTES = 1_000_000;

/**
 * The titles an MkDocs site gives its pages: the `nav` of the nearest `mkdocs.yml` (or
 * `mkdocs.yaml`) in the log folder or above it, up to the repository root (the first folder
 * holding `.git`). Nav entries are `Title: page.md` mappings, nested sections
 * (`Section: [ … ]`) and bare `page.md` entries (no title); pages are relative to `docs_dir`
 * (default `docs`, relative to the configuration file); URLs are skipped. MkDocs format:
 * https://www.mkdocs.org/user-guide/configuration/#nav. YAML tags MkDocs users write
 * (`!!python/name:…`, `!ENV`) are tolerated; an unreadable file gives no titles. Never throws.
 *
 * @param logDir - absolute path of a decision log folder.
 * @returns absolute page path -> nav title as written (`ADR-001: Drop Kafka Dependency`).
 */
export function mkdocsNavTitles(logDir: string): Map<string, string> {
  const titles = new Map<string, string>();
  const file = findMkdocs(logDir);
  if (!file) return titles;
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_MKDOCS_BYTES) return titles;
    const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
    if (doc.errors.length > 0) return titles;
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return titles;
  }
  if (!data || typeof data !== 'object') return titles;
  const config = data as Record<string, unknown>;
  const docsDir = resolve(dirname(file), typeof config.docs_dir === 'string' ? config.docs_dir : 'docs');
  const visit = (entries: unknown, depth: number): void => {
    if (!Array.isArray(entries) || depth > 20) return;
    for (const entry of entries) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
      for (const [title, target] of Object.entries(entry as Record<string, unknown>)) {
        if (Array.isArray(target)) visit(target, depth + 1);
        else if (typeof target === 'string' && title.trim() && !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
          titles.set(resolve(docsDir, target.replace(/^\.?\//, '')), title.trim());
        }
      }
    }
  };
  visit(config.nav, 0);
  return titles;
}

function findMkdocs(logDir: string): string | undefined {
  let dir = logDir;
  for (let i = 0; i <= MAX_CLIMB; i++) {
    for (const name of MKDOCS_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Gives the records of a log whose file has no title (`titleSource: 'file-name'`) the title of
 * their MkDocs `nav` entry (see {@link mkdocsNavTitles}), identifier removed like an H1's
 * (`ADR-001: Drop Kafka Dependency` -> `Drop Kafka Dependency`). Records are replaced by copies,
 * never changed in place (cached records are shared).
 *
 * @param log - a log as read by `readLog`.
 */
export function applyNavTitles(log: DecisionLog): void {
  if (!log.records.some((r) => r.record.titleSource === 'file-name')) return;
  const titles = mkdocsNavTitles(log.dir);
  if (titles.size === 0) return;
  for (const loaded of log.records) {
    if (loaded.record.titleSource !== 'file-name') continue;
    const title = titles.get(loaded.absPath);
    if (title) Object.assign(loaded, { record: { ...loaded.record, title: cleanTitle(title), titleSource: 'nav' } });
  }
}

/**
 * Gives the records of a log that still have no title of their own (`titleSource: 'file-name'`)
 * the title named by the subject of the commit that added them, when it names the record by its
 * number (see `titleFromCommitSubject`). Uses the history already read (one `git log` pass per
 * repository, with subjects); records are replaced by copies.
 *
 * @param log - a log as read by `readLog`.
 * @param history - per record path, from `readLogHistories` over the same log.
 */
export function applyCommitTitles(log: DecisionLog, history: ReadonlyMap<string, RecordHistory>): void {
  for (const loaded of log.records) {
    if (loaded.record.titleSource !== 'file-name') continue;
    const record = history.get(loaded.record.path);
    const versions = record?.versions ?? [];
    const additions = versions.filter((v) => v.kind === 'A' || v.kind === 'C');
    const added = additions.find((v) => v.date === record?.created) ?? additions[0] ?? versions[0];
    const title = added?.subject !== undefined ? titleFromCommitSubject(added.subject, loaded.record.number) : undefined;
    if (title) Object.assign(loaded, { record: { ...loaded.record, title, titleSource: 'commit' } });
  }
}
