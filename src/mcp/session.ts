import { loadRadars } from '../radar/load.js';
import type { RadarSet } from '../radar/resolve.js';
import { SearchIndex, type SearchDoc } from '../site/search.js';
import { markdownToText } from '../site/markdown.js';
import type { SiteRecord } from '../site/types.js';
import { blipsOf, recordLabel, statusKey } from '../site/views.js';
import { isoDay } from '../util/dates.js';
import { openProject, readProjectLogs, type Project } from '../workspace/project.js';
import type { DecisionLog, LoadedRecord } from '../workspace/read-log.js';
import { RecordCache } from '../workspace/record-cache.js';
import { gitBlobId } from '../history/status-history.js';

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
 * What the MCP server knows about the project in its working directory. Every request reads the
 * log again through the CLI's parse cache (`RecordCache`: unchanged files are not parsed again),
 * so edits made by the server, the CLI or an editor are seen at once; the search index is
 * rebuilt only when a record's content changed.
 */
export class McpSession {
  private cache: RecordCache | undefined;
  private search: { key: string; index: SearchIndex<RecordSearchDoc> } | undefined;

  /**
   * @param cwd - the project directory (`adrkit mcp` runs in it, or `-C <dir>`).
   * @param now - the clock (tests inject a fixed one).
   */
  constructor(
    readonly cwd: string,
    readonly now: () => number = Date.now,
  ) {}

  /** Today, `YYYY-MM-DD` (UTC). */
  today(): string {
    return isoDay(this.now());
  }

  /** Opens the project (configuration, log folders) and reads every record. */
  async read(): Promise<LogState> {
    const project = await openProject(this.cwd);
    this.cache ??= RecordCache.open(this.cwd);
    const logs = readProjectLogs(project, { cache: this.cache });
    this.cache.save();
    return { project, logs, records: logs.flatMap((log) => log.records) };
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

  /** The search index of the records (the site's fields and options), rebuilt when a record changed. */
  searchIndex(records: LoadedRecord[]): SearchIndex<RecordSearchDoc> {
    const key = records.map((r) => `${r.file}\0${r.blobId ?? gitBlobId(r.text)}`).join('\n');
    if (this.search?.key !== key) {
      this.search = { key, index: new SearchIndex(records.map(searchDoc)) };
    }
    return this.search.index;
  }
}

/** The record as the site indexes it (same label, status key and blip ids as its search box). */
function searchDoc(loaded: LoadedRecord): RecordSearchDoc {
  const site = { record: loaded.record } as unknown as SiteRecord;
  return { href: loaded.file, title: recordLabel(site), status: statusKey(site), tags: loaded.record.tags, blips: blipsOf(site), text: markdownToText(loaded.record.body), loaded };
}
