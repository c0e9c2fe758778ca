import Handlebars from 'handlebars';
import { AdrkitError } from '../model/errors.js';
import type { SiteFiles, SiteInput, SiteTemplates } from './types.js';
import { siteContext } from './pages/context.js';
import { compare, type HtmlPage, type SitePage } from './pages/page.js';
import { homePage } from './pages/home.js';
import { recordPages } from './pages/record.js';
import { timelinePage } from './pages/timeline.js';
import { tagPages } from './pages/tags.js';
import { graphPage } from './pages/graph.js';
import { radarPage } from './pages/radar.js';
import { searchIndexFile } from './pages/search-index.js';
import { blipIndexFile } from './pages/blip-index.js';
import { decisionsFile } from './pages/decisions.js';
import { feedFile } from './pages/feed.js';
import { sitemapFile } from './pages/sitemap.js';
import { staticFiles } from './pages/static.js';

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

/**
 * Builds the static decision-log site. PURE: no file system, no clock, no network; the same
 * input gives byte-identical output (records are sorted; every date comes from the input).
 *
 * Pages: `index.html` (all records, client-side filter, sort and search), `records/<key>.html`,
 * `timeline.html`, `tags/<tag>.html`, `graph.html`, `radar.html` (with `input.radar`), plus
 * `search-index.js` and `blip-index.js` (both loaded by the browser on first use), `feed.xml`
 * (Atom 1.0, RFC 4287), `sitemap.xml` (only for an absolute `baseUrl`), `decisions.json`, the
 * theme assets and the images record bodies reference (`files/<section>/<path>`, from
 * `input.files`). Each page comes from its own module under `site/pages/`. Every link is relative,
 * so the site works under any base path and from `file://`. User text is escaped by Handlebars;
 * record bodies are rendered by marked and sanitised with sanitize-html before being emitted raw.
 *
 * @param input - the records and site settings.
 * @param templates - handlebars sources and assets (see `loadSiteTemplates`).
 * @param only - renders only the files whose output path passes (all by default).
 * @returns output path (relative, `/` separators) -> content.
 * @throws AdrkitError `config` when a template is missing, does not compile or fails to render (named in the message).
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

/**
 * Plans the site: builds the shared context once (records sorted, relations, links, tags; see
 * `siteContext`), then asks each page module for its pages, without rendering anything. Pure.
 */
export function planSite(input: SiteInput, templates: SiteTemplates, options: PlanOptions = {}): SitePlan {
  const ctx = siteContext(input, templates.assets, options.textCache);
  const html: HtmlPage[] = [...homePage(ctx), ...recordPages(ctx), ...timelinePage(ctx), ...tagPages(ctx), ...graphPage(ctx), ...radarPage(ctx)];
  const files: SitePage[] = [
    ...html,
    ...searchIndexFile(ctx),
    ...blipIndexFile(ctx),
    ...decisionsFile(ctx),
    ...feedFile(ctx),
    ...sitemapFile(ctx, html.map((p) => p.path)),
    ...staticFiles(ctx),
  ];
  const template = compiler(templates);

  function* each(only?: (path: string) => boolean): Generator<[string, string | Uint8Array]> {
    const wanted = (path: string) => !only || only(path);
    // Files built alongside the pages (the search index) start before the first page is rendered.
    const streams = new Map(files.flatMap((f) => (f.kind === 'streamed' && wanted(f.path) ? [[f.path, f.start()] as const] : [])));
    const layout = template('layout');
    for (const file of files) {
      if (!wanted(file.path)) continue;
      if (file.kind === 'html') {
        const root = file.root;
        const body = template(file.template)({ ...file.data(), root, siteTitle: input.title });
        const csp = file.diagrams ? CSP_WITH_DIAGRAMS : CSP;
        yield [file.path, layout({ title: file.title, siteTitle: input.title, root, nav: file.nav, body, csp, diagrams: file.diagrams, hasRadar: ctx.radars.length > 0, [`nav_${file.nav}`]: true })];
        for (const stream of streams.values()) stream.progress();
      } else if (file.kind === 'streamed') yield [file.path, streams.get(file.path)!.finish()];
      else yield [file.path, file.content()];
    }
  }
  const render = (only?: (path: string) => boolean): SiteFiles => new Map([...each(only)].sort(([a], [b]) => compare(a, b)));
  return { paths: files.map((f) => f.path).sort(compare), render, each };
}

/**
 * Compiles the page templates on first use, with the theme's partials and the `eq` helper.
 *
 * @throws AdrkitError `config` naming the template when it is missing, does not compile or fails
 *   to render (Handlebars compiles on first use, so both show when a page is rendered).
 */
function compiler(templates: SiteTemplates): (name: string) => (data: Record<string, unknown>) => string {
  const hb = Handlebars.create();
  for (const [name, source] of Object.entries(templates.partials)) hb.registerPartial(name, source);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const hint = 'fix the template, or remove it from the "site.templates" folder to use adrkit\'s own';
  return (name) => {
    let t = compiled.get(name);
    if (!t) {
      const source = templates.pages[name];
      if (source === undefined) throw new AdrkitError('config', `site template "${name}.hbs" is missing`, { hint });
      t = hb.compile(source, { strict: false });
      compiled.set(name, t);
    }
    const render = t;
    return (data) => {
      try {
        return render(data);
      } catch (error) {
        const { message, lineNumber, column } = error as Error & { lineNumber?: number; column?: number };
        throw new AdrkitError('config', `site template "${name}.hbs" cannot be rendered: ${message.split('\n')[0]}`, { file: `${name}.hbs`, line: lineNumber, column: column === undefined ? undefined : column + 1, hint });
      }
    };
  };
}
