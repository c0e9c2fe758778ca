import { z } from 'zod';

/**
 * Evidence on an option of an Algorithm Decision Record (see adr/0010): the numbers and sources a
 * decision is argued from. A discriminated union on `kind`; every kind has its own required
 * fields. The shapes below are the single implementation of the identifier checks: the JSON
 * Schema (editors), the `evidence-malformed` lint rule and `adrkit evidence add` all use them.
 */

/**
 * arXiv identifier: new style `YYMM.NNNNN` (4 or 5 digits after the dot, since 2015) or old style
 * `archive(.SUBJ)/YYMMNNN`, with an optional version `vN`. Source: arXiv "Understanding the arXiv
 * identifier" (info.arxiv.org/help/arxiv_identifier.html).
 */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/** DOI name `10.<registrant>/<suffix>` (DOI Handbook 2.2; bare, without `https://doi.org/`). */
export const DOI = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;

/**
 * Hugging Face repository id `name` or `namespace/name`: letters, digits, `-`, `_`, `.`; no `--`
 * or `..`; not starting or ending with `-` or `.`; the name at most 96 characters (rules of
 * `huggingface_hub.utils.validate_repo_id`).
 */
export const HF_REPO_ID = /^(?:(?![-.])(?!.*(?:--|\.\.))[\w.-]{1,96}(?<![-.])\/)?(?![-.])(?!.*(?:--|\.\.))[\w.-]{1,96}(?<![-.])$/;

/** Absolute `http(s)` URL with a host. */
export const HTTP_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$|^https?:\/\/localhost(?::\d+)?(?:[/?#]\S*)?$/;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const Url = z.string().regex(HTTP_URL, 'expected an absolute http(s) URL');
const Common = {
  date: IsoDay.optional().describe('day the evidence was produced or published (YYYY-MM-DD); lint `evidence-stale` compares it with today'),
  note: z.string().optional(),
};

/** A benchmark result: one metric value on one dataset (a Hugging Face `.eval_results` entry fits). */
export const BenchmarkEvidence = z
  .object({
    kind: z.literal('benchmark'),
    dataset: z.string().min(1).describe('dataset id, e.g. a Hugging Face dataset repo id `mteb/scifact`'),
    task: z.string().optional().describe('task or subset of the dataset (`.eval_results` `task_id`)'),
    split: z.string().optional().describe('split evaluated, e.g. `test`'),
    revision: z.string().optional().describe('dataset revision (commit hash or tag)'),
    metric: z.string().min(1).describe('metric name; a criterion with the same `metric` reads this value'),
    value: z.number().describe('metric value, in `unit`'),
    unit: z.string().optional().describe('unit of `value`, e.g. `ms`, `%`'),
    source: Url.optional().describe('where the result is published (model card, leaderboard, traces)'),
    ...Common,
  })
  .strict();

/** An experiment run in a tracker (MLflow, Weights & Biases, DVC, …) with its metrics. */
export const RunEvidence = z
  .object({
    kind: z.literal('run'),
    tracker: z.enum(['mlflow', 'wandb', 'dvc', 'other']),
    id: z.string().min(1).describe('run id in the tracker'),
    url: Url.optional().describe('link to the run in the tracker UI'),
    name: z.string().optional().describe('run name'),
    experiment: z.string().optional().describe('experiment or project id'),
    metrics: z.record(z.string(), z.number()).describe('metric name -> value (last value of the run)'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    ...Common,
  })
  .strict();

/** A paper: at least one of `arxiv`, `doi`, `url`, and its title. */
export const PaperEvidence = z
  .object({
    kind: z.literal('paper'),
    title: z.string().min(1),
    arxiv: z.string().regex(ARXIV_ID, 'expected an arXiv id like 2212.03533 or hep-th/9901001 (without the `arXiv:` prefix)').optional(),
    doi: z.string().regex(DOI, 'expected a DOI like 10.18653/v1/2023.eacl-main.148 (without https://doi.org/)').optional(),
    url: Url.optional(),
    ...Common,
  })
  .strict()
  .refine((p) => p.arxiv !== undefined || p.doi !== undefined || p.url !== undefined, { message: 'a paper needs one of `arxiv`, `doi` or `url`', path: ['arxiv'] });

/** A dataset the decision relies on. */
export const DatasetEvidence = z
  .object({
    kind: z.literal('dataset'),
    id: z.string().min(1).describe('dataset id, e.g. a Hugging Face dataset repo id'),
    revision: z.string().optional(),
    size: z.union([z.number().nonnegative(), z.string().min(1)]).optional().describe('rows (number) or a size with its unit, e.g. `1.2M pairs`'),
    licence: z.string().optional().describe('SPDX id where one exists, e.g. `cc-by-4.0`'),
    url: Url.optional(),
    ...Common,
  })
  .strict();

/** A model (a Hugging Face model repo, a vendor model) an option is. */
export const ModelEvidence = z
  .object({
    kind: z.literal('model'),
    id: z.string().min(1).describe('model id, e.g. a Hugging Face repo id `BAAI/bge-small-en-v1.5`'),
    revision: z.string().optional(),
    licence: z.string().optional().describe('SPDX id where one exists, e.g. `mit`, `apache-2.0`'),
    parameters: z.union([z.number().int().positive(), z.string().min(1)]).optional().describe('parameter count (number) or with a suffix, e.g. `33M`'),
    url: Url.optional(),
    ...Common,
  })
  .strict();

/** Anything else: a URL and what it shows. */
export const LinkEvidence = z
  .object({
    kind: z.literal('link'),
    url: Url,
    note: z.string().min(1).describe('what the link shows'),
    date: Common.date,
  })
  .strict();

/** One evidence entry of an option (`options[].evidence[]`). */
export const Evidence = z.discriminatedUnion('kind', [BenchmarkEvidence, RunEvidence, PaperEvidence, DatasetEvidence, ModelEvidence, LinkEvidence]);
export type Evidence = z.infer<typeof Evidence>;
export type BenchmarkEvidence = z.infer<typeof BenchmarkEvidence>;
export type RunEvidence = z.infer<typeof RunEvidence>;
export type PaperEvidence = z.infer<typeof PaperEvidence>;
export type DatasetEvidence = z.infer<typeof DatasetEvidence>;
export type ModelEvidence = z.infer<typeof ModelEvidence>;
export type LinkEvidence = z.infer<typeof LinkEvidence>;

/** Evidence kinds, in documentation order. */
export const EVIDENCE_KINDS = ['benchmark', 'run', 'paper', 'dataset', 'model', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Direction of a measurable criterion: which end of the metric is better. */
export const Direction = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof Direction>;
