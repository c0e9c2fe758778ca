import { escapeUTF8 } from 'entities';
import type { SiteContext } from './context.js';
import { compare, type DataFile } from './page.js';
import { absoluteUrl } from './urls.js';

/**
 * `sitemap.xml` (sitemaps.org 0.9), only for a site published at an absolute `baseUrl`: the
 * absolute URL of every HTML page. Pure.
 *
 * @param htmlPaths - output paths of the site's HTML pages.
 */
export function sitemapFile(ctx: SiteContext, htmlPaths: readonly string[]): DataFile[] {
  if (!ctx.absolute) return [];
  return [{ kind: 'file', path: 'sitemap.xml', content: () => sitemap(ctx.input.baseUrl, htmlPaths) }];
}

function sitemap(baseUrl: string, paths: readonly string[]): string {
  const urls = [...paths].sort(compare).map((p) => `  <url><loc>${escapeUTF8(absoluteUrl(baseUrl, p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
