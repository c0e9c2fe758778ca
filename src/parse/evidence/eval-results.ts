import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { AdrkitError } from '../../model/errors.js';
import type { BenchmarkEvidence } from '../../model/evidence.js';

/** What a Hugging Face `.eval_results` file does not say and the caller must. */
export interface EvalResultsContext {
  /** Metric name: the format carries none (the benchmark's `eval.yaml` task defines it). */
  metric: string;
  unit?: string;
  /** Split evaluated (not in the format). */
  split?: string;
  /** File name for error messages. */
  file: string;
}

/**
 * Reads a Hugging Face `.eval_results/*.yaml` file (Hub docs "Evaluation Results",
 * huggingface.co/docs/hub/eval-results): a YAML list of entries
 * `{ dataset: { id, task_id?, revision? }, value, date?, source?: { url, name?, user? }, notes?, verifyToken? }`
 * (`dataset.id` and `value` required). Each entry becomes a `benchmark` evidence entry:
 * `dataset.id` -> `dataset`, `task_id` -> `task`, `revision`, `value`, the day of `date`,
 * `source.url` -> `source`, `notes` (and `source.name`) -> `note`. `verifyToken` is not copied. Pure.
 *
 * @throws AdrkitError `parse` with the file position of the first malformed entry.
 */
export function readEvalResults(text: string, ctx: EvalResultsContext): BenchmarkEvidence[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const fail = (message: string, offset = 0, hint?: string): never => {
    const { line, col } = lineCounter.linePos(offset);
    throw new AdrkitError('parse', message, { file: ctx.file, line, column: col, hint: hint ?? 'see https://huggingface.co/docs/hub/eval-results for the format' });
  };
  if (doc.errors.length) fail(`not valid YAML: ${doc.errors[0].message.split('\n')[0]}`, doc.errors[0].pos[0]);
  if (!isSeq(doc.contents)) fail('a .eval_results file is a YAML list of results (`- dataset: {id: …}\\n  value: …`)', doc.contents?.range?.[0] ?? 0);
  const seq = doc.contents as Exclude<typeof doc.contents, null> & { items: unknown[] };
  if (seq.items.length === 0) fail('the .eval_results file has no results');
  return seq.items.map((node, i) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    if (!isMap(node)) fail(`result ${i + 1} is not a mapping`, offset);
    const entry = (node as { toJSON(): unknown }).toJSON() as Record<string, unknown>;
    const dataset = entry.dataset as Record<string, unknown> | undefined;
    if (!dataset || typeof dataset !== 'object' || typeof dataset.id !== 'string' || !dataset.id) fail(`result ${i + 1}: \`dataset.id\` (the Hub dataset id) is required`, offset);
    const value = typeof entry.value === 'string' && entry.value.trim() !== '' && Number.isFinite(Number(entry.value)) ? Number(entry.value) : entry.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`result ${i + 1}: \`value\` must be a number`, offset);
    const source = entry.source as Record<string, unknown> | undefined;
    const date = dayOf(entry.date);
    const notes = [typeof entry.notes === 'string' ? entry.notes : undefined, source && typeof source.name === 'string' ? `source: ${source.name}` : undefined].filter(Boolean).join('; ');
    const out: Record<string, unknown> = { kind: 'benchmark', dataset: dataset!.id as string };
    if (typeof dataset!.task_id === 'string' && dataset!.task_id) out.task = dataset!.task_id;
    if (ctx.split) out.split = ctx.split;
    if (typeof dataset!.revision === 'string' && dataset!.revision) out.revision = dataset!.revision;
    out.metric = ctx.metric;
    out.value = value as number;
    if (ctx.unit) out.unit = ctx.unit;
    if (source && typeof source.url === 'string' && source.url) out.source = source.url;
    if (date) out.date = date;
    if (notes) out.note = notes;
    return out as BenchmarkEvidence;
  });
}

/** `YYYY-MM-DD` of an ISO-8601 date or datetime (YAML may have parsed it as a Date). */
function dayOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return undefined;
}
