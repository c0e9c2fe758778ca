import type { DecisionRecord } from '../model/record.js';
import type { Radar, Ring } from '../model/radar.js';
import { blipIn, currentRing, editionAt, newestEdition, ringById } from '../radar/editions.js';
import { optionBlips, type OptionBlip } from '../radar/usage.js';
import type { RadarSet, ResolvedBlip } from '../radar/resolve.js';

/** An option whose blip resolved, with the ring it is judged by. */
export interface JudgedOption extends OptionBlip {
  resolution: ResolvedBlip;
  /** Ring of the blip in the edition in force at the record's date (newest edition when the record has no date or predates the radar). */
  ring: Ring | undefined;
}

/**
 * The record's options that link a known blip, each with the ring the decision is judged by:
 * the ring in the edition in force at the record's `date` — what the deciders could see — else
 * in the newest edition. Pure.
 */
export function judgedOptions(set: RadarSet, record: DecisionRecord): JudgedOption[] {
  return optionBlips(set, record).flatMap((o) => {
    if (!o.resolution.ok) return [];
    const { radar, blip } = o.resolution;
    return [{ ...o, resolution: o.resolution, ring: ringAtRecord(radar, blip.id, record.date) }];
  });
}

/** Ring of a blip as of a record date (see {@link judgedOptions}). */
export function ringAtRecord(radar: Radar, blipId: string, date: string | undefined): Ring | undefined {
  const edition = (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? editionAt(radar, date) : undefined) ?? newestEdition(radar);
  const blip = blipIn(edition, blipId);
  return blip ? ringById(radar, blip.ring) : undefined;
}

/** Statuses whose records no longer need radar follow-up. */
export const CLOSED_STATUSES = new Set(['rejected', 'deprecated', 'superseded']);

/** A blip that moved ring since the decision saw it. */
export interface RingMove {
  option: OptionBlip & { resolution: ResolvedBlip };
  /** Ring the decision saw: the option's stored `ring`, else the ring in the edition in force at the record's date. */
  from: string;
  to: Ring;
  /** How `from` was found, for messages. */
  since: string;
}

/**
 * The ring moves of a record's options: the ring the decision saw (stored `ring`, else the
 * edition in force at the record's `date`) against the newest edition. Dropped blips are not
 * moves (`radar-blip-dropped`). One rule for `radar-ring-changed` and `adrkit stale`. Pure.
 */
export function ringMoves(set: RadarSet, record: DecisionRecord): RingMove[] {
  return optionBlips(set, record).flatMap((o) => {
    if (!o.resolution.ok) return [];
    const { radar, blip } = o.resolution;
    const now = currentRing(radar, blip.id);
    if (!now) return [];
    const seen = o.option.ring ? ringById(radar, o.option.ring) : ringAtRecord(radar, blip.id, record.date);
    const from = seen?.name ?? o.option.ring;
    if (!from || seen?.id === now.id) return [];
    const since = o.option.ring ? `stored ring ${o.option.ring}` : `edition in force on ${record.date ?? 'its date'}`;
    return [{ option: { ...o, resolution: o.resolution }, from, to: now, since }];
  });
}
