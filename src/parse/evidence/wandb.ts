import { AdrkitError } from '../../model/errors.js';
import type { RunEvidence } from '../../model/evidence.js';
import { parseJson, sortKeys } from './mlflow.js';

/** Options of {@link readWandbSummary}. */
export interface WandbContext {
  file: string;
  /** Run id; default: from the run folder name (`run-20261105_101500-<id>/files/wandb-summary.json`). */
  runId?: string;
  /** Link to the run (`https://wandb.ai/<entity>/<project>/runs/<id>`). */
  url?: string;
}

const RUN_DIR = /(?:^|[\\/])(?:offline-)?run-(\d{4})(\d{2})(\d{2})_\d{6}-([a-z0-9]+)(?:[\\/]|$)/i;

/**
 * Reads a Weights & Biases run summary, `wandb-summary.json` (written by the wandb client in the
 * run's `files/` folder: the latest value of each logged key, `run.summary`). Numeric values
 * become `metrics`; nested groups are flattened with `/` like W&B's own `train/loss` keys; keys
 * starting with `_` (`_runtime`, `_step`, `_timestamp`, `_wandb`) and media or table objects
 * (`{ _type: … }`) are skipped. The run id comes from `runId` or the run folder name, the date from
 * `_timestamp` (seconds) or the folder name. Pure.
 *
 * @throws AdrkitError `parse` when the text is not a JSON object, has no numeric metric, or the run id is unknown.
 */
export function readWandbSummary(text: string, ctx: WandbContext): RunEvidence {
  const data = parseJson(text, ctx.file);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new AdrkitError('parse', 'not a W&B run summary: expected a JSON object (wandb-summary.json)', { file: ctx.file });
  const summary = data as Record<string, unknown>;
  const metrics: Record<string, number> = {};
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('_')) continue;
      if (typeof value === 'number' && Number.isFinite(value)) metrics[prefix + key] = value;
      else if (value && typeof value === 'object' && !Array.isArray(value) && !('_type' in value)) walk(value as Record<string, unknown>, `${prefix}${key}/`);
    }
  };
  walk(summary, '');
  if (Object.keys(metrics).length === 0) throw new AdrkitError('parse', 'the W&B run summary has no numeric metric', { file: ctx.file });
  const dir = RUN_DIR.exec(ctx.file);
  const id = ctx.runId ?? dir?.[4];
  if (!id) throw new AdrkitError('usage', 'wandb-summary.json does not name its run', { file: ctx.file, hint: 'pass --run-id <id> (the id in the run URL), or read the file from its run folder run-<date>_<time>-<id>/files/' });
  const out: Record<string, unknown> = { kind: 'run', tracker: 'wandb', id };
  if (ctx.url) out.url = ctx.url;
  out.metrics = sortKeys(metrics);
  const ts = typeof summary._timestamp === 'number' ? summary._timestamp : undefined;
  if (ts !== undefined && ts > 0) out.date = new Date(ts * 1000).toISOString().slice(0, 10);
  else if (dir) out.date = `${dir[1]}-${dir[2]}-${dir[3]}`;
  return out as RunEvidence;
}
