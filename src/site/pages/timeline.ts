import { monthLabel } from '../dates.js';
import { EVENT_KIND_LABELS, timelineEvents } from '../timeline.js';
import { statusKey } from '../views.js';
import type { SiteContext } from './context.js';
import type { HtmlPage } from './page.js';

/** The timeline, `timeline.html`: record events (created, status changes) by month, newest first, filterable by kind. Pure. */
export function timelinePage(ctx: SiteContext): HtmlPage[] {
  const data = () => {
    const events = timelineEvents(ctx.records, ctx.relations);
    const link = ctx.link('');
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
          record: link(e.record),
          status: statusKey(ctx.records[e.record]),
          by: e.by.map(link),
          hash: e.hash ?? '',
        })),
      })),
    };
  };
  return [{ kind: 'html', path: 'timeline.html', template: 'timeline', title: `Timeline · ${ctx.input.title}`, nav: 'timeline', root: '', data }];
}
