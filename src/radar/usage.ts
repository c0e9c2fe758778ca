import type { DecisionRecord, Option } from '../model/record.js';
import { resolveBlip, type RadarSet, type ResolvedBlip } from './resolve.js';

/** What {@link optionBlips} reads of a record. */
export type RecordOptions = Pick<DecisionRecord, 'options' | 'chosen'>;

/** Records that chose or considered a blip. */
export interface BlipRecords<R extends RecordOptions = DecisionRecord> {
  /** Records whose chosen option links the blip. */
  chose: R[];
  /** Records with a non-chosen option linking the blip. */
  considered: R[];
}

/** An option of a record with its resolved blip. */
export interface OptionBlip {
  option: Option;
  index: number;
  chosen: boolean;
  resolution: ReturnType<typeof resolveBlip>;
}

/** The options of a record that link a blip, resolved against the radars. Pure. */
export function optionBlips(set: RadarSet, record: RecordOptions): OptionBlip[] {
  return record.options.flatMap((option, index) =>
    option.blip ? [{ option, index, chosen: record.chosen !== undefined && record.chosen === option.id, resolution: resolveBlip(set, option.blip) }] : [],
  );
}

/**
 * Which records chose and which considered each blip, keyed by `radar-id/blip-id`. A record is
 * listed once per blip (under `chose` when any chosen option links it). Unresolved blips are
 * ignored (the `radar-unknown-blip` rule reports them). Pure.
 */
export function blipUsage<R extends RecordOptions>(set: RadarSet, records: readonly R[]): Map<string, BlipRecords<R>> {
  const usage = new Map<string, BlipRecords<R>>();
  for (const record of records) {
    const linked = new Map<string, boolean>();
    for (const o of optionBlips(set, record)) {
      if (!o.resolution.ok) continue;
      const key = (o.resolution as ResolvedBlip).ref;
      linked.set(key, (linked.get(key) ?? false) || o.chosen);
    }
    for (const [key, chose] of linked) {
      const entry: BlipRecords<R> = usage.get(key) ?? { chose: [], considered: [] };
      (chose ? entry.chose : entry.considered).push(record);
      usage.set(key, entry);
    }
  }
  return usage;
}
