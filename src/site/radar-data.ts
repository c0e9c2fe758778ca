import type { DecisionRecord } from '../model/record.js';
import type { Radar } from '../model/radar.js';
import type { SiteRadar } from './types.js';
import { renderRadarSvg, blipNumbers } from '../render/radar-svg.js';
import { newestEdition, ringById, ringHistory } from '../radar/editions.js';
import { blipUsage } from '../radar/usage.js';

/**
 * The radar page data of the site (`SiteRadar`, see src/site/types.ts) for one radar's newest
 * edition: the static SVG (blips link to `#blip-<id>` rows of the page), the edition label and
 * every blip with its ring in each edition and the slugs of the records that chose and that
 * considered it. Pure.
 */
export function siteRadar(radar: Radar, records: ReadonlyArray<Pick<DecisionRecord, 'options' | 'chosen' | 'slug'>>): SiteRadar {
  const edition = newestEdition(radar);
  const numbers = blipNumbers(radar, edition);
  const usage = blipUsage({ radars: [radar] }, records);
  const quadrants = new Map(radar.quadrants.map((q) => [q.id, q.name]));
  const blips = edition.blips
    .map((b) => {
      const used = usage.get(`${radar.id}/${b.id}`);
      return {
        number: numbers.get(b.id) ?? 0,
        id: b.id,
        name: b.name,
        ring: ringById(radar, b.ring)?.name ?? b.ring,
        quadrant: quadrants.get(b.quadrant) ?? b.quadrant,
        stance: ringById(radar, b.ring)?.stance,
        ringHistory: ringHistory(radar, b.id).map((h) => ({ date: h.date ?? 'undated', ring: h.ring === undefined ? undefined : (ringById(radar, h.ring)?.name ?? h.ring) })),
        chose: (used?.chose ?? []).map((r) => r.slug),
        considered: (used?.considered ?? []).map((r) => r.slug),
      };
    })
    .sort((a, b) => a.number - b.number);
  const used = new Set(blips.filter((b) => b.chose.length > 0 || b.considered.length > 0).map((b) => b.id));
  const anchor = (id: string) => `#blip-${radar.id}-${id}`;
  return {
    id: radar.id,
    name: radar.name,
    rings: [...radar.rings].sort((a, b) => a.order - b.order).map((r) => ({ name: r.name, stance: r.stance })),
    svg: renderRadarSvg(radar, { edition, numbers, used, href: (b) => anchor(b.id) }),
    edition: edition.date ?? 'undated',
    blips,
  };
}
