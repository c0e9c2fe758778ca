import type { SiteRadar } from '../types.js';
import { blipAnchor, cssToken } from '../views.js';
import type { SiteContext } from './context.js';
import type { HtmlPage } from './page.js';

/**
 * The radar page, `radar.html`, only when the site has radars: each radar's SVG, its rings, and
 * its blips (those the records chose or considered first, with the records and the blip's ring
 * moves). Pure.
 */
export function radarPage(ctx: SiteContext): HtmlPage[] {
  const { records, radars } = ctx;
  if (radars.length === 0) return [];
  const bySlug = new Map<string, number>();
  ctx.all.forEach((i) => {
    if (!bySlug.has(records[i].record.slug)) bySlug.set(records[i].record.slug, i);
  });
  const link = ctx.link('');
  const slugLinks = (slugs: string[]) => slugs.map((s) => bySlug.get(s)).filter((i): i is number => i !== undefined).map(link);
  const blipView = (radar: SiteRadar) => (b: SiteRadar['blips'][number]) => {
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
  return [
    {
      kind: 'html',
      path: 'radar.html',
      template: 'radar',
      title: `Radar · ${ctx.input.title}`,
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
    },
  ];
}
