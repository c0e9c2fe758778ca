import { imageUrl, recordFolder, resolveImageRef } from '../images.js';
import { supersedeChain } from '../links.js';
import { renderMarkdownWithText, withHeadingIds } from '../markdown.js';
import { evidenceView } from '../evidence.js';
import { dayOf, editUrl, matrixOf, recordLabel, relationLinks, statusKey } from '../views.js';
import type { SiteContext } from './context.js';
import type { HtmlPage } from './page.js';

/** Record bodies at least this long (characters) with at least {@link TOC_MIN_SECTIONS} sections get a table of contents. */
const TOC_MIN_LENGTH = 1500;
const TOC_MIN_SECTIONS = 4;

/**
 * One page per record, `records/<key>.html`: the body (marked, sanitised; links to other records
 * and images rewritten to their site paths), the criteria matrix inside the body's Options section,
 * evidence, status banner and history, relations, supersede chain and the records whose bodies link
 * it. Rendering a page keeps its body text for the search index (`ctx.texts`). Pure.
 */
export function recordPages(ctx: SiteContext): HtmlPage[] {
  const { records, relations, resolver, keys, input } = ctx;
  return records.map((r, i) => {
    const root = '../';
    const link = ctx.link(root);
    const rewriteLink = (target: string) => {
      const j = resolver.resolveHref(target, i);
      if (j === undefined) return undefined;
      const anchor = target.includes('#') ? target.slice(target.indexOf('#')) : '';
      return `${keys[j]}.html${anchor}`;
    };
    const published = input.files?.[r.section];
    const folder = recordFolder(r.record.path);
    const rewriteAsset = (url: string) => {
      const ref = resolveImageRef(url, folder);
      return ref.kind === 'file' && published?.[ref.path] ? imageUrl(root, r.section, ref.path) : undefined;
    };
    return {
      kind: 'html',
      path: `records/${keys[i]}.html`,
      template: 'record',
      title: recordLabel(r),
      nav: '',
      root,
      diagrams: ctx.hasDiagrams[i],
      data: () => {
        const body = renderMarkdownWithText(r.record.body, { dropTitle: true, topLevel: 2, dropEmptySections: true, rewriteLink, rewriteAsset });
        ctx.texts.keep(i, body.text);
        const { html, headings } = withHeadingIds(body.html);
        // The matrix opens the body's own "Options" section, so the page has one Options heading.
        const optionsAt = headings.find((h) => /^(considered )?options( considered)?$/i.test(h.text.trim()));
        const split = optionsAt ? html.indexOf('</h2>', html.indexOf(`<h2 id="${optionsAt.id}">`)) + 5 : 0;
        const status = statusKey(r);
        const rel = relations[i];
        const chain = supersedeChain(relations, i);
        return {
          record: r.record,
          number: r.record.number === undefined ? '' : String(r.record.number).padStart(4, '0'),
          status,
          statusText: r.record.statusText && r.record.statusText.toLowerCase() !== status ? r.record.statusText : '',
          banner: status === 'superseded' || status === 'deprecated' || status === 'rejected' ? { [status]: true, successors: rel.supersededBy.map(link) } : undefined,
          date: dayOf(r) ?? '',
          writtenDate: r.record.date ?? '',
          created: r.created?.slice(0, 10) ?? '',
          updated: r.updated?.slice(0, 10) ?? '',
          authors: r.authors,
          deciders: r.record.deciders,
          tags: r.record.tags.map(ctx.tagView(root)),
          file: r.file,
          section: ctx.multi ? r.section : '',
          editUrl: editUrl(input.repositoryUrl, input.branch, r.file),
          bodyBefore: html.slice(0, split),
          bodyAfter: html.slice(split),
          matrixInBody: Boolean(optionsAt),
          toc: headings.length >= TOC_MIN_SECTIONS && r.record.body.length >= TOC_MIN_LENGTH ? headings : [],
          matrix: matrixOf(r, ctx.radars, root),
          // Body links from records already listed as a relation are not repeated.
          referencedBy: ctx.referencedBy[i].filter((j) => ![...rel.supersedes, ...rel.supersededBy, ...rel.relatesTo, ...rel.amends, ...rel.amendedBy].includes(j)).map(link),
          history: r.statusHistory.map((t) => ({
            status: t.status,
            statusText: t.statusText.trim().toLowerCase() === t.status ? '' : t.statusText,
            date: t.date.slice(0, 10),
            hash: t.hash.slice(0, 7),
          })),
          evidence: evidenceView(r.record),
          chain: chain.length > 1 ? chain.map((j) => ({ ...link(j), current: j === i })) : [],
          relations: relationLinks(rel, link),
          revisitBy: r.record.revisitBy ?? '',
          chosen: r.record.options.find((o) => o && o.id === r.record.chosen)?.name ?? r.record.chosen ?? '',
        };
      },
    };
  });
}
