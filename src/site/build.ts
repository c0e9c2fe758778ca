import Handlebars from 'handlebars';
import { Feed } from 'feed';
import { escapeUTF8 } from 'entities';
import { STATUSES } from '../model/status.js';
import { monthLabel } from './dates.js';
import { relationGraphSvg, type GraphEdge } from './graph.js';
import { EVENT_KIND_LABELS, timelineEvents } from './timeline.js';
import { bodyLinks, pageKeys, resolveRelations, RecordResolver, safeSegment, supersedeChain } from './links.js';
import { imageOutputPath, imageUrl, resolveImageRef } from './images.js';
import { renderMarkdownWithText, withHeadingIds } from './markdown.js';
import { MAX_INDEXED_TEXT, SearchIndexBuilder, type SearchDoc } from './search.js';
import type { SiteFiles, SiteInput, SiteRecord, SiteTemplates } from './types.js';
import { evidenceEntry, evidenceView, type DecisionOptionEntry } from './evidence.js';
import { blipAnchor, blipsOf, cssToken, dayOf, editUrl, matrixOf, recordLabel, relationLinks, statusKey, type RecordLinkView } from './views.js';

/**
 * Strict Content Security Policy of every page (meta tag): scripts and styles from the site only,
 * images from the site or `data:`, no network, no inline script or style. `connect-src 'self'`
 * lets `adrkit preview` live-reload over Server-Sent Events.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * CSP of a record page with a Mermaid diagram: {@link CSP} plus inline styles, which Mermaid writes
 * into the SVG it draws (a `<style>` element per diagram). Scripts stay limited to the site's own
 * files; the record body is sanitised, so it carries no `style` attribute or element itself.
 */
export const CSP_WITH_DIAGRAMS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** Mermaid's browser bundle, published only when a record body has a diagram. */
export const MERMAID_ASSET = 'assets/mermaid.js';

/** A fenced code block of language `mermaid` in a markdown body. */
const MERMAID_FENCE = /^\s{0,3}(?:```|~~~)\s*mermaid\b/im;

/** Record bodies at least this long (characters) with at least {@link TOC_MIN_SECTIONS} sections get a table of contents. */
const TOC_MIN_LENGTH = 1500;
const TOC_MIN_SECTIONS = 4;

/** Pages a template set must provide. */
export const PAGE_TEMPLATES = ['layout', 'index', 'record', 'timeline', 'tag', 'tags', 'graph', 'radar'] as const;

interface Page {
  path: string;
  template: (typeof PAGE_TEMPLATES)[number];
  title: string;
  nav: string;
  /** Root-relative prefix of the page (`''` or `'../'`). */
  root: string;
  /** Template data, computed only when the page is rendered (incremental builds skip most pages). */
  data: () => Record<string, unknown>;
  /** The page shows a Mermaid diagram: loads the diagram scripts, with {@link CSP_WITH_DIAGRAMS}. */
  diagrams?: boolean;
}

/**
 * Builds the static decision-log site. PURE: no file system, no clock, no network; the same
 * input gives byte-identical output (records are sorted; every date comes from the input).
 *
 * Pages: `index.html` (all records, client-side filter, sort and search), `records/<key>.html`,
 * `timeline.html`, `tags/<tag>.html`, `graph.html`, `radar.html` (with `input.radar`), plus
 * `search-index.js` and `blip-index.js` (both loaded by the browser on first use), `feed.xml`
 * (Atom 1.0, RFC 4287), `sitemap.xml` (only for an absolute `baseUrl`), `decisions.json`, the
 * theme assets and the images record bodies reference (`files/<section>/<path>`, from
 * `input.files`). Every link is relative, so the site works
 * under any base path and from `file://`. User text is escaped by Handlebars; record bodies are
 * rendered by marked and sanitised with sanitize-html before being emitted raw.
 *
 * @param input - the records and site settings.
 * @param templates - handlebars sources and assets (see `loadSiteTemplates`).
 * @returns output path (relative, `/` separators) -> content.
 * @throws Error when a template does not compile (the CLI reports it with the template name).
 */
export function buildSite(input: SiteInput, templates: SiteTemplates, only?: (path: string) => boolean): SiteFiles {
  return planSite(input, templates).render(only);
}

/** A site ready to render: every page known, none rendered yet. */
export interface SitePlan {
  /** Output paths of every file the full site has, sorted. */
  paths: string[];
  /** Renders the files whose path passes `only` (all by default). */
  render(only?: (path: string) => boolean): SiteFiles;
  /**
   * Renders the same files one at a time, as `[path, content]` (pages first, not sorted), so a
   * writer can store each file and drop it before the next is rendered (see `writeSite`). The
   * contents equal those of {@link SitePlan.render}, whatever is rendered before.
   */
  each(only?: (path: string) => boolean): Iterable<[string, string | Uint8Array]>;
}

/** Options of {@link planSite}. */
export interface PlanOptions {
  /**
   * Plain text of record bodies by body content, shared by successive plans of the same log (see
   * `SiteSession`) so that re-indexing unchanged records costs nothing. Without it, a record whose
   * page is not rendered has its body rendered again for its text.
   */
  textCache?: Map<string, string>;
}

/** Plans the site: sorts records, resolves relations and lists pages, without rendering anything. Pure. */
export function planSite(input: SiteInput, templates: SiteTemplates, options: PlanOptions = {}): SitePlan {
  const records = sortRecords(input.records);
  const multi = input.sections.length > 1;
  const keys = pageKeys(records, multi);
  const relations = resolveRelations(records);
  const resolver = new RecordResolver(records);
  const hb = Handlebars.create();
  for (const [name, source] of Object.entries(templates.partials)) hb.registerPartial(name, source);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const template = (name: string) => {
    let t = compiled.get(name);
    if (!t) {
      const source = templates.pages[name];
      if (source === undefined) throw new Error(`site template "${name}.hbs" is missing`);
      t = hb.compile(source, { strict: false });
      compiled.set(name, t);
    }
    return t;
  };

  const href = (root: string, i: number) => `${root}records/${keys[i]}.html`;
  const link = (root: string) => (i: number): RecordLinkView => ({ href: href(root, i), label: recordLabel(records[i]) });

  const tagKeys = new Map<string, string>();
  const used = new Set<string>();
  for (const tag of [...new Set(records.flatMap((r) => r.record.tags))].sort(compare)) {
    let key = safeSegment(tag.toLowerCase());
    for (let n = 2; used.has(key); n++) key = `${safeSegment(tag.toLowerCase())}-${n}`;
    used.add(key);
    tagKeys.set(tag, key);
  }
  const tagView = (root: string) => (tag: string) => ({ name: tag, href: `${root}tags/${tagKeys.get(tag)}.html` });
  const radars = input.radars ?? (input.radar ? [input.radar] : []);
  const blipNames = new Map<string, string>();
  for (const radar of [...radars].reverse()) for (const b of radar.blips) blipNames.set(b.id, b.name);
  const hasDiagrams = records.map((r) => MERMAID_FENCE.test(r.record.body));
  const anyDiagram = hasDiagrams.some(Boolean);

  // Links between record bodies (`[x](0005-y.md)`): the graph's dashed arcs and each page's
  // "referenced by" list.
  const { to: linksTo, from: referencedBy } = bodyLinks(records, resolver);
  const allBlips = [...new Set(records.flatMap(blipsOf))].sort(compare).map((id) => ({ id, name: blipNames.get(id) ?? id }));

  // Table rows (index and tag pages). A row of the home page (which lists every record) is kept
  // small: the status badge class is set by the site script from the status cell, and which
  // records link which blip is in `blip-index.js`, loaded when the blip filter is first used.
  const rows = (root: string, list: number[]) =>
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
    });

  const all = records.map((_, i) => i);
  const pages: Page[] = [];
  const statusCounts = [...STATUSES, 'unknown'].map((s) => ({ status: s, count: records.filter((r) => statusKey(r) === s).length })).filter((s) => s.count > 0);
  pages.push({
    path: 'index.html',
    template: 'index',
    title: input.title,
    nav: 'index',
    root: '',
    data: () => ({
      rows: rows('', all),
      count: records.length,
      statuses: statusCounts,
      tags: [...tagKeys].map(([name, key]) => ({ name, key })),
      blips: allBlips,
      empty: records.length === 0,
      multiSection: multi,
      sections: input.sections,
    }),
  });

  // Plain text of each body (search index, feed; first MAX_INDEXED_TEXT characters), filled when
  // its page is rendered; a record whose page is not rendered gets it from `textOf`.
  const texts: Array<string | undefined> = [];
  const textCache = options.textCache;
  const remember = (body: string, text: string) => {
    const kept = text.slice(0, MAX_INDEXED_TEXT);
    if (textCache) {
      if (textCache.size >= MAX_CACHED_TEXTS) textCache.clear();
      textCache.set(body, kept);
    }
    return kept;
  };
  // The text of a rendered body does not depend on how its links are rewritten, so any rendering
  // of the body gives the same text.
  const textOf = (i: number) => {
    const body = records[i].record.body;
    return (texts[i] ??= textCache?.get(body) ?? remember(body, renderMarkdownWithText(body, { dropTitle: true, topLevel: 2, dropEmptySections: true }).text));
  };

  records.forEach((r, i) => {
    const root = '../';
    const chain = supersedeChain(relations, i);
    const rewriteLink = (target: string) => {
      const j = resolver.resolveHref(target, i);
      if (j === undefined) return undefined;
      const anchor = target.includes('#') ? target.slice(target.indexOf('#')) : '';
      return `${keys[j]}.html${anchor}`;
    };
    const published = input.files?.[r.section];
    const rewriteAsset = (url: string) => {
      const ref = resolveImageRef(url);
      return ref.kind === 'file' && published?.[ref.path] ? imageUrl(root, r.section, ref.path) : undefined;
    };
    pages.push({
      path: `records/${keys[i]}.html`,
      template: 'record',
      title: recordLabel(r),
      nav: '',
      root,
      diagrams: hasDiagrams[i],
      data: () => {
        const body = renderMarkdownWithText(r.record.body, { dropTitle: true, topLevel: 2, dropEmptySections: true, rewriteLink, rewriteAsset });
        texts[i] = remember(r.record.body, body.text);
        const { html, headings } = withHeadingIds(body.html);
        // The matrix opens the body's own "Options" section, so the page has one Options heading.
        const optionsAt = headings.find((h) => /^(considered )?options( considered)?$/i.test(h.text.trim()));
        const split = optionsAt ? html.indexOf('</h2>', html.indexOf(`<h2 id="${optionsAt.id}">`)) + 5 : 0;
        const status = statusKey(r);
        const rel = relations[i];
        return {
          record: r.record,
          number: r.record.number === undefined ? '' : String(r.record.number).padStart(4, '0'),
          status,
          statusText: r.record.statusText && r.record.statusText.toLowerCase() !== status ? r.record.statusText : '',
          banner: status === 'superseded' || status === 'deprecated' || status === 'rejected' ? { [status]: true, successors: rel.supersededBy.map(link(root)) } : undefined,
          date: dayOf(r) ?? '',
          writtenDate: r.record.date ?? '',
          created: r.created?.slice(0, 10) ?? '',
          updated: r.updated?.slice(0, 10) ?? '',
          authors: r.authors,
          deciders: r.record.deciders,
          tags: r.record.tags.map(tagView(root)),
          file: r.file,
          section: multi ? r.section : '',
          editUrl: editUrl(input.repositoryUrl, input.branch, r.file),
          bodyBefore: html.slice(0, split),
          bodyAfter: html.slice(split),
          matrixInBody: Boolean(optionsAt),
          toc: headings.length >= TOC_MIN_SECTIONS && r.record.body.length >= TOC_MIN_LENGTH ? headings : [],
          matrix: matrixOf(r, radars, root),
          // Body links from records already listed as a relation are not repeated.
          referencedBy: referencedBy[i].filter((j) => ![...rel.supersedes, ...rel.supersededBy, ...rel.relatesTo, ...rel.amends, ...rel.amendedBy].includes(j)).map(link(root)),
          history: r.statusHistory.map((t) => ({
            status: t.status,
            statusText: t.statusText.trim().toLowerCase() === t.status ? '' : t.statusText,
            date: t.date.slice(0, 10),
            hash: t.hash.slice(0, 7),
          })),
          evidence: evidenceView(r.record),
          chain: chain.length > 1 ? chain.map((j) => ({ ...link(root)(j), current: j === i })) : [],
          relations: relationLinks(relations[i], link(root)),
          revisitBy: r.record.revisitBy ?? '',
          chosen: r.record.options.find((o) => o && o.id === r.record.chosen)?.name ?? r.record.chosen ?? '',
        };
      },
    });
  });

  const timelineData = () => {
    const events = timelineEvents(records, relations);
    const byMonth = new Map<string, typeof events>();
    for (const e of events) byMonth.set(e.day.slice(0, 7), [...(byMonth.get(e.day.slice(0, 7)) ?? []), e]);
    const kinds = Object.entries(EVENT_KIND_LABELS).filter(([kind]) => events.some((e) => e.kind === kind));
    return {
      kinds: kinds.map(([kind, label]) => ({ kind, label, count: events.filter((e) => e.kind === kind).length })),
      empty: events.length === 0,
      months: [...byMonth].map(([month, list]) => ({
        id: `m-${month}`,
        label: monthLabel(month),
        events: list.map((e) => ({
          day: e.day,
          kind: e.kind,
          label: EVENT_KIND_LABELS[e.kind],
          created: e.kind === 'created',
          statusText: e.statusText && e.statusText.trim().toLowerCase() !== e.kind ? e.statusText : '',
          record: link('')(e.record),
          status: statusKey(records[e.record]),
          by: e.by.map(link('')),
          hash: e.hash ?? '',
        })),
      })),
    };
  };
  pages.push({ path: 'timeline.html', template: 'timeline', title: `Timeline · ${input.title}`, nav: 'timeline', root: '', data: timelineData });

  pages.push({
    path: 'tags.html',
    template: 'tags',
    title: `Tags · ${input.title}`,
    nav: 'tags',
    root: '',
    data: () => ({ tags: [...tagKeys].map(([name, key]) => ({ name, href: `tags/${key}.html`, count: records.filter((r) => r.record.tags.includes(name)).length })) }),
  });

  for (const [tag, key] of tagKeys) {
    const list = all.filter((i) => records[i].record.tags.includes(tag));
    pages.push({ path: `tags/${key}.html`, template: 'tag', title: `Tag ${tag} · ${input.title}`, nav: '', root: '../', data: () => ({ tag, rows: rows('../', list) }) });
  }

  const edges: GraphEdge[] = [];
  relations.forEach((rel, i) => {
    for (const j of rel.supersedes) edges.push({ from: i, to: j, kind: 'supersedes' });
    for (const j of rel.relatesTo) if (i < j) edges.push({ from: i, to: j, kind: 'relates-to' });
    for (const j of rel.amends) edges.push({ from: i, to: j, kind: 'amends' });
    const related = new Set([...rel.supersedes, ...rel.supersededBy, ...rel.relatesTo, ...rel.amends, ...rel.amendedBy]);
    for (const j of linksTo[i]) if (!related.has(j)) edges.push({ from: i, to: j, kind: 'links-to' });
  });
  const graphData = () => {
    const inGraph = all.filter((i) => edges.some((e) => e.from === i || e.to === i));
    const position = new Map(inGraph.map((i, p) => [i, p]));
    const svg = relationGraphSvg(
      inGraph.map((i) => ({ label: recordLabel(records[i]), href: href('', i), status: statusKey(records[i]) })),
      edges.map((e) => ({ ...e, from: position.get(e.from)!, to: position.get(e.to)! })),
    );
    return {
      svg,
      edges: edges.map((e) => ({ from: link('')(e.from), to: link('')(e.to), kind: e.kind.replace('-', ' ') })),
      statuses: [...new Set(inGraph.map((i) => statusKey(records[i])))].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)),
    };
  };
  pages.push({ path: 'graph.html', template: 'graph', title: `Relations · ${input.title}`, nav: 'graph', root: '', data: graphData });

  if (radars.length > 0) {
    const bySlug = new Map<string, number>();
    all.forEach((i) => {
      if (!bySlug.has(records[i].record.slug)) bySlug.set(records[i].record.slug, i);
    });
    const slugLinks = (slugs: string[]) => slugs.map((s) => bySlug.get(s)).filter((i): i is number => i !== undefined).map(link(''));
    const blipView = (radar: (typeof radars)[number]) => (b: (typeof radar.blips)[number]) => {
      const history = (b.ringHistory ?? []).filter((h, k, list) => k === 0 || h.ring !== list[k - 1].ring);
      return {
        ...b,
        anchor: blipAnchor(radar, b.id),
        ringClass: cssToken(b.stance ?? b.ring),
        chose: slugLinks(b.chose),
        considered: slugLinks(b.considered),
        history: history.length > 1 ? history.map((h) => ({ date: h.date, ring: h.ring ?? 'dropped' })) : [],
      };
    };
    pages.push({
      path: 'radar.html',
      template: 'radar',
      title: `Radar · ${input.title}`,
      nav: 'radar',
      root: '',
      data: () => ({
        several: radars.length > 1,
        radars: radars.map((radar, k) => {
          const blips = [...radar.blips].sort((a, b) => a.number - b.number).map(blipView(radar));
          const used = blips.filter((b) => b.chose.length > 0 || b.considered.length > 0);
          return {
            id: `radar-${k + 1}`,
            name: radar.name ?? 'Technology radar',
            svg: radar.svg,
            edition: radar.edition,
            rings: (radar.rings ?? []).map((r) => ({ name: r.name, ringClass: cssToken(r.stance ?? r.name) })),
            used,
            others: blips.filter((b) => b.chose.length === 0 && b.considered.length === 0),
          };
        }),
      }),
    });
  }

  const absolute = /^https?:\/\//i.test(input.baseUrl);
  // Images are published as is (never inlined: an SVG shown through <img> cannot run scripts).
  const images = new Map<string, Uint8Array>();
  for (const section of input.sections) {
    for (const [path, bytes] of Object.entries(input.files?.[section.name] ?? {})) images.set(imageOutputPath(section.name, path), bytes);
  }
  const searchDoc = (i: number, text: string): SearchDoc => {
    const r = records[i];
    const blips = blipsOf(r);
    return {
      href: href('', i),
      title: recordLabel(r),
      status: statusKey(r),
      tags: r.record.tags,
      blips: [...blips, ...blips.map((id) => blipNames.get(id)).filter((n): n is string => n !== undefined && !blips.includes(n))],
      deciders: r.record.deciders,
      options: r.record.options.filter((o) => o && typeof o.name === 'string').map((o) => o.name),
      text,
    };
  };
  function* each(only?: (path: string) => boolean): Generator<[string, string | Uint8Array]> {
    const wanted = (path: string) => !only || only(path);
    // Records are indexed for search in order as their pages are rendered (their texts are then
    // dropped); the ones whose pages are not rendered are indexed at the end, still in order.
    const search = wanted('search-index.js') ? new SearchIndexBuilder() : undefined;
    const layout = template('layout');
    for (const page of pages) {
      if (only && !only(page.path)) continue;
      const root = page.root;
      const body = template(page.template)({ ...page.data(), root, siteTitle: input.title });
      yield [
        page.path,
        layout({ title: page.title, siteTitle: input.title, root, nav: page.nav, body, csp: page.diagrams ? CSP_WITH_DIAGRAMS : CSP, diagrams: page.diagrams, hasRadar: radars.length > 0, [`nav_${page.nav}`]: true }),
      ];
      while (search && search.size < records.length && texts[search.size] !== undefined) {
        const i = search.size;
        search.add(searchDoc(i, texts[i]!));
        texts[i] = undefined;
      }
    }
    if (search) {
      while (search.size < records.length) search.add(searchDoc(search.size, textOf(search.size)));
      yield ['search-index.js', search.script()];
    }
    if (wanted('blip-index.js')) yield ['blip-index.js', blipIndexScript(records.map(blipsOf))];
    if (wanted('decisions.json')) yield ['decisions.json', `${JSON.stringify(records.map(decisionEntry), null, 2)}\n`];
    if (wanted('feed.xml')) yield ['feed.xml', atomFeed(input, records, keys, textOf)];
    if (absolute && wanted('sitemap.xml')) yield ['sitemap.xml', sitemap(input.baseUrl, pages.map((p) => p.path))];
    for (const [path, content] of Object.entries(templates.assets)) if (wanted(path) && (anyDiagram || path !== MERMAID_ASSET)) yield [path, content];
    if (wanted('.nojekyll')) yield ['.nojekyll', ''];
    for (const [path, content] of images) if (wanted(path)) yield [path, content];
  }
  const render = (only?: (path: string) => boolean): SiteFiles => new Map([...each(only)].sort(([a], [b]) => compare(a, b)));
  const paths = [
    ...pages.map((p) => p.path),
    'search-index.js',
    'blip-index.js',
    'decisions.json',
    'feed.xml',
    ...(absolute ? ['sitemap.xml'] : []),
    ...Object.keys(templates.assets).filter((path) => anyDiagram || path !== MERMAID_ASSET),
    '.nojekyll',
    ...images.keys(),
  ].sort(compare);
  return { paths, render, each };
}

/**
 * The `blip-index.js` script behind the home page's blip filter: it sets
 * `globalThis.ADRKIT_BLIPS` to `[blipId, positions][]` (sorted by id): the positions (0-based,
 * ascending) of the records that link the blip, in the order of the home page's rows (the order
 * of `blipsByRecord`). Loaded by the site script on first use of the filter, so the home page
 * stays small.
 */
export function blipIndexScript(blipsByRecord: readonly (readonly string[])[]): string {
  const positions = new Map<string, number[]>();
  blipsByRecord.forEach((blips, i) => {
    for (const id of new Set(blips)) {
      let list = positions.get(id);
      if (!list) positions.set(id, (list = []));
      list.push(i);
    }
  });
  // Pairs, not an object literal: a blip id such as `__proto__` must stay a plain key.
  const pairs = [...positions].sort(([a], [b]) => compare(a, b));
  return `globalThis.ADRKIT_BLIPS = ${JSON.stringify(pairs)};\n`;
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

/** One entry of `decisions.json`. */
export interface DecisionEntry {
  number: number | null;
  title: string;
  status: string | null;
  statusText: string | null;
  date: string | null;
  created: string | null;
  updated: string | null;
  authors: string[];
  path: string;
  tags: string[];
  chosen: string | null;
  /** Options with their evidence, measured values (criterion id -> value) and broken hard constraints (criterion ids). */
  options?: DecisionOptionEntry[];
}

function decisionEntry(r: SiteRecord): DecisionEntry {
  return {
    number: r.record.number ?? null,
    title: r.record.title,
    status: r.record.status ?? null,
    statusText: r.record.statusText ?? null,
    date: dayOf(r) ?? null,
    created: r.created ?? null,
    updated: r.updated ?? null,
    authors: r.authors,
    path: r.file,
    tags: r.record.tags,
    chosen: r.record.chosen ?? null,
    ...evidenceEntry(r.record),
  };
}

function absoluteUrl(baseUrl: string, path: string): string {
  return /^https?:\/\//i.test(baseUrl) ? `${baseUrl.replace(/\/*$/, '/')}${path}` : path;
}

/** Placeholder origin for feed links of a relative site (the `feed` package needs absolute URLs); stripped after. */
const RELATIVE_ORIGIN = 'https://adrkit.invalid/';

function atomFeed(input: SiteInput, records: SiteRecord[], keys: string[], textOf: (index: number) => string): string {
  const dated = records
    .map((r, i) => ({ r, i, when: r.updated ?? (dayOf(r) ? `${dayOf(r)}T00:00:00Z` : undefined) }))
    .filter((x): x is { r: SiteRecord; i: number; when: string } => x.when !== undefined && !Number.isNaN(Date.parse(x.when)))
    .sort((a, b) => Date.parse(b.when) - Date.parse(a.when) || a.i - b.i)
    .slice(0, 50);
  const base = /^https?:\/\//i.test(input.baseUrl) ? input.baseUrl : RELATIVE_ORIGIN;
  const feed = new Feed({
    title: input.title,
    id: base === RELATIVE_ORIGIN ? `urn:adrkit:site:${safeSegment(input.title)}` : absoluteUrl(base, 'index.html'),
    link: absoluteUrl(base, 'index.html'),
    updated: new Date(dated[0] ? Date.parse(dated[0].when) : 0),
    generator: 'adrkit',
    feedLinks: { atom: absoluteUrl(base, 'feed.xml') },
  });
  for (const { r, i, when } of dated) {
    const url = absoluteUrl(base, `records/${keys[i]}.html`);
    feed.addItem({
      title: `${recordLabel(r)} (${r.record.statusText ?? statusKey(r)})`,
      id: base === RELATIVE_ORIGIN ? `urn:adrkit:record:${keys[i]}` : url,
      link: url,
      date: new Date(Date.parse(when)),
      published: r.created ? new Date(Date.parse(r.created)) : undefined,
      description: textOf(i).slice(0, 300),
      author: r.authors.map((name) => ({ name })),
      category: r.record.tags.map((name) => ({ name })),
    });
  }
  const xml = feed.atom1();
  return base === RELATIVE_ORIGIN ? `${xml.split(RELATIVE_ORIGIN).join('')}\n` : `${xml}\n`;
}

function sitemap(baseUrl: string, paths: string[]): string {
  const urls = [...paths].sort(compare).map((p) => `  <url><loc>${escapeXmlText(absoluteUrl(baseUrl, p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

const escapeXmlText = escapeUTF8;

/** Statuses in the order legends list them. */
const STATUS_ORDER = [...STATUSES, 'unknown'];

/** Entries of a {@link PlanOptions.textCache} before it is emptied. */
const MAX_CACHED_TEXTS = 20_000;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
