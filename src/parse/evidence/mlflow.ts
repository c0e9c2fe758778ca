import { LineCounter, parseDocument } from 'yaml';
import { AdrkitError } from '../../model/errors.js';
import type { RunEvidence } from '../../model/evidence.js';

/** Options of {@link readMlflowRun}. */
export interface MlflowContext {
  file: string;
  /** Link to the run in the MLflow UI (the export carries none). */
  url?: string;
}

interface KeyValue {
  key?: unknown;
  value?: unknown;
}

/**
 * Reads an MLflow run exported as JSON: the response of the MLflow REST API `GET
 * /api/2.0/mlflow/runs/get` (`{ run: { info: { run_id, run_uuid?, experiment_id, run_name?, status,
 * start_time, end_time?, artifact_uri?, lifecycle_stage }, data: { metrics: [{ key, value, timestamp,
 * step }], params: [{ key, value }], tags: [{ key, value }] } } }`), or the bare `run` object.
 * runs/get returns the latest value per metric; should a file repeat a key, the entry with the
 * highest step (then timestamp) wins. Becomes a `run` evidence entry: `run_id` -> `id`,
 * `run_name` (or tag `mlflow.runName`) -> `name`, `experiment_id` -> `experiment`, the UTC day of
 * `start_time` (ms) -> `date`, metrics and params by key. Pure.
 *
 * @throws AdrkitError `parse` when the text is not JSON or not an MLflow run.
 */
export function readMlflowRun(text: string, ctx: MlflowContext): RunEvidence {
  const data = parseJson(text, ctx.file);
  const run = (data && typeof data === 'object' && 'run' in data ? (data as { run: unknown }).run : data) as Record<string, unknown> | undefined;
  const info = run?.info as Record<string, unknown> | undefined;
  const id = info && (typeof info.run_id === 'string' ? info.run_id : typeof info.run_uuid === 'string' ? info.run_uuid : undefined);
  if (!info || !id) {
    throw new AdrkitError('parse', 'not an MLflow run: expected `run.info.run_id` (the JSON of GET /api/2.0/mlflow/runs/get)', { file: ctx.file, hint: 'export with `curl "$MLFLOW_TRACKING_URI/api/2.0/mlflow/runs/get?run_id=<id>"` or MlflowClient().get_run(id).to_dictionary()' });
  }
  const body = (run!.data ?? {}) as Record<string, unknown>;
  const metrics: Record<string, number> = {};
  const seen = new Map<string, { step: number; timestamp: number }>();
  for (const m of list(body.metrics)) {
    const key = typeof m.key === 'string' ? m.key : undefined;
    const value = typeof m.value === 'number' ? m.value : typeof m.value === 'string' ? Number(m.value) : Number.NaN;
    if (!key || !Number.isFinite(value)) continue;
    const at = { step: num((m as Record<string, unknown>).step), timestamp: num((m as Record<string, unknown>).timestamp) };
    const prev = seen.get(key);
    if (prev && (prev.step > at.step || (prev.step === at.step && prev.timestamp > at.timestamp))) continue;
    seen.set(key, at);
    metrics[key] = value;
  }
  const params: Record<string, string> = {};
  for (const p of list(body.params)) if (typeof p.key === 'string' && typeof p.value === 'string') params[p.key] = p.value;
  const tags = new Map(list(body.tags).filter((t) => typeof t.key === 'string').map((t) => [t.key as string, t.value]));
  const name = typeof info.run_name === 'string' && info.run_name ? info.run_name : typeof tags.get('mlflow.runName') === 'string' ? (tags.get('mlflow.runName') as string) : undefined;
  const out: Record<string, unknown> = { kind: 'run', tracker: 'mlflow', id };
  if (ctx.url) out.url = ctx.url;
  if (name) out.name = name;
  if (typeof info.experiment_id === 'string' && info.experiment_id) out.experiment = info.experiment_id;
  out.metrics = sortKeys(metrics);
  if (Object.keys(params).length) out.params = sortKeys(params);
  const start = num(info.start_time);
  if (start > 0) out.date = new Date(start).toISOString().slice(0, 10);
  return out as RunEvidence;
}

function list(value: unknown): KeyValue[] {
  return Array.isArray(value) ? value.filter((x): x is KeyValue => typeof x === 'object' && x !== null) : [];
}

/** int64 fields arrive as numbers or (protobuf JSON) strings. */
function num(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `JSON.parse` with a position on failure: V8's messages carry none on Node 20, so the first error
 * the yaml parser (JSON schema) finds in the same text gives the line and column.
 * @throws AdrkitError `parse` (`file:line:col: not valid JSON: …`).
 */
export function parseJson(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const lineCounter = new LineCounter();
    const first = parseDocument(body, { schema: 'json', lineCounter, prettyErrors: false }).errors[0];
    const pos = first ? lineCounter.linePos(first.pos[0]) : undefined;
    const reason = first ? first.message.split('\n')[0] : (error as Error).message.split('\n')[0];
    throw new AdrkitError('parse', `not valid JSON: ${reason}`, { file, line: pos?.line, column: pos?.col });
  }
}
