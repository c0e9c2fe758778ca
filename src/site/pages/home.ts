import { STATUSES } from '../../model/status.js';
import { statusKey } from '../views.js';
import type { SiteContext } from './context.js';
import type { HtmlPage } from './page.js';

/**
 * The home page, `index.html`: every record in one table (client-side filter by status, tag, blip
 * and section, sort and search), with the status counts. Pure.
 */
export function homePage(ctx: SiteContext): HtmlPage[] {
  const { records } = ctx;
  const statuses = [...STATUSES, 'unknown'].map((s) => ({ status: s, count: records.filter((r) => statusKey(r) === s).length })).filter((s) => s.count > 0);
  return [
    {
      kind: 'html',
      path: 'index.html',
      template: 'index',
      title: ctx.input.title,
      nav: 'index',
      root: '',
      data: () => ({
        rows: ctx.rows('', ctx.all),
        count: records.length,
        statuses,
        tags: [...ctx.tagKeys].map(([name, key]) => ({ name, key })),
        blips: ctx.allBlips,
        empty: records.length === 0,
        multiSection: ctx.multi,
        sections: ctx.input.sections,
      }),
    },
  ];
}
