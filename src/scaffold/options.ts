import { AdrkitError } from '../model/errors.js';
import type { Option } from '../model/record.js';
import { parseOptionSpec } from './render.js';
import { currentRing } from '../radar/editions.js';
import { describeUnresolved, resolveBlip, type RadarSet } from '../radar/resolve.js';

/**
 * Turns `adrkit new --option` specs (`Name` or `Name@blip`) into options whose blip is checked
 * against the radars: the blip is stored by id (`dinov2`, or `radar/dinov2` when written
 * qualified) and `ring` records the blip's ring in the newest edition — the ring the decision saw,
 * which `radar-ring-changed` later compares with newer editions. Pure.
 *
 * @throws AdrkitError `usage` for an unknown or ambiguous blip, with "did you mean".
 */
export function optionsWithRings(set: RadarSet, specs: string[]): Option[] {
  return specs.map((spec) => {
    const option = parseOptionSpec(spec);
    if (!option.blip) return option;
    const resolution = resolveBlip(set, option.blip);
    if (!resolution.ok) {
      throw new AdrkitError('usage', `--option "${spec}": ${describeUnresolved(resolution)}`, {
        hint: 'list the blips with `adrkit radar`; write `Name@blip-id` or `Name@radar-id/blip-id`',
      });
    }
    const slash = option.blip.indexOf('/');
    const blip = slash >= 0 ? `${option.blip.slice(0, slash)}/${resolution.blip.id}` : resolution.blip.id;
    const ring = currentRing(resolution.radar, resolution.blip.id);
    return { ...option, blip, ...(ring ? { ring: ring.id } : {}) };
  });
}
