import { bodyLinks, pageKeys, resolveRelations, RecordResolver, safeSegment, type Relations } from '../links.js';
import { renderMarkdownWithText } from '../markdown.js';
import { MAX_INDEXED_TEXT } from '../search.js';
import type { SiteInput, SiteRadar, SiteRecord } from '../types.js';
import { blipsOf, dayOf, recordLabel, statusKey, type RecordLinkView } from '../views.js';
import { compare } from './page.js';

/** A fenced code block of language `mermaid` in a markdown body. */
const MERMAID_FENCE = /^\s{0,3}(?:```|~~~)\s*mermaid\b/im;

/** Entries of a {@link BodyTexts} cache before it is emptied. */
const MAX_CACHED_TEXTS = 20_000;

/** A row of the record tables (home and tag pages). */
export interface RecordRowView {
  href: string;
  number: string;
  n: number | '';
  title: string;
  status: string;
  statusText: string;
  date: string;
  tags: Array<{ name: string; href: string }>;
  deciders: string;
  section: string;
}

/**
 * What every page module is given: the records sorted once (see {@link sortRecords}) and what is
 * computed from them (page keys, relations, body links, tags, radars). Records are referred to by
 * their index in `records`. Pure data plus pure helpers; built once per plan by {@link siteContext}.
 */
export interface SiteContext {
  input: SiteInput;
  /** The records in site order. */
  records: SiteRecord[];
  /** `0 … records.length - 1`. */
  all: number[];
  /** The site has several sections (log folders). */
  multi: boolean;
  /** Page key of each record: its page is `records/<key>.html`. */
  keys: string[];
  relations: Relations[];
  resolver: RecordResolver;
  /** Radars shown on the radar page, in configuration order (empty: no radar page). */
  radars: SiteRadar[];
  /** Blip id -> name (the first radar naming it wins). */
  blipNames: Map<string, string>;
  /** Blips the records link, sorted by id. */
  allBlips: Array<{ id: string; name: string }>;
  /** Whether each record body has a Mermaid diagram. */
  hasDiagrams: boolean[];
  anyDiagram: boolean;
  /** Tag -> page key (`tags/<key>.html`), sorted by tag. */
  tagKeys: Map<string, string>;
  /** Records each record body links to, and records whose bodies link to it. */
  linksTo: number[][];
  referencedBy: number[][];
  /** The site is published at an absolute URL (`baseUrl` is `http(s)://…`). */
  absolute: boolean;
  /** Theme assets by output path (`SiteTemplates.assets`). */
  assets: Record<string, string>;
  /** Plain text of record bodies (search index, feed). */
  texts: BodyTexts;
  /** Link to record `i` from a page at `root`. */
  href(root: string, i: number): string;
  link(root: string): (i: number) => RecordLinkView;
  tagView(root: string): (tag: string) => { name: string; href: string };
  /** Table rows of the records `list` (indexes), for a page at `root`. */
  rows(root: string, list: number[]): RecordRowView[];
}

/** Records in a stable order: section, then number (unnumbered last), then file path. */
export function sortRecords(records: SiteRecord[]): SiteRecord[] {
  return [...records].sort(
    (a, b) =>
      compare(a.section, b.section) ||
      (a.record.number ?? Number.MAX_SAFE_INTEGER) - (b.record.number ?? Number.MAX_SAFE_INTEGER) ||
      compare(a.file, b.file),
  );
}

/**
 * Builds the {@link SiteContext} of a site input: sorts records, resolves relations and body links,
 * gives tags their page keys. Pure.
 *
 * @param assets - theme assets by output path.
 * @param textCache - body text by body content, shared by successive plans (see `PlanOptions.textCache`).
 */
export function siteContext(input: SiteInput, assets: Record<string, string>, textCache?: Map<string, string>): SiteContext {
  const records = sortRecords(input.records);
  const multi = input.sections.length > 1;
  const keys = pageKeys(records, multi);
  const resolver = new RecordResolver(records);

  const tagKeys = new Map<string, string>();
  const used = new Set<string>();
  for (const tag of [...new Set(records.flatMap((r) => r.record.tags))].sort(compare)) {
    let key = safeSegment(tag.toLowerCase());
    for (let n = 2; used.has(key); n++) key = `${safeSegment(tag.toLowerCase())}-${n}`;
    used.add(key);
    tagKeys.set(tag, key);
  }
  const radars = input.radars ?? (input.radar ? [input.radar] : []);
  const blipNames = new Map<string, string>();
  for (const radar of [...radars].reverse()) for (const b of radar.blips) blipNames.set(b.id, b.name);
  const hasDiagrams = records.map((r) => MERMAID_FENCE.test(r.record.body));
  // Links between record bodies (`[x](0005-y.md)`): the graph's dashed arcs and each page's
  // "referenced by" list.
  const { to: linksTo, from: referencedBy } = bodyLinks(records, resolver);

  const href = (root: string, i: number) => `${root}records/${keys[i]}.html`;
  const tagView = (root: string) => (tag: string) => ({ name: tag, href: `${root}tags/${tagKeys.get(tag)}.html` });
  return {
    input,
    records,
    all: records.map((_, i) => i),
    multi,
    keys,
    relations: resolveRelations(records),
    resolver,
    radars,
    blipNames,
    allBlips: [...new Set(records.flatMap(blipsOf))].sort(compare).map((id) => ({ id, name: blipNames.get(id) ?? id })),
    hasDiagrams,
    anyDiagram: hasDiagrams.some(Boolean),
    tagKeys,
    linksTo,
    referencedBy,
    absolute: /^https?:\/\//i.test(input.baseUrl),
    assets,
    texts: new BodyTexts(records, textCache),
    href,
    link: (root) => (i) => ({ href: href(root, i), label: recordLabel(records[i]) }),
    tagView,
    // A row of the home page (which lists every record) is kept small: the status badge class is
    // set by the site script from the status cell, and which records link which blip is in
    // `blip-index.js`, loaded when the blip filter is first used.
    rows: (root, list) =>
      list.map((i) => {
        const r = records[i];
        return {
          href: href(root, i),
          number: r.record.number === undefined ? '' : String(r.record.number).padStart(4, '0'),
          n: r.record.number ?? '',
          title: r.record.title,
          status: statusKey(r),
          statusText: r.record.statusText ?? statusKey(r),
          date: dayOf(r) ?? '',
          tags: r.record.tags.map(tagView(root)),
          deciders: r.record.deciders.join(', '),
          section: r.section,
        };
      }),
  };
}

/**
 * Plain text of each record body (first `MAX_INDEXED_TEXT` characters), for the search index and
 * the feed. A record page stores the text of the body it renders ({@link BodyTexts.keep}); the
 * search index takes and drops it ({@link BodyTexts.take}), so a big site does not hold every text
 * at once; {@link BodyTexts.of} renders the body again only when no text is held or cached. The
 * text of a rendered body does not depend on how its links are rewritten, so any rendering gives
 * the same text.
 */
export class BodyTexts {
  private readonly texts: Array<string | undefined> = [];

  constructor(
    private readonly records: SiteRecord[],
    private readonly cache?: Map<string, string>,
  ) {}

  /** Keeps the text of record `i`'s body, from a rendering of it. */
  keep(i: number, text: string): void {
    this.texts[i] = this.remember(this.records[i].record.body, text);
  }

  /** The text held for record `i` (undefined when none is), which is then dropped. */
  take(i: number): string | undefined {
    const text = this.texts[i];
    this.texts[i] = undefined;
    return text;
  }

  /** True when a text is held for record `i`. */
  holds(i: number): boolean {
    return this.texts[i] !== undefined;
  }

  /** The text of record `i`'s body: held, cached, or rendered now. */
  of(i: number): string {
    const body = this.records[i].record.body;
    return (this.texts[i] ??= this.cache?.get(body) ?? this.remember(body, renderMarkdownWithText(body, { dropTitle: true, topLevel: 2, dropEmptySections: true }).text));
  }

  private remember(body: string, text: string): string {
    const kept = text.slice(0, MAX_INDEXED_TEXT);
    if (this.cache) {
      if (this.cache.size >= MAX_CACHED_TEXTS) this.cache.clear();
      this.cache.set(body, kept);
    }
    return kept;
  }
}
