/** Page templates a template set must provide (`<name>.hbs`). */
export const PAGE_TEMPLATES = ['layout', 'index', 'record', 'timeline', 'tag', 'tags', 'graph', 'radar'] as const;

/**
 * An HTML page of the site: a page template, its data and what the layout needs. The data is a
 * thunk, computed only when the page is rendered (incremental builds skip most pages).
 */
export interface HtmlPage {
  kind: 'html';
  /** Output path, relative to the site root, `/` separators. */
  path: string;
  template: Exclude<(typeof PAGE_TEMPLATES)[number], 'layout'>;
  /** Text of the `<title>` element. */
  title: string;
  /** Navigation entry the page highlights (`''` for none). */
  nav: string;
  /** Root-relative prefix of the page (`''` or `'../'`). */
  root: string;
  /** Template data, computed only when the page is rendered. */
  data: () => Record<string, unknown>;
  /** The page shows a Mermaid diagram: loads the diagram scripts, with `CSP_WITH_DIAGRAMS`. */
  diagrams?: boolean;
}

/** A file of the site that is not an HTML page (script, JSON, XML, asset, image): its content, computed when written. */
export interface DataFile {
  kind: 'file';
  path: string;
  content: () => string | Uint8Array;
}

/**
 * A file built alongside the HTML pages (the search index): `start` is called before the first
 * page is rendered, `progress` after each one (so that it can take and drop what the page left,
 * such as body texts), `finish` gives the content once every page is rendered.
 */
export interface StreamedFile {
  kind: 'streamed';
  path: string;
  start: () => { progress: () => void; finish: () => string };
}

/** One output of the site, as a page module returns it. */
export type SitePage = HtmlPage | DataFile | StreamedFile;

/** Orders strings by UTF-16 code units (locale-independent, so builds are reproducible). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
