import { planSite } from './build.js';
import { sortRecords } from './pages/context.js';
import { bodyLinks, pageKeys, resolveRelations, supersedeChain } from './links.js';
import { recordLabel } from './views.js';
import { imageOutputPath } from './images.js';
import type { SiteFiles, SiteInput, SiteRecord, SiteTemplates } from './types.js';

/** Result of a {@link SiteSession} update: what to write and what to delete. */
export interface SiteUpdate {
  /** Output paths whose content changed or appeared. */
  changed: string[];
  /** Output paths that no longer exist. */
  removed: string[];
  /** True when the update fell back to rendering every page (a record was added or removed). */
  full: boolean;
}

/** Summary pages rendered on demand after an edit (costly, and loaded by browsers only when used). */
const LAZY_PAGES = ['search-index.js', 'blip-index.js'];

/** Pages that list or summarise every record: always re-rendered after a change. */
const SUMMARY_PAGES = ['index.html', 'tags.html', 'timeline.html', 'graph.html', 'radar.html', 'search-index.js', 'blip-index.js', 'decisions.json', 'feed.xml', 'sitemap.xml'];

/**
 * An in-memory site kept up to date record by record (for `adrkit preview`). Replacing one
 * record re-renders only the pages it can affect: its own page, the pages whose relations or
 * supersede chain mention it, the tag pages of its old and new tags, and the summary pages.
 * Adding or removing a record re-renders everything (page keys may shift). Pure: no IO. The
 * result always equals a full `buildSite` of the current input (tested).
 */
export class SiteSession {
  private input: SiteInput;
  private readonly rendered: SiteFiles;
  /** Plain text of record bodies, kept between updates (see `PlanOptions.textCache`). */
  private readonly texts = new Map<string, string>();
  /** Pages changed by an update but rendered only when asked for (see {@link LAZY_PAGES}). */
  private readonly stale = new Set<string>();

  constructor(input: SiteInput, private readonly templates: SiteTemplates) {
    this.input = input;
    this.rendered = planSite(input, templates, { textCache: this.texts }).render();
  }

  /** Every file of the site, up to date (renders pending lazy pages first). */
  get files(): SiteFiles {
    this.flush();
    return this.rendered;
  }

  /** One file of the site, rendering it first if an update left it pending. */
  file(path: string): string | Uint8Array | undefined {
    if (this.stale.has(path)) this.flush();
    return this.rendered.get(path);
  }

  /** True when the site has a file at `path` (rendered or pending; renders nothing). */
  has(path: string): boolean {
    return this.rendered.has(path);
  }

  /** Renders the pending lazy pages. */
  private flush(): void {
    if (this.stale.size === 0) return;
    const pending = new Set(this.stale);
    this.stale.clear();
    for (const [path, content] of planSite(this.input, this.templates, { textCache: this.texts }).render((path) => pending.has(path))) this.rendered.set(path, content);
  }

  /** The current input. */
  get current(): SiteInput {
    return this.input;
  }

  /**
   * Replaces the record stored at `file` (repository-relative path) with `next`, adds it when
   * no record has that file, or removes it when `next` is undefined. `images` (those `next`
   * references, read at the edge) publishes the new and changed ones.
   */
  update(file: string, next: SiteRecord | undefined, images?: RecordImages): SiteUpdate {
    const before = this.input;
    const index = before.records.findIndex((r) => r.file === file);
    const records = [...before.records];
    if (index === -1 && next) records.push(next);
    else if (index !== -1 && next) records[index] = next;
    else if (index !== -1) records.splice(index, 1);
    else return { changed: [], removed: [], full: false };
    // Images the record references that are new or changed (an image no longer referenced stays
    // published until the next full build: another record may reference it too).
    const fresh = images && next ? Object.entries(images.files).filter(([path, bytes]) => !sameBytes(before.files?.[images.section]?.[path], bytes)) : [];
    const files = fresh.length === 0 ? before.files : { ...before.files, [images!.section]: sortedFiles({ ...before.files?.[images!.section], ...Object.fromEntries(fresh) }) };
    const after: SiteInput = { ...before, records, files };
    this.input = after;
    const plan = planSite(after, this.templates, { textCache: this.texts });
    const structural = index === -1 || next === undefined || before.records[index].record.slug !== next.record.slug;
    const only = structural ? undefined : affectedPages(before, after, file);
    for (const [path] of fresh) only?.add(imageOutputPath(images!.section, path));
    // The search index is rebuilt for every record; a browser loads it only on its first search,
    // so after an edit it is rendered when next requested, not on the edit's critical path.
    const lazy = only ? LAZY_PAGES.filter((path) => only.has(path)) : [];
    for (const path of lazy) only!.delete(path);
    const rendered = plan.render(only ? (path) => only.has(path) || path.startsWith('tags/') && only.has('tags/*') : undefined);
    const keep = new Set(plan.paths);
    const changed: string[] = [];
    for (const [path, content] of rendered) {
      this.stale.delete(path);
      if (this.rendered.get(path) !== content) {
        this.rendered.set(path, content);
        changed.push(path);
      }
    }
    for (const path of lazy) {
      this.stale.add(path);
      changed.push(path);
    }
    const removed: string[] = [];
    for (const path of [...this.rendered.keys()]) {
      if (!keep.has(path)) {
        this.rendered.delete(path);
        this.stale.delete(path);
        removed.push(path);
      }
    }
    return { changed: changed.sort(), removed: removed.sort(), full: only === undefined };
  }
}

/** Images of one record, read at the edge (see `readRecordImages`): path relative to its log folder -> bytes. */
export interface RecordImages {
  /** Name of the record's site section. */
  section: string;
  files: Record<string, Uint8Array>;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Files sorted by path, as `collectSite` gives them. */
function sortedFiles(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Output paths a change of the record at `file` can affect (same set of records before and after). */
function affectedPages(before: SiteInput, after: SiteInput, file: string): Set<string> {
  const pages = new Set(SUMMARY_PAGES);
  const views = [before, after].map((input) => {
    const records = sortRecords(input.records);
    const keys = pageKeys(records, input.sections.length > 1);
    const relations = resolveRelations(records);
    const { from: referencedBy } = bodyLinks(records);
    return records.map((r, i) => {
      const chain = supersedeChain(relations, i);
      const rel = relations[i];
      return {
        key: keys[i],
        file: r.file,
        tags: r.record.tags,
        // What other pages show about a record: its label (in relation lists and chains).
        face: recordLabel(r),
        mentions: new Set([...rel.supersedes, ...rel.supersededBy, ...rel.relatesTo, ...rel.amends, ...rel.amendedBy, ...chain, ...referencedBy[i]]),
        links: JSON.stringify([rel, chain, referencedBy[i]]),
      };
    });
  });
  const [old, now] = views;
  const changedAt = now.findIndex((v) => v.file === file);
  const faceChanged = old[changedAt].face !== now[changedAt].face;
  now.forEach((v, i) => {
    const affected = v.links !== old[i].links || (faceChanged && (v.mentions.has(changedAt) || old[i].mentions.has(changedAt)));
    if (i === changedAt || affected) pages.add(`records/${v.key}.html`);
  });
  const tags = new Set([...old[changedAt].tags, ...now[changedAt].tags]);
  if (tags.size > 0 || faceChanged) pages.add('tags/*');
  return pages;
}
