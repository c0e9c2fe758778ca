import type { DecisionRecord } from '../model/record.js';
import type { Radar } from '../model/radar.js';
import type { SiteRadar } from './types.js';
import { renderRadarSvg, blipNumbers } from '../render/radar-svg.js';
import { newestEdition, ringById } from '../radar/editions.js';
import { blipUsage } from '../radar/usage.js';

/**
 * The radar page data of the site (`SiteRadar`, see src/site/types.ts) for one radar's newest
 * edition: the static SVG (blips link to `#blip-<id>` rows of the page), the edition label and
 * every blip with the slugs of the records that chose and that considered it. Pure.
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
        chose: (used?.chose ?? []).map((r) => r.slug),
        considered: (used?.considered ?? []).map((r) => r.slug),
      };
    })
    .sort((a, b) => a.number - b.number);
  return { svg: renderRadarSvg(radar, { edition, numbers }), edition: edition.date ?? 'undated', blips };
}
