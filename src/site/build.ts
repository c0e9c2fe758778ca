import Handlebars from 'handlebars';
import { Feed } from 'feed';
import { escapeUTF8 } from 'entities';
import { STATUSES } from '../model/status.js';
import { monthLabel } from './dates.js';
import { relationGraphSvg, type GraphEdge } from './graph.js';
import { pageKeys, resolveRelations, RecordResolver, safeSegment, supersedeChain } from './links.js';
import { imageOutputPath, imageUrl, resolveImageRef } from './images.js';
import { renderMarkdownWithText } from './markdown.js';
import { MAX_INDEXED_TEXT, SearchIndexBuilder, type SearchDoc } from './search.js';
import type { SiteFiles, SiteInput, SiteRecord, SiteTemplates } from './types.js';
import { blipsOf, dayOf, editUrl, matrixOf, recordLabel, relationLinks, statusKey, type RecordLinkView } from './views.js';

/**
 * Strict Content Security Policy of every page (meta tag): scripts and styles from the site only,
 * images from the site or `data:`, no network, no inline script or style. `connect-src 'self'`
 * lets `adrkit preview` live-reload over Server-Sent Events.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** Pages a template set must provide. */
export const PAGE_TEMPLATES = ['layout', 'index', 'record', 'timeline', 'tag', 'graph', 'radar'] as const;

interface Page {
  path: string;
  template: (typeof PAGE_TEMPLATES)[number];
  title: string;
  nav: string;
  /** Root-relative prefix of the page (`''` or `'../'`). */
  root: string;
  /** Template data, computed only when the page is rendered (incremental builds skip most pages). */
  data: () => Record<string, unknown>;
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
  const blipNames = new Map((input.radar?.blips ?? []).map((b) => [b.id, b.name]));
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
      tags: [...tagKeys.keys()].map((name) => ({ name })),
      blips: allBlips,
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
    return (texts[i] ??= textCache?.get(body) ?? remember(body, renderMarkdownWithText(body, { dropTitle: true, topLevel: 2 }).text));
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
      data: () => {
        const body = renderMarkdownWithText(r.record.body, { dropTitle: true, topLevel: 2, rewriteLink, rewriteAsset });
        texts[i] = remember(r.record.body, body.text);
        return {
          record: r.record,
          number: r.record.number === undefined ? '' : String(r.record.number).padStart(4, '0'),
          status: statusKey(r),
          statusText: r.record.statusText && r.record.statusText.toLowerCase() !== statusKey(r) ? r.record.statusText : '',
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
          bodyHtml: body.html,
          matrix: matrixOf(r, input.radar),
          history: r.statusHistory.map((t) => ({ status: t.status, statusText: t.statusText, date: t.date.slice(0, 10), hash: t.hash.slice(0, 7) })),
          chain: chain.length > 1 ? chain.map((j) => ({ ...link(root)(j), current: j === i })) : [],
          relations: relationLinks(relations[i], link(root)),
          revisitBy: r.record.revisitBy ?? '',
          chosen: r.record.options.find((o) => o && o.id === r.record.chosen)?.name ?? r.record.chosen ?? '',
        };
      },
    });
  });

  const byMonth = new Map<string, number[]>();
  for (const i of [...all].sort((a, b) => compare(dayOf(records[b]) ?? '', dayOf(records[a]) ?? '') || a - b)) {
    const month = dayOf(records[i])?.slice(0, 7) ?? 'undated';
    byMonth.set(month, [...(byMonth.get(month) ?? []), i]);
  }
  pages.push({
    path: 'timeline.html',
    template: 'timeline',
    title: `Timeline · ${input.title}`,
    nav: 'timeline',
    root: '',
    data: () => ({ months: [...byMonth].map(([month, list]) => ({ id: `m-${month}`, label: month === 'undated' ? 'Undated' : monthLabel(month), rows: rows('', list) })) }),
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
  });
  const graphData = () => {
    const inGraph = all.filter((i) => edges.some((e) => e.from === i || e.to === i));
    const position = new Map(inGraph.map((i, p) => [i, p]));
    const svg = relationGraphSvg(
      inGraph.map((i) => ({ label: recordLabel(records[i]), href: href('', i) })),
      edges.map((e) => ({ ...e, from: position.get(e.from)!, to: position.get(e.to)! })),
    );
    return {
      svg,
      edges: edges.map((e) => ({ from: link('')(e.from), to: link('')(e.to), kind: e.kind.replace('-', ' ') })),
    };
  };
  pages.push({ path: 'graph.html', template: 'graph', title: `Relations · ${input.title}`, nav: 'graph', root: '', data: graphData });

  if (input.radar) {
    const radar = input.radar;
    const bySlug = new Map<string, number>();
    all.forEach((i) => {
      if (!bySlug.has(records[i].record.slug)) bySlug.set(records[i].record.slug, i);
    });
    const slugLinks = (slugs: string[]) => slugs.map((s) => bySlug.get(s)).filter((i): i is number => i !== undefined).map(link(''));
    pages.push({
      path: 'radar.html',
      template: 'radar',
      title: `Radar · ${input.title}`,
      nav: 'radar',
      root: '',
      data: () => ({
        svg: radar.svg,
        edition: radar.edition,
        blips: [...radar.blips].sort((a, b) => a.number - b.number).map((b) => ({ ...b, ringClass: b.ring.toLowerCase().replace(/[^a-z0-9]+/g, '-'), chose: slugLinks(b.chose), considered: slugLinks(b.considered) })),
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
    return { href: href('', i), title: recordLabel(r), status: statusKey(r), tags: r.record.tags, blips: blipsOf(r), text };
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
      yield [page.path, layout({ title: page.title, siteTitle: input.title, root, nav: page.nav, body, csp: CSP, hasRadar: Boolean(input.radar), [`nav_${page.nav}`]: true })];
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
    for (const [path, content] of Object.entries(templates.assets)) if (wanted(path)) yield [path, content];
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
    ...Object.keys(templates.assets),
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

/** Entries of a {@link PlanOptions.textCache} before it is emptied. */
const MAX_CACHED_TEXTS = 20_000;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
