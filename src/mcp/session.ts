import { watch, type FSWatcher } from 'node:fs';
import { loadRadars } from '../radar/load.js';
import type { RadarSet } from '../radar/resolve.js';
import type { SearchIndex, SearchDoc } from '../site/search.js';
import type { SiteRecord } from '../site/types.js';
import { isoDay } from '../util/dates.js';
import { openProject, readProjectLogs, type Project } from '../workspace/project.js';
import type { DecisionLog, LoadedRecord } from '../workspace/read-log.js';
import { RecordCache } from '../workspace/record-cache.js';
import { gitBlobId } from '../history/status-history.js';

/** Records indexed between two turns of the event loop. */
const INDEX_SLICE = 25;

/** A search document of the MCP search index: the site's fields plus the record it came from. */
export interface RecordSearchDoc extends SearchDoc {
  loaded: LoadedRecord;
}

/** The log as read for one MCP request. */
export interface LogState {
  project: Project;
  logs: DecisionLog[];
  records: LoadedRecord[];
}

/**
 * What the MCP server knows about the project in its working directory. The log is read through
 * the CLI's parse cache (`RecordCache`: unchanged files are not parsed again) and kept in memory
 * while nothing changes: the log folders and the configuration file are watched (`fs.watch`, as
 * `adrkit preview` does), any change drops the state, and the server's own writes drop it too
 * ({@link McpSession.invalidate}). Where watching is not possible, every request reads the log
 * again. The search index is rebuilt only when a record's content changed.
 */
export class McpSession {
  private cache: RecordCache | undefined;
  private search: { records: LoadedRecord[]; key: string; index: SearchIndex<RecordSearchDoc> } | undefined;
  private building: { records: LoadedRecord[]; promise: Promise<SearchIndex<RecordSearchDoc>> } | undefined;
  private state: LogState | undefined;
  private watchers: FSWatcher[] = [];
  private watched = '';

  /**
   * @param cwd - the project directory (`adrkit mcp` runs in it, or `-C <dir>`).
   * @param now - the clock in ms since the epoch (tests inject a fixed one).
   */
  constructor(
    readonly cwd: string,
    readonly now: () => number = Date.now,
  ) {}

  /** Today, `YYYY-MM-DD` (UTC). */
  today(): string {
    return isoDay(this.now());
  }

  /** The project (configuration, log folders) and every record, as they are on disk now. */
  async read(): Promise<LogState> {
    if (this.state) return this.state;
    const project = await openProject(this.cwd);
    this.cache ??= RecordCache.open(this.cwd);
    const logs = readProjectLogs(project, { cache: this.cache });
    this.cache.save();
    const state = { project, logs, records: logs.flatMap((log) => log.records) };
    if (this.watch([...project.dirs, ...(project.config.filepath ? [project.config.filepath] : [])])) {
      this.state = state;
      // Index for search in the background (a failure surfaces when `search` is called).
      setImmediate(() => this.searchIndex(state.records).catch(() => undefined));
    }
    return state;
  }

  /** Forgets the log read so far (after a write); the next request reads it again. */
  invalidate(): void {
    this.state = undefined;
  }

  /** Stops watching the project. */
  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    this.watched = '';
    this.state = undefined;
  }

  /** Watches `paths` (kept while they stay the same); false when one cannot be watched. */
  private watch(paths: string[]): boolean {
    const key = paths.join('\0');
    if (key === this.watched && this.watchers.length === paths.length) return true;
    this.close();
    try {
      for (const path of paths) {
        const watcher = watch(path, { persistent: false }, () => this.invalidate());
        watcher.on('error', () => {
          this.invalidate();
          this.watched = '';
        });
        this.watchers.push(watcher);
      }
    } catch {
      this.close();
      return false;
    }
    this.watched = key;
    return true;
  }

  /** The project's radars; undefined when they cannot be read (a broken radar file must not stop reading the log). */
  radars(project: Project): RadarSet | undefined {
    try {
      return loadRadars(this.cwd, project.config.config.radars);
    } catch {
      return undefined;
    }
  }

  /** The project's radars. @throws AdrkitError when a radar cannot be read. */
  radarsOrThrow(project: Project): RadarSet {
    return loadRadars(this.cwd, project.config.config.radars);
  }

  /**
   * The search index of the records (the site's fields and options), rebuilt when a record
   * changed. Built in slices that yield to the event loop, so requests are still answered while a
   * large log is indexed; the server starts building it after its first read.
   */
  searchIndex(records: LoadedRecord[]): Promise<SearchIndex<RecordSearchDoc>> {
    if (this.search?.records === records) return Promise.resolve(this.search.index);
    if (this.building?.records === records) return this.building.promise;
    const key = records.map((r) => `${r.file}\0${r.blobId ?? gitBlobId(r.text)}`).join('\n');
    if (this.search?.key === key) {
      this.search.records = records;
      return Promise.resolve(this.search.index);
    }
    const promise: Promise<SearchIndex<RecordSearchDoc>> = (async () => {
      // The site's index and text extraction, loaded on first use (marked, sanitize-html, minisearch).
      const [{ SearchIndex }, { markdownToText }, { blipsOf, recordLabel, statusKey }] = await Promise.all([import('../site/search.js'), import('../site/markdown.js'), import('../site/views.js')]);
      const searchDoc = (loaded: LoadedRecord): RecordSearchDoc => {
        // The record as the site indexes it: same label, status key and blip ids as its search box.
        const site = { record: loaded.record } as unknown as SiteRecord;
        return { href: loaded.file, title: recordLabel(site), status: statusKey(site), tags: loaded.record.tags, blips: blipsOf(site), text: markdownToText(loaded.record.body), loaded };
      };
      const index = new SearchIndex<RecordSearchDoc>();
      for (let i = 0; i < records.length; i++) {
        index.add(searchDoc(records[i]));
        if (i % INDEX_SLICE === INDEX_SLICE - 1) await new Promise((done) => setImmediate(done));
      }
      if (this.building?.records === records) this.building = undefined;
      this.search = { records, key, index };
      return index;
    })();
    this.building = { records, promise };
    return promise;
  }
}
