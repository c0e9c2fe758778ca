import { decodeUriSafe } from '../../util/uri.js';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { FOLDER_RECORD } from '../../parse/filename.js';
import { looksLikeTemplate, parseRecord } from '../../parse/record.js';
import { readsLikeRecord } from '../../parse/record-signals.js';
import { logLayout, type RecordCandidate } from '../../workspace/log-layout.js';
import { watchLogFolders } from '../../workspace/watch-log.js';
import { toPosix } from '../../workspace/read-log.js';
import { readRecordImages, siteRecord, type CollectedSite } from './collect.js';
import { SiteSession, type RecordImages, type SiteUpdate } from '../incremental.js';
import type { SiteTemplates } from '../types.js';

/** Path of the live-reload script the preview server adds to every HTML page it serves. */
export const LIVE_RELOAD_PATH = '/__adrkit/live-reload.js';
/** Server-Sent Events endpoint: sends `reload` after each rebuild. */
export const EVENTS_PATH = '/__adrkit/events';

/** Id of the overlay that shows records whose frontmatter cannot be read. */
export const OVERLAY_ID = 'adrkit-problems';

const LIVE_RELOAD_SCRIPT = `(function () {
  var source = new EventSource('${EVENTS_PATH}');
  source.addEventListener('reload', function () { location.reload(); });
  // Records that cannot be read are shown over the page until they are fixed.
  source.addEventListener('problems', function (event) {
    var list = JSON.parse(event.data);
    var old = document.getElementById('${OVERLAY_ID}');
    if (old) old.remove();
    if (!list.length) return;
    var box = document.createElement('div');
    box.id = '${OVERLAY_ID}';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;inset:auto 1rem 1rem 1rem;z-index:2147483647;background:#2b0d0d;color:#fff;border-left:6px solid #e5484d;padding:1rem 1.25rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 4px 24px rgba(0,0,0,.4);max-height:50vh;overflow:auto';
    var title = document.createElement('strong');
    title.textContent = 'adrkit: ' + list.length + ' record' + (list.length === 1 ? '' : 's') + ' cannot be read (the page shows the last good version)';
    box.appendChild(title);
    list.forEach(function (text) { var line = document.createElement('div'); line.textContent = text; box.appendChild(line); });
    document.body.appendChild(box);
  });
})();
`;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** What {@link Preview.watch} reports after each change it applied. */
export interface WatchEvent {
  /** Absolute path of the changed file or folder. */
  path: string;
  update?: SiteUpdate & { problems?: string[] };
  /** The record had problems before the change and reads again now. */
  readsAgain?: boolean;
  /** What applying the change threw (the preview keeps running). */
  error?: unknown;
}

/** A live preview of a decision log: an in-memory site kept up to date file by file. */
export class Preview {
  readonly session: SiteSession;
  private readonly clients = new Set<ServerResponse>();
  /** Records whose frontmatter cannot be read, by file: `file:line:col: message` lines. */
  readonly problems = new Map<string, string[]>();

  constructor(private readonly collected: CollectedSite, templates: SiteTemplates) {
    this.session = new SiteSession(collected.input, templates);
  }

  /**
   * Applies the change of one file or folder of a decision log folder: re-reads and re-parses only
   * the records it touches and re-renders only the pages they affect (see `SiteSession.update`).
   * A record is a markdown file of the log (at its top or in a category sub-folder) or a folder
   * holding one (`0004-x/README.md` or `index.md`, see `logLayout`): a change of the folder's
   * markdown file, of a file beside it (an attachment) or of the folder itself (created, renamed,
   * removed) re-reads that record. Files that are not records are ignored. Notifies connected
   * browsers when something changed. A record whose frontmatter cannot be read keeps its last good
   * pages; its problems are returned (`problems`) and shown in every browser as an overlay until the
   * file is fixed or removed.
   *
   * @param absPath - absolute path of the changed (or deleted) file or folder.
   */
  applyChange(absPath: string): SiteUpdate & { problems?: string[] } {
    const sections = this.collected.input.sections;
    // The log folder holding the path (the deepest one, when one log lies inside another).
    const dirs = sections.map((s) => join(this.collected.root, s.dir));
    let logIndex = -1;
    dirs.forEach((dir, i) => {
      if (absPath.startsWith(dir + sep) && (logIndex === -1 || dir.length > dirs[logIndex].length)) logIndex = i;
    });
    const none: SiteUpdate = { changed: [], removed: [], full: false };
    if (logIndex === -1) return none;
    const logDir = dirs[logIndex];
    const updates = this.recordsAt(logIndex, logDir, toPosix(relative(logDir, absPath))).map(({ path, needsContent }) => this.applyRecord(logIndex, logDir, path, needsContent));
    // A path one record removed and another brought back (a folder renamed) is changed, not removed.
    const update: SiteUpdate & { problems?: string[] } = {
      changed: [...new Set(updates.flatMap((u) => u.changed))].filter((path) => this.session.has(path)).sort(),
      removed: [...new Set(updates.flatMap((u) => u.removed))].filter((path) => !this.session.has(path)).sort(),
      full: updates.some((u) => u.full),
    };
    const problems = updates.flatMap((u) => u.problems ?? []);
    if (problems.length > 0) update.problems = problems;
    if (update.changed.length || update.removed.length) this.notify();
    return update;
  }

  /**
   * The records a change at `rel` (relative to the log folder) touches, as paths relative to the
   * log folder: the record at `rel`, the records of a folder at `rel`, the folder record `rel` lies
   * in (an attachment beside its README), and the records the site shows there that are gone.
   */
  private recordsAt(logIndex: number, logDir: string, rel: string): Array<{ path: string; needsContent: boolean }> {
    let candidates: RecordCandidate[];
    try {
      candidates = logLayout(logDir, { sorted: false }).candidates;
    } catch {
      candidates = [];
    }
    const under = (path: string, folder: string) => path.startsWith(`${folder}/`);
    const touched = candidates.filter((c) => c.path === rel || under(c.path, rel) || (isFolderRecord(c.path) && under(rel, c.path.slice(0, c.path.lastIndexOf('/')))));
    const found = new Set(touched.map((c) => c.path));
    const section = this.collected.input.sections[logIndex].name;
    const shown = toPosix(relative(this.collected.root, join(logDir, ...rel.split('/'))));
    for (const r of this.session.current.records) {
      if (r.section !== section || (r.file !== shown && !under(r.file, shown))) continue;
      const path = toPosix(relative(logDir, join(this.collected.root, ...r.file.split('/'))));
      if (!found.has(path)) touched.push({ path, needsContent: false });
    }
    return touched;
  }

  /** Re-reads one record (path relative to the log folder) and updates the site with it, or without it when it is gone. */
  private applyRecord(logIndex: number, logDir: string, path: string, needsContent: boolean): SiteUpdate & { problems?: string[] } {
    const absPath = join(logDir, ...path.split('/'));
    const section = this.collected.input.sections[logIndex].name;
    const file = toPosix(relative(this.collected.root, absPath));
    const none: SiteUpdate = { changed: [], removed: [], full: false };
    let next;
    let images: RecordImages | undefined;
    if (existsSync(absPath)) {
      let text: string;
      try {
        text = readFileSync(absPath, 'utf8');
      } catch {
        return none;
      }
      const parsed = parseRecord(path, text);
      const broken = parsed.problems.filter((p) => p.code === 'yaml' || p.code === 'unclosed' || p.code === 'not-a-map');
      if (broken.length > 0) {
        // Keep the last good page; say what is wrong in the terminal (the caller) and the browser.
        this.problems.set(file, broken.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`));
        this.notifyProblems();
        return { ...none, problems: this.problems.get(file) };
      }
      if (this.problems.delete(file)) this.notifyProblems();
      const isRecord = !(needsContent && !readsLikeRecord(text));
      if (isRecord && !looksLikeTemplate(parsed.record) && !parsed.problems.some((p) => p.code === 'binary' || p.code === 'empty')) {
        const history = this.collected.histories[logIndex]?.records.get(parsed.record.path);
        const previous = this.session.current.records.find((r) => r.file === file);
        const loaded = { ...parsed, file, absPath, text };
        const record = siteRecord(loaded, section, this.collected.root, history, new Map());
        // Status history comes from commits, which an edit does not change: keep what was read.
        next = { ...record, statusHistory: previous?.statusHistory ?? record.statusHistory };
        // Images beside the record (a folder record's attachments) are read again: a new or changed one is published.
        const files: Record<string, Uint8Array> = {};
        readRecordImages(logDir, loaded, files);
        images = { section, files };
      }
    }
    if (!next && this.problems.delete(file)) this.notifyProblems();
    return this.session.update(file, next, images);
  }

  /**
   * Watches the decision log folders and their sub-folders (see `watchLogFolders`: records kept as
   * folders and categories included) and applies each change (see {@link Preview.applyChange})
   * once its path has been quiet for `delayMs`.
   *
   * @param onUpdate - called after each change applied, with the changed path; an error thrown while
   *   applying it is passed instead (the preview keeps running).
   * @returns a function that stops watching.
   * @throws NodeJS.ErrnoException when a log folder cannot be watched.
   */
  watch(dirs: readonly string[], onUpdate: (event: WatchEvent) => void, delayMs = 80): () => void {
    const timers = new Map<string, NodeJS.Timeout>();
    const watcher = watchLogFolders(dirs, (path) => {
      clearTimeout(timers.get(path));
      timers.set(
        path,
        setTimeout(() => {
          timers.delete(path);
          // A folder just created is watched before the browser reloads (edits inside it follow).
          watcher.sync();
          try {
            const before = this.problemsOf(path) !== undefined;
            const update = this.applyChange(path);
            onUpdate({ path, update, readsAgain: before && this.problemsOf(path) === undefined });
          } catch (error) {
            onUpdate({ path, error });
          }
        }, delayMs),
      );
    });
    return () => {
      watcher.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    };
  }

  /** Problems of one record file (absolute path), or undefined when it reads. */
  problemsOf(absPath: string): string[] | undefined {
    return this.problems.get(toPosix(relative(this.collected.root, absPath)));
  }

  /** Sends the current problems to every browser (an empty list removes the overlay). */
  private notifyProblems(): void {
    for (const client of this.clients) client.write(this.problemsEvent());
  }

  private problemsEvent(): string {
    return `event: problems\ndata: ${JSON.stringify([...this.problems.values()].flat())}\n\n`;
  }

  /** Tells every connected browser to reload (Server-Sent Events). */
  notify(): void {
    for (const client of this.clients) client.write('event: reload\ndata: 1\n\n');
  }

  /** Request handler: serves the in-memory site, the live-reload script and the event stream. */
  handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (this.problems.size > 0) res.write(this.problemsEvent());
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return;
    }
    if (url.pathname === LIVE_RELOAD_PATH) {
      res.writeHead(200, { 'content-type': TYPES.js, 'cache-control': 'no-cache' });
      res.end(LIVE_RELOAD_SCRIPT);
      return;
    }
    // A malformed escape stays as written, so it is a 404 rather than the home page.
    let path = decodeUriSafe(url.pathname).replace(/^\/+/, '');
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const content = this.session.file(path);
    if (content === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`not found: /${path}\n`);
      return;
    }
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const body = ext === 'html' && typeof content === 'string' ? content.replace('</head>', `<script src="${LIVE_RELOAD_PATH}"></script>\n</head>`) : content;
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    // Record images opened on their own (an SVG with a script) run nothing on the preview origin.
    if (path.startsWith('files/')) headers['content-security-policy'] = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";
    res.writeHead(200, headers);
    res.end(body);
  };

  /** Starts the HTTP server on 127.0.0.1 (port 0 picks a free one). */
  listen(port: number): Promise<Server> {
    const server = createServer(this.handle);
    return new Promise((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolvePromise(server));
    });
  }

  /** Closes every event stream (so the server can close). */
  closeClients(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

/** A candidate kept as a folder (`0004-x/README.md`): its folder holds the record and its attachments. */
function isFolderRecord(path: string): boolean {
  return path.includes('/') && FOLDER_RECORD.test(path.slice(path.lastIndexOf('/') + 1));
}

