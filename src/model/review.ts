import { z } from 'zod';
import { ReviewEvidenceChange } from './review-evidence.js';

const StatusValue = z.string().nullable().describe('normalised status (proposed, accepted, …), null when the record has none or it is unknown');

/** One record added, edited, removed or renamed between the base and the head. */
export const ReviewRecordChange = z
  .object({
    kind: z.enum(['added', 'edited', 'removed', 'renamed']),
    file: z.string().describe('path in the head (in the base for removed records), relative to the log folder'),
    previousFile: z.string().optional().describe('path in the base, for renamed records'),
    number: z.number().int().nullable(),
    title: z.string(),
    status: StatusValue,
    url: z.string().optional().describe('link to the file, percent-encoded (relative path, or absolute blob URL in GitHub Actions)'),
  })
  .strict();

const Transition = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value }).strict();
const Added = z.array(z.string());

/** A status transition of a record present in both snapshots. */
export const ReviewStatusChange = z
  .object({
    from: StatusValue,
    to: StatusValue,
    fromText: z.string().nullable().describe('status as written in the base'),
    toText: z.string().nullable().describe('status as written in the head'),
  })
  .strict();

/** A criterion of the decision matrix as the review reports it. */
const ReviewCriterion = z.object({ id: z.string(), name: z.string(), weight: z.number().describe('weight in the matrix (1 when the record gives none)') }).strict();

/** The weighted decision matrix on one side of the review (see `scoreMatrix`). */
export const ReviewMatrixSide = z
  .object({
    criteria: z.array(ReviewCriterion),
    totals: z.record(z.string(), z.number()).describe('option id -> Σ weight × score (missing scores count 0)'),
    best: z.array(z.string()).describe('option ids with the highest total (ties keep all); empty when nothing is scored'),
    chosen: z.string().nullable(),
  })
  .strict();

/** How the weighted decision matrix of a record changed. */
export const ReviewMatrixDelta = z
  .object({
    before: ReviewMatrixSide.nullable().describe('null when the base record has no scored matrix'),
    after: ReviewMatrixSide.nullable().describe('null when the head record has no scored matrix'),
    scores: z
      .array(z.object({ option: z.string(), criterion: z.string(), from: z.number().nullable(), to: z.number().nullable() }).strict())
      .describe('scores added, removed or changed (null: no score)'),
    totals: z.array(z.object({ option: z.string(), from: z.number().nullable(), to: z.number().nullable() }).strict()).describe('weighted totals that changed (null: option absent or nothing scored)'),
    bestChanged: z.boolean().describe('the set of best options differs'),
  })
  .strict();

/** An option's blip whose radar ring differs from the ring the decision saw. */
export const ReviewRingChange = z
  .object({
    option: z.string(),
    blip: z.string(),
    from: z.string().describe('ring when the decision was made: the option\'s stored `ring`, else the edition in force at the record date'),
    to: z.string().describe('ring in the newest radar edition'),
  })
  .strict();

/** The semantic decision diff of one record present in both snapshots (edited or renamed). */
export const ReviewDecisionDiff = z
  .object({
    file: z.string().describe('path in the head, relative to the log folder'),
    number: z.number().int().nullable(),
    title: z.string(),
    status: ReviewStatusChange.optional().describe('present when the status changed'),
    options: z.object({ added: Added, removed: Added, renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() }).strict()) }).strict().describe('option ids added or removed; option names changed'),
    chosen: Transition(z.string().nullable()).optional().describe('present when the chosen option changed'),
    criteria: z
      .object({ added: Added, removed: Added, reweighted: z.array(z.object({ id: z.string(), from: z.number(), to: z.number() }).strict()) })
      .strict()
      .describe('criterion ids added or removed; weights changed'),
    matrix: ReviewMatrixDelta.optional().describe('present when a score, weight, criterion or option of a scored matrix changed'),
    rings: z.array(ReviewRingChange).describe('blip rings that moved since the decision (with configured radars)'),
    supersedes: z.object({ added: Added, removed: Added }).strict(),
    supersededBy: z.object({ added: Added, removed: Added }).strict(),
    revisitBy: Transition(z.string().nullable()).optional().describe('present when `revisit-by` moved'),
  })
  .strict();

/** An accepted or proposed decision whose `applies-to` globs match files the range changes outside the log. */
export const ReviewGoverning = z
  .object({
    file: z.string().describe('record path relative to the log folder'),
    number: z.number().int().nullable(),
    title: z.string(),
    status: StatusValue,
    chosen: z.object({ id: z.string(), name: z.string() }).strict().nullable().describe('the chosen option, when the record names one'),
    patterns: z.array(z.string()).describe('the `applies-to` globs that matched'),
    files: z.array(z.string()).describe('changed files matched, relative to the working directory'),
    url: z.string().optional(),
  })
  .strict();

/** An option newly linked to a radar blip in the HOLD ring. */
export const ReviewHoldLink = z
  .object({
    file: z.string(),
    number: z.number().int().nullable(),
    option: z.string().describe('option id'),
    blip: z.string(),
    blipName: z.string().optional(),
    chosen: z.boolean().describe('the option is the chosen one'),
  })
  .strict();

/**
 * A record added (or renumbered) in the head whose number another record uses once the branch is
 * merged: a distinct record with the same number at head, or one the base branch added since the merge base.
 */
export const ReviewCollision = z
  .object({
    file: z.string().describe('the added record (head)'),
    number: z.number().int(),
    otherFile: z.string().describe('the other record with the same number'),
    otherIn: z.enum(['head', 'base']).describe('`head`: two records share the number at head; `base`: the base branch added it since the merge base'),
    suggestedNumber: z.number().int().describe('next number free in base and head'),
    suggestedFile: z.string(),
    command: z.string().describe('the command that applies the renumbering'),
  })
  .strict();

/** A lint finding on a changed record. */
export const ReviewFinding = z
  .object({
    ruleId: z.string(),
    severity: z.enum(['error', 'warn', 'info']),
    file: z.string().describe('path relative to the working directory'),
    line: z.number().int(),
    column: z.number().int(),
    message: z.string(),
  })
  .strict();

/**
 * Result of `adrkit review --format json`: what a pull request changes in a decision log.
 * See `schema/review.schema.json`.
 */
export const ReviewReport = z
  .object({
    version: z.literal(1),
    dir: z.string().describe('log folder relative to the working directory'),
    base: z.object({ ref: z.string(), commit: z.string() }).strict().describe('the base branch tip; collisions are numbers it already uses'),
    mergeBase: z.string().describe('commit where head branched from base; changes are counted from it, like a pull request diff'),
    head: z.object({ ref: z.string(), commit: z.string().nullable().describe('null for the working tree') }).strict(),
    summary: z
      .object({
        added: z.number().int(),
        edited: z.number().int(),
        removed: z.number().int(),
        renamed: z.number().int(),
        statusChanges: z.number().int(),
        optionChanges: z.number().int().describe('records whose options or chosen option changed'),
        matrixChanges: z.number().int().describe('records whose weighted decision matrix changed'),
        governing: z.number().int().describe('decisions governing the changed files'),
        holdLinks: z.number().int(),
        collisions: z.number().int(),
        errors: z.number().int().describe('lint errors on changed records'),
        warnings: z.number().int().describe('lint warnings on changed records'),
      })
      .strict(),
    ok: z.boolean().describe('false when there are collisions or lint errors (exit code 1)'),
    changes: z.array(ReviewRecordChange),
    decisions: z.array(ReviewDecisionDiff).describe('semantic diff of every edited or renamed record whose decision changed'),
    governing: z.array(ReviewGoverning),
    evidenceChanges: z.array(ReviewEvidenceChange).describe('evidence added, removed or changed per option'),
    holdLinks: z.array(ReviewHoldLink),
    collisions: z.array(ReviewCollision),
    findings: z.array(ReviewFinding),
  })
  .strict();
export type ReviewReport = z.infer<typeof ReviewReport>;
export type ReviewRecordChange = z.infer<typeof ReviewRecordChange>;
export type ReviewStatusChange = z.infer<typeof ReviewStatusChange>;
export type ReviewDecisionDiff = z.infer<typeof ReviewDecisionDiff>;
export type ReviewMatrixSide = z.infer<typeof ReviewMatrixSide>;
export type ReviewMatrixDelta = z.infer<typeof ReviewMatrixDelta>;
export type ReviewRingChange = z.infer<typeof ReviewRingChange>;
export type ReviewGoverning = z.infer<typeof ReviewGoverning>;
export type ReviewHoldLink = z.infer<typeof ReviewHoldLink>;
export type ReviewCollision = z.infer<typeof ReviewCollision>;
export type ReviewFinding = z.infer<typeof ReviewFinding>;
