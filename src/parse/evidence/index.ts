import { AdrkitError } from '../../model/errors.js';
import type { Evidence } from '../../model/evidence.js';
import { readEvalResults } from './eval-results.js';
import { readMlflowRun } from './mlflow.js';
import { readWandbSummary } from './wandb.js';

/** File formats `adrkit evidence add --from` reads. */
export const EVIDENCE_FILE_FORMATS = ['eval-results', 'mlflow', 'wandb'] as const;
export type EvidenceFileFormat = (typeof EVIDENCE_FILE_FORMATS)[number];

/** What the caller adds to what the file says. */
export interface EvidenceFileOptions {
  /** Name of the file (for messages and run folder names). */
  file: string;
  format?: EvidenceFileFormat;
  /** `.eval_results`: the metric name (required: the format carries none). */
  metric?: string;
  unit?: string;
  split?: string;
  /** Run URL (MLflow, W&B). */
  url?: string;
  /** W&B run id, when not in the run folder name. */
  runId?: string;
}

/**
 * The format of an evidence file: `.yaml`/`.yml` (or a YAML list) is a Hugging Face
 * `.eval_results` file; JSON with `run.info` (or `info.run_id`) an MLflow run; other JSON objects
 * a W&B `wandb-summary.json`. Pure.
 */
export function detectEvidenceFormat(file: string, text: string): EvidenceFileFormat {
  if (/\.ya?ml$/i.test(file) || /^\s*-\s/.test(text)) return 'eval-results';
  if (/"run"\s*:\s*\{[\s\S]*"info"\s*:/.test(text) || /^\s*\{\s*"info"\s*:/.test(text)) return 'mlflow';
  return 'wandb';
}

/**
 * Reads evidence entries from a file's text (offline: the file is the whole input). Pure.
 * @throws AdrkitError `usage` when a `.eval_results` file is read without `metric`; `parse` for malformed files.
 */
export function readEvidenceFile(text: string, options: EvidenceFileOptions): { format: EvidenceFileFormat; entries: Evidence[] } {
  const format = options.format ?? detectEvidenceFormat(options.file, text);
  switch (format) {
    case 'eval-results': {
      if (!options.metric) {
        throw new AdrkitError('usage', `${options.file} is a Hugging Face .eval_results file, which names no metric (the benchmark's eval.yaml does)`, { hint: 'pass --metric <name> (the `metric` of the criterion it measures), and --unit / --split if known' });
      }
      return { format, entries: readEvalResults(text, { file: options.file, metric: options.metric, unit: options.unit, split: options.split }) };
    }
    case 'mlflow':
      return { format, entries: [readMlflowRun(text, { file: options.file, url: options.url })] };
    case 'wandb':
      return { format, entries: [readWandbSummary(text, { file: options.file, url: options.url, runId: options.runId })] };
  }
}
