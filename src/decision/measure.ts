import type { Direction, Evidence } from '../model/evidence.js';
import type { Criterion, Option } from '../model/record.js';

/** An option's measured value for a measurable criterion, and where it came from. */
export interface Measured {
  value: number;
  /** Unit from the evidence (benchmark `unit`), else the criterion's. */
  unit: string | undefined;
  /** Index of the evidence entry in `option.evidence`. */
  evidenceIndex: number;
  /** Key path of the value (`evidence[1].value`, `evidence[0].metrics.latency_p95_ms`), relative to the option. */
  path: string;
}

/** A hard constraint an option's measured value breaks. */
export interface ConstraintBreak {
  criterion: string;
  bound: 'max' | 'min';
  limit: number;
  value: number;
  unit: string | undefined;
}

/** True when the criterion names a metric: options' evidence can be measured against it. */
export function isMeasurable(criterion: Criterion): boolean {
  return typeof criterion?.metric === 'string' && criterion.metric.length > 0;
}

/** The criterion's direction (`higher` when not written). */
export function directionOf(criterion: Criterion): Direction {
  return criterion.direction === 'lower' ? 'lower' : 'higher';
}

const isEntry = (e: unknown): e is Evidence => typeof e === 'object' && e !== null && typeof (e as { kind?: unknown }).kind === 'string';

/**
 * The measured value of an option for a measurable criterion: the first `benchmark` entry whose
 * `metric` is the criterion's metric, else the first `run` whose `metrics` has that key. Pure;
 * tolerant of malformed entries (they are skipped, `evidence-malformed` reports them).
 *
 * @returns undefined when the criterion is not measurable or no evidence reports its metric.
 */
export function measuredValue(option: Option, criterion: Criterion): Measured | undefined {
  if (!isMeasurable(criterion) || !Array.isArray(option?.evidence)) return undefined;
  const metric = criterion.metric!;
  const entries = option.evidence as unknown[];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (isEntry(e) && e.kind === 'benchmark' && e.metric === metric && typeof e.value === 'number' && Number.isFinite(e.value)) {
      return { value: e.value, unit: e.unit ?? criterion.unit, evidenceIndex: i, path: `evidence[${i}].value` };
    }
  }
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (isEntry(e) && e.kind === 'run' && e.metrics && typeof e.metrics === 'object') {
      const v = (e.metrics as Record<string, unknown>)[metric];
      if (typeof v === 'number' && Number.isFinite(v)) return { value: v, unit: criterion.unit, evidenceIndex: i, path: `evidence[${i}].metrics.${metric}` };
    }
  }
  return undefined;
}

/** The hard constraints (`max`, `min`) of a criterion a measured value breaks; none without a value. */
export function constraintBreaks(criterion: Criterion, measured: Measured | undefined): ConstraintBreak[] {
  if (!measured) return [];
  const out: ConstraintBreak[] = [];
  if (typeof criterion.max === 'number' && measured.value > criterion.max) out.push({ criterion: criterion.id, bound: 'max', limit: criterion.max, value: measured.value, unit: measured.unit });
  if (typeof criterion.min === 'number' && measured.value < criterion.min) out.push({ criterion: criterion.id, bound: 'min', limit: criterion.min, value: measured.value, unit: measured.unit });
  return out;
}

/** `latency ≤ 50 ms` / `recall ≥ 0.8`: a constraint as text. */
export function constraintText(criterion: Criterion): string | undefined {
  const unit = criterion.unit ? ` ${criterion.unit}` : '';
  const parts: string[] = [];
  if (typeof criterion.min === 'number') parts.push(`≥ ${criterion.min}${unit}`);
  if (typeof criterion.max === 'number') parts.push(`≤ ${criterion.max}${unit}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** A break as text: `412 ms > max 50 ms`. */
export function breakText(b: ConstraintBreak): string {
  const unit = b.unit ? ` ${b.unit}` : '';
  return `${b.value}${unit} ${b.bound === 'max' ? '>' : '<'} ${b.bound} ${b.limit}${unit}`;
}

/**
 * Scores derived from measured values by min-max normalisation to the 1–5 scale:
 * `higher` is better: 1 + 4 × (v − min) / (max − min); `lower` is better: 1 + 4 × (max − v) / (max − min);
 * min and max over the options that have a value (hard-constraint breakers included). When every
 * value is equal, each scores 3. Options without a value get `undefined`. Rounded to 2 decimals.
 */
export function deriveScores(values: Array<number | undefined>, direction: Direction): Array<number | undefined> {
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length === 0) return values.map(() => undefined);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values.map((v) => {
    if (v === undefined) return undefined;
    if (hi === lo) return 3;
    const t = direction === 'higher' ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo);
    return Math.round((1 + 4 * t) * 100) / 100;
  });
}
