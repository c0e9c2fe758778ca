import { SearchIndexBuilder, type SearchDoc } from '../search.js';
import { blipsOf, recordLabel, statusKey } from '../views.js';
import type { SiteContext } from './context.js';
import type { StreamedFile } from './page.js';

/**
 * `search-index.js`, the full-text index the browser loads on its first search (see `SearchIndex`):
 * title, status, tags, blips (ids and names), deciders, option names and body text of every record.
 * Records are indexed in order as their pages are rendered, each text dropped once indexed; the
 * records whose pages are not rendered are indexed at the end, still in order. Pure.
 */
export function searchIndexFile(ctx: SiteContext): StreamedFile[] {
  const { records } = ctx;
  const doc = (i: number, text: string): SearchDoc => {
    const r = records[i];
    const blips = blipsOf(r);
    return {
      href: ctx.href('', i),
      title: recordLabel(r),
      status: statusKey(r),
      tags: r.record.tags,
      blips: [...blips, ...blips.map((id) => ctx.blipNames.get(id)).filter((n): n is string => n !== undefined && !blips.includes(n))],
      deciders: r.record.deciders,
      options: r.record.options.filter((o) => o && typeof o.name === 'string').map((o) => o.name),
      text,
    };
  };
  const start = () => {
    const search = new SearchIndexBuilder();
    return {
      progress: () => {
        while (search.size < records.length && ctx.texts.holds(search.size)) {
          const i = search.size;
          search.add(doc(i, ctx.texts.take(i)!));
        }
      },
      finish: () => {
        while (search.size < records.length) search.add(doc(search.size, ctx.texts.of(search.size)));
        return search.script();
      },
    };
  };
  return [{ kind: 'streamed', path: 'search-index.js', start }];
}
