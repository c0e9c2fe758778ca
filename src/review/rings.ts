import type { DecisionRecord } from '../model/record.js';
import type { ReviewRingChange } from '../model/review.js';
import { currentRing, ringById } from '../radar/editions.js';
import type { RadarSet } from '../radar/resolve.js';
import { ringAtRecord } from '../decision/radar-judgement.js';
import { optionBlips } from '../radar/usage.js';

/**
 * The blips of a record's options whose ring moved since the decision: the ring the decision saw
 * is the option's stored `ring` (written by `adrkit new`), else the ring in the radar edition in
 * force at the record's `date`; it is compared with the newest edition. The same reading as the
 * `radar-ring-changed` lint rule. Unresolved and dropped blips are left out. Pure.
 */
export function ringChanges(set: RadarSet, record: Pick<DecisionRecord, 'options' | 'chosen' | 'date'>): ReviewRingChange[] {
  const result: ReviewRingChange[] = [];
  for (const o of optionBlips(set, record)) {
    if (!o.resolution.ok) continue;
    const { radar, blip } = o.resolution;
    const now = currentRing(radar, blip.id);
    if (!now) continue;
    const seen = o.option.ring ? ringById(radar, o.option.ring) : ringAtRecord(radar, blip.id, record.date);
    const seenName = seen?.name ?? o.option.ring;
    if (!seenName || seen?.id === now.id) continue;
    result.push({ option: o.option.id, blip: o.option.blip!, from: seenName, to: now.name });
  }
  return result;
}
