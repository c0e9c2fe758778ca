import { AdrkitError } from '../../model/errors.js';
import type { Blip, RadarQuadrant, RadarRing, Ring, RingStance } from '../../model/radar.js';
import { RingStance as RingStanceSchema } from '../../model/radar.js';
import { slugify } from '../../parse/filename.js';
import { didYouMean } from '../../util/suggest.js';

/** Where a problem is, for {@link radarError}. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

/** An `AdrkitError('radar')` at a position of a radar source. */
export function radarError(message: string, at: SourcePosition, hint?: string): AdrkitError {
  return new AdrkitError('radar', message, { file: at.file, line: at.line, column: at.column, hint });
}

/** The four classic rings (Thoughtworks), innermost first. */
export const CLASSIC_RINGS: Ring[] = [
  { id: 'adopt', name: 'Adopt', order: 1, stance: 'adopt' },
  { id: 'trial', name: 'Trial', order: 2, stance: 'trial' },
  { id: 'assess', name: 'Assess', order: 3, stance: 'assess' },
  { id: 'hold', name: 'Hold', order: 4, stance: 'hold' },
];

/** The stance named by a ring id or name (`ADOPT`, `hold`), if it is one of the four classic ones. */
export function stanceOf(text: string): RingStance | undefined {
  const parsed = RingStanceSchema.safeParse(text.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/**
 * Completes rings with their stance: explicit, else inferred from the id or the name.
 * @throws AdrkitError `radar` for a ring whose stance cannot be inferred.
 */
export function withStances(rings: RadarRing[], at: (index: number) => SourcePosition): Ring[] {
  return rings.map((ring, index) => {
    const stance = ring.stance ?? stanceOf(ring.id) ?? stanceOf(ring.name);
    if (!stance) throw radarError(`ring "${ring.id}" needs a \`stance\` (adopt, trial, assess or hold)`, at(index), 'custom ring names are fine; the stance tells adrkit what the ring means');
    return { ...ring, stance };
  });
}

/** Id of a quadrant or blip from its name: lower-case kebab-case, `&` read as `and`. */
export function idFromName(name: string): string {
  return slugify(name.replace(/&/g, ' and '));
}

/** Normalised key for name matching: case-insensitive, `&` ≡ `and`, spacing and punctuation ignored. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Finds a quadrant or ring by id or name (see {@link nameKey}). `at` gives the position of the
 * value and is called only to report an unknown name.
 * @throws AdrkitError `radar` naming the candidates.
 */
export function findByName<T extends { id: string; name: string }>(items: T[], value: string, kind: 'quadrant' | 'ring', at: () => SourcePosition): T {
  const key = nameKey(value);
  const found = items.find((i) => nameKey(i.id) === key || nameKey(i.name) === key);
  if (found) return found;
  const names = items.map((i) => i.id);
  throw radarError(`unknown ${kind} "${value}"${didYouMean(value, names)}`, at(), `${kind}s: ${names.join(', ')}`);
}

/**
 * Checks that blip ids are unique and that each blip names a known quadrant and ring
 * (matched by id or name); returns blips whose `quadrant`/`ring` are ids.
 * @throws AdrkitError `radar` at the offending blip.
 */
export function checkBlips(blips: Blip[], quadrants: RadarQuadrant[], rings: Ring[], at: (index: number, key?: string) => SourcePosition): Blip[] {
  const seen = new Map<string, number>();
  return blips.map((blip, index) => {
    const previous = seen.get(blip.id);
    if (previous !== undefined) throw radarError(`duplicate blip id "${blip.id}" (also blip ${previous + 1})`, at(index, 'id'), 'blip ids must be unique within an edition');
    seen.set(blip.id, index);
    const quadrant = findByName(quadrants, blip.quadrant, 'quadrant', () => at(index, 'quadrant'));
    const ring = findByName(rings, blip.ring, 'ring', () => at(index, 'ring'));
    return { ...blip, quadrant: quadrant.id, ring: ring.id };
  });
}

/** Quadrants in first-appearance order, built from names (BYOR, AOE). */
export function quadrantsFromNames(names: string[]): RadarQuadrant[] {
  const byKey = new Map<string, RadarQuadrant>();
  for (const name of names) {
    const key = nameKey(name);
    if (!byKey.has(key)) byKey.set(key, { id: idFromName(name), name: name.trim(), order: byKey.size + 1 });
  }
  return [...byKey.values()];
}
