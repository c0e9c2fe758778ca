import type { Blip, Radar } from '../model/radar.js';
import { closest } from '../util/suggest.js';
import { allBlips, blipIn, newestEdition } from './editions.js';
import { nameKey } from './readers/common.js';

/** The configured radars, in configuration order: what lint rules get as `RuleEnvironment.radar`. */
export interface RadarSet {
  radars: Radar[];
}

/** A blip reference that resolved. */
export interface ResolvedBlip {
  ok: true;
  radar: Radar;
  /** The blip as in its newest edition that has it. */
  blip: Blip;
  /** True when the blip is in the radar's newest edition (false: dropped since). */
  current: boolean;
  /** Canonical reference: `radar-id/blip-id`. */
  ref: string;
}

/** A blip reference that did not resolve. */
export interface UnresolvedBlip {
  ok: false;
  reason: 'unknown-radar' | 'unknown-blip' | 'ambiguous';
  ref: string;
  /** Closest valid reference, for "did you mean". */
  suggestion?: string;
  /** For `ambiguous`: the qualified references that match; for `unknown-radar`: the radar ids. */
  candidates: string[];
}

export type BlipResolution = ResolvedBlip | UnresolvedBlip;

/** True when `radar` is called `name` (id or alias, case-insensitive). */
function radarNamed(radar: Radar, name: string): boolean {
  const key = name.toLowerCase();
  return radar.id.toLowerCase() === key || radar.aliases.some((a) => a.toLowerCase() === key);
}

/**
 * Resolves a blip reference from a record (`blip-id` or `radar-id/blip-id`): by id, then alias,
 * then name — all case-insensitive, `&` ≡ `and` for names. Blips dropped from the newest edition
 * still resolve (`current: false`). An unqualified reference matching blips of several radars is
 * `ambiguous`. Pure.
 */
export function resolveBlip(set: RadarSet, ref: string): BlipResolution {
  let memo = resolutions.get(set);
  if (!memo) {
    memo = new Map();
    resolutions.set(set, memo);
  }
  let result = memo.get(ref);
  if (!result) {
    result = resolveUncached(set, ref);
    memo.set(ref, result);
  }
  return result;
}

/** Resolutions per radar set (radar sets are immutable once loaded): lint resolves the same blips many times. */
const resolutions = new WeakMap<RadarSet, Map<string, BlipResolution>>();

function resolveUncached(set: RadarSet, ref: string): BlipResolution {
  const trimmed = ref.trim();
  const slash = trimmed.indexOf('/');
  if (slash >= 0) {
    const radarName = trimmed.slice(0, slash);
    const blipRef = trimmed.slice(slash + 1);
    const radar = set.radars.find((r) => radarNamed(r, radarName));
    if (!radar) {
      const ids = set.radars.flatMap((r) => [r.id, ...r.aliases]);
      const near = closest(radarName, ids);
      return { ok: false, reason: 'unknown-radar', ref: trimmed, suggestion: near ? `${near}/${blipRef}` : undefined, candidates: set.radars.map((r) => r.id) };
    }
    const blip = findBlip(radar, blipRef);
    if (blip) return resolved(radar, blip);
    const near = suggestIn(radar, blipRef);
    return { ok: false, reason: 'unknown-blip', ref: trimmed, suggestion: near ? `${radarName}/${near}` : undefined, candidates: [] };
  }
  const matches = set.radars.flatMap((radar) => {
    const blip = findBlip(radar, trimmed);
    return blip ? [resolved(radar, blip)] : [];
  });
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) return { ok: false, reason: 'ambiguous', ref: trimmed, candidates: matches.map((m) => m.ref) };
  const suggestions = set.radars.map((r) => suggestIn(r, trimmed)).filter((s): s is string => s !== undefined);
  return { ok: false, reason: 'unknown-blip', ref: trimmed, suggestion: closest(trimmed, suggestions) ?? suggestions[0], candidates: [] };
}

/** One-line explanation of a failed resolution, with "did you mean". */
export function describeUnresolved(failure: UnresolvedBlip): string {
  const hint = failure.suggestion ? ` (did you mean "${failure.suggestion}"?)` : '';
  if (failure.reason === 'unknown-radar') return `unknown radar in blip "${failure.ref}"${hint}; radars: ${failure.candidates.join(', ')}`;
  if (failure.reason === 'ambiguous') return `blip "${failure.ref}" is in several radars; write one of ${failure.candidates.join(', ')}`;
  return `unknown blip "${failure.ref}"${hint}`;
}

function resolved(radar: Radar, blip: Blip): ResolvedBlip {
  return { ok: true, radar, blip, current: blipIn(newestEdition(radar), blip.id) !== undefined, ref: `${radar.id}/${blip.id}` };
}

function findBlip(radar: Radar, ref: string): Blip | undefined {
  const blips = allBlips(radar);
  const lower = ref.toLowerCase();
  const key = nameKey(ref);
  return (
    blips.find((b) => b.id.toLowerCase() === lower) ??
    blips.find((b) => b.aliases.some((a) => a.toLowerCase() === lower || nameKey(a) === key)) ??
    blips.find((b) => nameKey(b.name) === key)
  );
}

/** Closest blip id of a radar to `ref`, comparing with ids and names. */
function suggestIn(radar: Radar, ref: string): string | undefined {
  const byText = new Map<string, string>();
  for (const b of allBlips(radar)) {
    byText.set(b.id, b.id);
    byText.set(b.name, b.id);
    for (const a of b.aliases) byText.set(a, b.id);
  }
  const near = closest(ref, byText.keys());
  return near === undefined ? undefined : byText.get(near);
}
