import { parse } from 'yaml';
import type { Option } from '../model/record.js';
import type { RadarSet } from '../radar/resolve.js';
import { resolveBlip } from '../radar/resolve.js';
import { ringById } from '../radar/editions.js';

/** Says whether a blip reference (`blip-id` or `radar-id/blip-id`) is in the HOLD ring, with its name. */
export type HoldLookup = (blip: string) => { name?: string } | undefined;

/**
 * Builds a {@link HoldLookup} from a native radar YAML file (`blips: [{ id, name, name_en?, ring }]`,
 * the format of `radar/sicara-2024.yaml`). Pure; unreadable or shapeless text gives a lookup
 * that finds nothing. Kept behind this one function so the review can switch to the radar
 * module's resolution API without other changes.
 */
export function holdLookupFromRadarYaml(text: string): HoldLookup {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return () => undefined;
  }
  const blips = (data as { blips?: unknown })?.blips;
  const hold = new Map<string, string | undefined>();
  if (Array.isArray(blips)) {
    for (const b of blips as Array<Record<string, unknown>>) {
      if (typeof b?.id !== 'string' || String(b.ring).toLowerCase() !== 'hold') continue;
      const name = typeof b.name_en === 'string' ? b.name_en : typeof b.name === 'string' ? b.name : undefined;
      hold.set(b.id.toLowerCase(), name);
    }
  }
  return (blip) => {
    const id = blip.slice(blip.lastIndexOf('/') + 1).toLowerCase();
    return hold.has(id) ? { name: hold.get(id) } : undefined;
  };
}

/**
 * Builds a {@link HoldLookup} from the configured radars (`loadRadars`): a reference resolves
 * with the radar module (`resolveBlip`: id, alias or name, `radar-id/blip-id`) and is HOLD when
 * its ring's stance is `hold` in the newest edition that has the blip. Pure.
 */
export function holdLookupFromRadars(set: RadarSet): HoldLookup {
  return (ref) => {
    const found = resolveBlip(set, ref);
    if (!found.ok) return undefined;
    return ringById(found.radar, found.blip.ring)?.stance === 'hold' ? { name: found.blip.name } : undefined;
  };
}

/**
 * Options of a record linked to a HOLD blip: the radar says so (`lookup`), or the option records
 * `ring: hold` itself (written by adrkit when the decision was made).
 */
export function holdOptions(options: Option[], lookup: HoldLookup): Array<{ option: Option; blipName?: string }> {
  const result: Array<{ option: Option; blipName?: string }> = [];
  for (const option of options) {
    if (typeof option?.blip !== 'string') continue;
    const found = lookup(option.blip);
    if (found) result.push({ option, blipName: found.name });
    else if (String(option.ring ?? '').toLowerCase() === 'hold') result.push({ option });
  }
  return result;
}
