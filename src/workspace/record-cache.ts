import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Position } from '../model/finding.js';
import type { FindingsMemo } from '../lint/engine.js';
import type { DecisionRecord } from '../model/record.js';
import { parseRecord, type ParseProblem, type ParsedRecord } from '../parse/record.js';
import { VERSION } from '../version.js';
import type { HistorySnapshot } from '../history/git.js';
import { gitBlobId } from '../history/status-history.js';
import type { RecordHistory } from '../history/parse-log.js';
import { writeFileAtomic } from './atomic.js';

/** Bump when the parser's output changes shape or meaning, so old caches are ignored. */
const PARSER_REVISION = 8;

/** Full records kept in memory at once by {@link RecordCache} (most recently used). */
const RECENT_BLOBS = 64;

/** Record fields kept in the index: what cross-record rules read about every record of the log. */
type LightRecord = Omit<DecisionRecord, 'frontmatter' | 'body' | 'sections' | 'criteria' | 'options'> & {
  /** The frontmatter keys cross-record rules read; other keys load the full record. */
  frontmatter: Record<string, unknown>;
};

/** Frontmatter keys kept in the index. */
const LIGHT_KEYS = new Set(['title', 'status', 'date', 'supersedes', 'superseded-by', 'relates-to', 'amends', 'chosen', 'revisit-by', 'applies-to', 'status-history']);

interface IndexEntry {
  /** File size in bytes and modification time in ms: a change of either is a miss (like ESLint's metadata cache). */
  size: number;
  mtimeMs: number;
  /**
   * Git blob id of the content (SHA-1 of `blob <bytes>\0<content>`, see `gitBlobId`): names the
   * blob with the full record, and tells the site's history which version is the current one
   * without reading the file.
   */
  hash: string;
  /** A numbered template (not a record). */
  template: boolean;
  light: LightRecord;
  problems: ParseProblem[];
  hasFrontmatter: boolean;
  /** Findings of the record's self-contained rules, valid for one lint configuration key. */
  findings?: { key: string; list: Finding[] };
}

interface Blob {
  record: DecisionRecord;
  /** Position of every frontmatter key path, section and metadata field, as `[line, column]`. */
  positions: Record<string, [number, number]>;
}

interface IndexFile {
  key: string;
  entries: Record<string, IndexEntry>;
}

/** A record served by the cache: text and full record load on first use. */
export interface CachedRecord extends ParsedRecord {
  readonly text: string;
  template: boolean;
  /** Git blob id of the content, when the cache knows it (see `LoadedRecord.blobId`). */
  blobId?: string;
}

/**
 * A cache of parsed records, so `adrkit lint` in a pre-commit hook does not re-parse a whole log
 * that did not change (like ESLint's `--cache`, keyed by size and modification time). An index
 * holds what cross-record rules need of every record; the full record (body, sections, options,
 * positions) sits in a content-addressed blob loaded only when a rule reads it. Stored in
 * `node_modules/.cache/adrkit/` when the project has `node_modules`, else under the OS temp
 * folder. A missing, stale or corrupt cache is rebuilt; cache IO errors never fail a command.
 */
export class RecordCache {
  private entries: Record<string, IndexEntry> = {};
  private readonly used: Record<string, IndexEntry> = {};
  private readonly newBlobs = new Map<string, Blob>();
  /** Full records of served records, by absolute path, least recently used first. */
  private readonly recentBlobs = new Map<string, Blob>();
  private dirty = false;
  private readonly key = `${VERSION}/${PARSER_REVISION}`;

  private constructor(readonly dir: string) {}

  /** Opens (or starts) the cache of a project. */
  static open(cwd: string): RecordCache {
    const modules = join(cwd, 'node_modules');
    const dir = existsSync(modules)
      ? join(modules, '.cache', 'adrkit')
      : join(tmpdir(), 'adrkit-cache', createHash('sha1').update(cwd).digest('hex').slice(0, 16));
    const cache = new RecordCache(dir);
    try {
      const data = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as IndexFile;
      if (data.key === cache.key && data.entries && typeof data.entries === 'object') cache.entries = data.entries;
    } catch {
      // no cache yet, or unreadable: start empty
    }
    return cache;
  }

  /**
   * The record at `absPath` when the file is unchanged since it was cached (same size and
   * modification time), without reading it; undefined on a miss.
   */
  lookup(absPath: string, fileName: string): CachedRecord | undefined {
    const entry = this.entries[absPath];
    if (!entry) return undefined;
    let stat;
    try {
      stat = statSync(absPath);
    } catch {
      return undefined;
    }
    if (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return undefined;
    this.used[absPath] = entry;
    return this.served(absPath, fileName, entry);
  }

  /** Parses a record read from disk and remembers it for the next run. */
  parse(absPath: string, fileName: string, text: string, isTemplate: (record: DecisionRecord) => boolean): CachedRecord {
    const parsed = parseRecord(fileName, text);
    const template = isTemplate(parsed.record);
    let stat;
    try {
      stat = statSync(absPath);
    } catch {
      stat = undefined;
    }
    let blobId: string | undefined;
    if (stat && jsonSafe(parsed.record.frontmatter) && !parsed.problems.some((p) => p.code === 'too-large' || p.code === 'too-deep' || p.code === 'binary')) {
      const hash = (blobId = gitBlobId(text));
      const { frontmatter, body: _body, sections: _sections, criteria: _criteria, options: _options, ...rest } = parsed.record;
      const light: LightRecord = { ...rest, frontmatter: Object.fromEntries(Object.entries(frontmatter).filter(([k]) => LIGHT_KEYS.has(k))) };
      this.used[absPath] = { size: stat.size, mtimeMs: stat.mtimeMs, hash, template, light, problems: parsed.problems, hasFrontmatter: parsed.hasFrontmatter };
      if (!this.entries[absPath] || this.entries[absPath].hash !== hash) this.newBlobs.set(hash, { record: parsed.record, positions: positionsOf(parsed) });
      this.dirty = true;
    }
    return Object.assign(parsed, { text, template, blobId });
  }

  /**
   * A memo of record-rule findings for the lint engine (`FindingsMemo`), valid while the record's
   * content and `key` (adrkit version, rule settings, radar, today) stay the same.
   * @param absPaths - absolute path of each linted file, by its path as in findings.
   */
  findingsMemo(absPaths: Map<string, string>, key: string): FindingsMemo {
    return {
      get: (file) => {
        const entry = this.used[absPaths.get(file) ?? ''];
        return entry?.findings?.key === key ? entry.findings.list : undefined;
      },
      set: (file, list) => {
        const entry = this.used[absPaths.get(file) ?? ''];
        if (!entry) return;
        entry.findings = { key, list };
        this.dirty = true;
      },
    };
  }

  /** The git history snapshot saved for a log folder by an earlier run, if any. */
  history(logDir: string): HistorySnapshot | undefined {
    try {
      const data = JSON.parse(readFileSync(this.historyPath(logDir), 'utf8')) as HistorySnapshot & { key: string };
      return data.key === this.key && typeof data.head === 'string' ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Saves the git history of a log folder up to `head`. Never throws. */
  saveHistory(logDir: string, head: string, records: Map<string, RecordHistory>): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(this.historyPath(logDir), JSON.stringify({ key: this.key, head, records: Object.fromEntries(records) }));
    } catch {
      // only costs speed
    }
  }

  private historyPath(logDir: string): string {
    return join(this.dir, `history-${createHash('sha1').update(logDir).digest('hex').slice(0, 16)}.json`);
  }

  /** Writes the index and new blobs, and drops blobs no record uses any more. Never throws. */
  save(): void {
    const stale = Object.keys(this.entries).some((k) => !this.used[k]);
    if (!this.dirty && !stale) return;
    try {
      const blobs = join(this.dir, 'blobs');
      mkdirSync(blobs, { recursive: true });
      for (const [hash, blob] of this.newBlobs) writeFileAtomic(join(blobs, `${hash}.json`), JSON.stringify(blob));
      writeFileAtomic(join(this.dir, 'index.json'), JSON.stringify({ key: this.key, entries: this.used } satisfies IndexFile));
      const live = new Set(Object.values(this.used).map((e) => `${e.hash}.json`));
      for (const name of readdirSync(blobs)) if (!live.has(name)) rmSync(join(blobs, name), { force: true });
    } catch {
      // a read-only or full disk only costs speed
    }
  }

  private served(absPath: string, fileName: string, entry: IndexEntry): CachedRecord {
    let text: string | undefined;
    let parsed: ParsedRecord | undefined;
    const readText = () => (text ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(readFileSync(absPath)));
    const reparse = () => (parsed ??= parseRecord(fileName, readText()));
    // Full records are kept in a small most-recently-used memo, not by each record: a caller that
    // copies out what it needs (the site keeps body and options of 10,000 records, not their
    // sections and key positions) does not hold every full record; a later use reads it again.
    const loadBlob = (): Blob => {
      const recent = this.recentBlobs;
      let blob = recent.get(absPath);
      if (blob) {
        recent.delete(absPath);
      } else {
        try {
          blob = JSON.parse(readFileSync(join(this.dir, 'blobs', `${entry.hash}.json`), 'utf8')) as Blob;
        } catch {
          blob = { record: reparse().record, positions: {} };
        }
        if (recent.size >= RECENT_BLOBS) recent.delete(recent.keys().next().value!);
      }
      recent.set(absPath, blob);
      return blob;
    };
    const full = (): DecisionRecord => loadBlob().record;
    const record = { ...entry.light } as DecisionRecord;
    for (const key of ['body', 'sections', 'criteria', 'options'] as const) {
      Object.defineProperty(record, key, { enumerable: true, configurable: true, get: () => full()[key] });
    }
    record.frontmatter = lazyFrontmatter(entry.light.frontmatter, () => full().frontmatter);
    return {
      record,
      problems: entry.problems,
      hasFrontmatter: entry.hasFrontmatter,
      template: entry.template,
      blobId: entry.hash,
      get text() {
        return readText();
      },
      locate(path: string): Position {
        const blob = loadBlob();
        const known = Object.hasOwn(blob.positions, path) ? blob.positions[path] : undefined;
        if (known) return { line: known[0], column: known[1] };
        return reparse().locate(path);
      },
    };
  }
}

/**
 * Frontmatter that answers the index's keys at once and loads the full record for anything else
 * (other keys, `Object.keys`, `in` for other keys), so every consumer sees the complete object.
 */
function lazyFrontmatter(light: Record<string, unknown>, load: () => Record<string, unknown>): Record<string, unknown> {
  return new Proxy(light, {
    get: (target, key) => (typeof key === 'string' && LIGHT_KEYS.has(key) ? target[key] : Reflect.get(load(), key)),
    has: (target, key) => (typeof key === 'string' && LIGHT_KEYS.has(key) ? key in target : key in load()),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
}

/** Every position `locate` can be asked for: frontmatter key paths (all depths), sections, metadata fields. */
function positionsOf(parsed: ParsedRecord): Record<string, [number, number]> {
  const positions = new Map<string, [number, number]>();
  const add = (path: string) => {
    const { line, column } = parsed.locate(path);
    positions.set(path, [line, column]);
  };
  const walk = (value: unknown, path: string) => {
    if (path) add(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(parsed.record.frontmatter, '');
  for (const path of ['title', 'status', 'date', 'body']) add(path);
  for (const section of parsed.record.sections) add(`section:${section.heading}`);
  // fromEntries defines own properties, so a `__proto__` key path stays data.
  return Object.fromEntries(positions);
}

/** True when a value survives JSON unchanged (no NaN/Infinity, no non-plain objects). */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(jsonSafe);
  return false;
}
