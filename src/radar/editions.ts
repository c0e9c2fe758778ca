import { AdrkitError } from '../model/errors.js';
import type { Blip, Radar, RadarEdition, Ring, RingStance } from '../model/radar.js';

/** The newest edition of a radar (editions are kept oldest first). */
export function newestEdition(radar: Radar): RadarEdition {
  return radar.editions[radar.editions.length - 1];
}

/**
 * The edition in force at `date` (`YYYY-MM-DD`): the newest edition dated on or before it.
 * An undated edition is in force from the beginning. Undefined when `date` predates every edition.
 */
export function editionAt(radar: Radar, date: string): RadarEdition | undefined {
  let found: RadarEdition | undefined;
  for (const edition of radar.editions) if (edition.date === undefined || edition.date <= date) found = edition;
  return found;
}

/** The blip `blipId` in an edition, if present. */
export function blipIn(edition: RadarEdition, blipId: string): Blip | undefined {
  return edition.blips.find((b) => b.id === blipId);
}

/** The ring with this id (or name, case-insensitive). */
export function ringById(radar: Radar, ring: string): Ring | undefined {
  const key = ring.toLowerCase();
  return radar.rings.find((r) => r.id.toLowerCase() === key) ?? radar.rings.find((r) => r.name.toLowerCase() === key);
}

/** Ring of blip `blipId` in the edition in force at `date`; undefined when absent then. */
export function ringOfBlipAt(radar: Radar, blipId: string, date: string): Ring | undefined {
  const edition = editionAt(radar, date);
  const blip = edition && blipIn(edition, blipId);
  return blip ? ringById(radar, blip.ring) : undefined;
}

/** Ring of blip `blipId` in the newest edition; undefined when it was dropped. */
export function currentRing(radar: Radar, blipId: string): Ring | undefined {
  const blip = blipIn(newestEdition(radar), blipId);
  return blip ? ringById(radar, blip.ring) : undefined;
}

/** One step of a blip's ring history. */
export interface RingHistoryEntry {
  date: string | undefined;
  /** Ring id, or undefined when the blip is absent from that edition. */
  ring: string | undefined;
  stance: RingStance | undefined;
}

/** Ring of a blip in every edition, oldest first (absent editions have `ring: undefined`). */
export function ringHistory(radar: Radar, blipId: string): RingHistoryEntry[] {
  return radar.editions.map((edition) => {
    const blip = blipIn(edition, blipId);
    const ring = blip ? ringById(radar, blip.ring) : undefined;
    return { date: edition.date, ring: ring?.id, stance: ring?.stance };
  });
}

/** The latest version of every blip that appears in any edition (newest edition wins), in first-appearance order. */
export function allBlips(radar: Radar): Blip[] {
  const byId = new Map<string, Blip>();
  for (const edition of radar.editions) for (const blip of edition.blips) byId.set(blip.id, blip);
  return [...byId.values()];
}

/**
 * Merges radars that share an id (e.g. one BYOR file per edition) into one radar whose editions
 * are sorted by date. Quadrants, rings and name come from the newest edition. Pure.
 *
 * @throws AdrkitError `radar` when two sources give the same radar the same edition date.
 */
export function mergeRadars(radars: Radar[]): Radar[] {
  const byId = new Map<string, Radar[]>();
  for (const radar of radars) byId.set(radar.id, [...(byId.get(radar.id) ?? []), radar]);
  return [...byId.values()].map((group) => {
    if (group.length === 1) return { ...group[0], editions: sortEditions(group[0].editions, group[0]) };
    const editions = sortEditions(group.flatMap((r) => r.editions), group[0]);
    const newest = group.find((r) => r.editions.includes(editions[editions.length - 1])) ?? group[0];
    return {
      ...newest,
      aliases: [...new Set(group.flatMap((r) => r.aliases))],
      editions,
      source: group.map((r) => r.source).filter(Boolean).join(', '),
    };
  });
}

function sortEditions(editions: RadarEdition[], radar: Radar): RadarEdition[] {
  const sorted = [...editions].sort((a, b) => (a.date ?? '') .localeCompare(b.date ?? ''));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].date === sorted[i - 1].date) {
      throw new AdrkitError('radar', `radar "${radar.id}" has two editions dated ${sorted[i].date ?? '(undated)'}`, {
        file: radar.source,
        hint: 'give each edition of a radar its own date (a date in the file name for BYOR files)',
      });
    }
  }
  return sorted;
}
