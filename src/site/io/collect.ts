import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readLogHistories, streamBlobs, type LogHistory } from '../../history/git.js';
import type { RecordHistory } from '../../history/parse-log.js';
import { blobsOf, gitBlobId, statusHistory, statusOfRecord, statusOfText, type StatusSource, type VersionStatus } from '../../history/status-history.js';
import { describeIoError, toPosix, type DecisionLog, type LoadedRecord } from '../../workspace/read-log.js';
import type { RecordCache } from '../../workspace/record-cache.js';
import { applyCommitTitles } from '../../workspace/titles.js';
import type { DecisionRecord } from '../../model/record.js';
import { decisionDay } from '../dates.js';
import { IMAGE_EXTENSIONS, imageSources, MAX_IMAGE_BYTES, recordFolder, resolveImageRef } from '../images.js';
import type { SiteDecisionRecord, SiteInput, SiteRadar, SiteRecord, SiteSection } from '../types.js';
import { decodeUriSafe } from '../../util/uri.js';
import { positionAt } from '../../util/text-position.js';

/** Settings of the site besides the records. */
export interface SiteSettings {
  title: string;
  baseUrl: string;
  repositoryUrl?: string;
  branch?: string;
  radar?: SiteRadar;
}

/** Result of {@link collectSite}. */
export interface CollectedSite {
  input: SiteInput;
  /** Human-readable warnings (shallow clone, ...), de-duplicated. */
  warnings: string[];
  /**
   * Problems of files that could not be read or parsed, and of images record bodies reference
   * that are not published (missing, outside the log folder, too big), as `file:line:col: message`.
   */
  problems: string[];
  /** History per log folder (same order as the logs), for incremental rebuilds. */
  histories: LogHistory[];
  /** Repository root (absolute), or the project folder outside git. */
  root: string;
}

/**
 * Gathers everything the site needs (edge: runs git through `history/`): for the decision log
 * folders (one site section each) ONE `git log` pass per repository, then ONE `git cat-file
 * --batch` stream for the versions of records whose content is not a current record's (the
 * others take the status already parsed),
 * from which the status histories are derived. Outside git, or in a
 * shallow clone, created/updated dates fall back to each record's own date and authors and
 * status histories are empty.
 *
 * Images the record bodies reference by relative path (see {@link readRecordImages}) are read
 * here too and handed to the site as `input.files`.
 *
 * @param cwd - project folder (paths are shown relative to the repository root, else to it).
 * @param logs - the decision logs, from `readProjectLogs`.
 * @param options.cache - reuse (and update) the git history snapshot an earlier run saved, so only
 *   newer commits are read (see `RecordCache.history`).
 */
export async function collectSite(cwd: string, logs: DecisionLog[], settings: SiteSettings, options: { cache?: RecordCache } = {}): Promise<CollectedSite> {
  const cache = options.cache;
  const snapshots = logs.map((log) => cache?.history(log.dir));
  const histories = await readLogHistories(
    logs.map((log, i) => ({ dir: log.dir, paths: log.records.map((r) => r.record.path), snapshot: snapshots[i] })),
    { incremental: Boolean(cache) },
  );
  logs.forEach((log, i) => {
    const head = histories[i].head;
    if (cache && head && head !== snapshots[i]?.head) cache.saveHistory(log.dir, head, histories[i].records);
    // Records without a title of their own take the one the commit that added them names.
    applyCommitTitles(log, histories[i].records);
  });
  const warnings = [...new Set(histories.flatMap((h) => h.warnings))];
  const usable = (h: LogHistory) => h.repo !== undefined && !h.repo.shallow;
  const byRoot = new Map<string, RecordHistory[]>();
  for (const h of histories) if (usable(h)) byRoot.set(h.repo!.root, [...(byRoot.get(h.repo!.root) ?? []), ...h.records.values()]);
  // The status of every version: the versions whose blob is a record's current content (most of
  // them) take the status already parsed; only the other blobs are read from git, in ONE
  // `cat-file` stream per repository, each reduced to its status as it arrives (its text dropped).
  const statuses = new Map<string, VersionStatus | undefined>();
  for (const log of logs) for (const loaded of log.records) statuses.set(loaded.blobId ?? gitBlobId(loaded.text), statusOfRecord(loaded.record));
  for (const [root, list] of byRoot) {
    const pathOf = new Map<string, string>();
    for (const history of list) for (const version of history.versions) pathOf.set(version.blob, version.path);
    await streamBlobs(root, blobsOf(list, statuses), (id, text) => statuses.set(id, statusOfText(pathOf.get(id) ?? '', text)));
  }
  const blobs: StatusSource = (version) => statuses.get(version.blob);
  const root = histories.find((h) => h.repo)?.repo?.root ?? cwd;

  const sections: SiteSection[] = logs.map((log) => ({ name: sectionName(log, root), dir: toPosix(relative(root, log.dir)) || '.' }));
  const records: SiteRecord[] = [];
  const problems: string[] = [];
  const files: Record<string, Record<string, Uint8Array>> = {};
  logs.forEach((log, i) => {
    const images: Record<string, Uint8Array> = {};
    for (const u of log.unreadable) problems.push(`${u.file}:1:1: ${u.message}`);
    for (const loaded of log.records) {
      for (const p of loaded.problems) problems.push(`${loaded.file}:${p.line}:${p.column}: ${p.message}`);
      if (loaded.problems.some((p) => p.code === 'binary' || p.code === 'empty')) continue;
      const history = usable(histories[i]) ? histories[i].records.get(loaded.record.path) : undefined;
      records.push(siteRecord(loaded, sections[i].name, root, history, blobs));
      problems.push(...readRecordImages(log.dir, loaded, images));
    }
    if (Object.keys(images).length > 0) files[sections[i].name] = Object.fromEntries(Object.entries(images).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
  return {
    input: { title: settings.title, baseUrl: settings.baseUrl, repositoryUrl: settings.repositoryUrl, branch: settings.branch, sections, records, radar: settings.radar, files },
    warnings,
    problems,
    histories,
    root,
  };
}

/**
 * The site record of a loaded record. Dates come from git history when there is one, else from
 * the record's own date (`YYYY-MM-DD`).
 */
export function siteRecord(loaded: LoadedRecord, section: string, root: string, history: RecordHistory | undefined, blobs: StatusSource): SiteRecord {
  const own = decisionDay(loaded.record.date, undefined);
  const hasHistory = history !== undefined && history.versions.length > 0;
  return {
    record: detached(loaded.record),
    file: toPosix(relative(root, loaded.absPath)),
    section,
    created: (hasHistory ? history.created : undefined) ?? own,
    updated: (hasHistory ? history.updated : undefined) ?? own,
    authors: hasHistory ? history.authors : [],
    statusHistory: hasHistory ? statusHistory(history, blobs) : [],
  };
}

/**
 * The fields of a record the site shows, copied out. A record served by the parse cache
 * (`RecordCache`) loads its body and frontmatter through closures that also hold the file text and
 * every key position, and its sections copy most of the body; the site keeps records until the
 * last page is written, so it keeps only what it shows (see {@link SiteDecisionRecord}).
 */
function detached(record: DecisionRecord): SiteDecisionRecord {
  const { sections: _sections, frontmatter: _frontmatter, links: _links, ...shown } = record;
  return shown;
}

function sectionName(log: DecisionLog, root: string): string {
  return toPosix(relative(root, log.dir)) || 'decisions';
}

/**
 * Reads the images a record body references by relative path (markdown `![alt](path)` and HTML
 * `<img src>`; see `imageSources`) into `images`, keyed by path relative to the log folder (edge).
 * Only files inside the log folder are read: references climbing out of it (`../x.png`) and
 * symbolic links resolving outside it are refused, as are types other than {@link IMAGE_EXTENSIONS}
 * and files over {@link MAX_IMAGE_BYTES}. Absolute URLs and `data:` are left alone. Never throws.
 *
 * @param logDir - absolute path of the decision log folder holding the record.
 * @param images - path -> bytes, shared by the records of one log (each file is read once).
 * @returns warnings for images that are not published, as `file:line:col: message`.
 */
export function readRecordImages(logDir: string, loaded: LoadedRecord, images: Record<string, Uint8Array>): string[] {
  const warnings: string[] = [];
  let realDir: string | undefined;
  for (const src of imageSources(loaded.record.body)) {
    const ref = resolveImageRef(src, recordFolder(loaded.record.path));
    if (ref.kind === 'external' || (ref.kind === 'file' && images[ref.path])) continue;
    const at = `${loaded.file}:${positionOf(loaded.text, src)}`;
    const shown = decodeUriSafe(src);
    if (ref.kind === 'outside') {
      warnings.push(`${at}: image not found: ${shown} is outside the decision log folder (not published)`);
      continue;
    }
    if (ref.kind === 'type') {
      warnings.push(`${at}: image not published: ${shown} is not a ${IMAGE_EXTENSIONS.join(', ')} file`);
      continue;
    }
    try {
      realDir ??= realpathSync(logDir);
      const real = realpathSync(join(logDir, ...ref.path.split('/')));
      if (!real.startsWith(realDir + sep)) {
        warnings.push(`${at}: image not found: ${shown} links outside the decision log folder (not published)`);
        continue;
      }
      if (!statSync(real).isFile()) {
        warnings.push(`${at}: image not found: ${shown} is not a file`);
        continue;
      }
      const tooBig = () => warnings.push(`${at}: image not published: ${shown} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
      if (statSync(real).size > MAX_IMAGE_BYTES) {
        tooBig();
        continue;
      }
      const bytes = readFileSync(real);
      if (bytes.length > MAX_IMAGE_BYTES) tooBig();
      else images[ref.path] = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      const why = err.code === 'ENOENT' || err.code === 'ENOTDIR' ? '' : ` (${describeIoError(err)})`;
      warnings.push(`${at}: image not found: ${shown}${why}`);
    }
  }
  return warnings;
}

/** `line:col` (1-based) of the first occurrence of an image reference in the file text, else `1:1`. */
function positionOf(text: string, src: string): string {
  let index = text.indexOf(src);
  if (index === -1) index = text.indexOf(decodeUriSafe(src));
  if (index === -1) return '1:1';
  const { line, column } = positionAt(text, index);
  return `${line}:${column}`;
}
