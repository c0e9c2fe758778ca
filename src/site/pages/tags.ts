import type { SiteContext } from './context.js';
import type { HtmlPage } from './page.js';

/** The tag pages: `tags.html` (every tag with its record count) and one `tags/<key>.html` per tag (its records' table). Pure. */
export function tagPages(ctx: SiteContext): HtmlPage[] {
  const { records, input } = ctx;
  const pages: HtmlPage[] = [
    {
      kind: 'html',
      path: 'tags.html',
      template: 'tags',
      title: `Tags · ${input.title}`,
      nav: 'tags',
      root: '',
      data: () => ({ tags: [...ctx.tagKeys].map(([name, key]) => ({ name, href: `tags/${key}.html`, count: records.filter((r) => r.record.tags.includes(name)).length })) }),
    },
  ];
  for (const [tag, key] of ctx.tagKeys) {
    const list = ctx.all.filter((i) => records[i].record.tags.includes(tag));
    pages.push({ kind: 'html', path: `tags/${key}.html`, template: 'tag', title: `Tag ${tag} · ${input.title}`, nav: '', root: '../', data: () => ({ tag, rows: ctx.rows('../', list) }) });
  }
  return pages;
}
