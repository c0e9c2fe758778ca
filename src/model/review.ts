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
    url: z.string().optional().describe('link to the file (relative path, or absolute blob URL in GitHub Actions)'),
  })
  .strict();

/** A status transition of a record present in both snapshots. */
export const ReviewStatusChange = z
  .object({
    file: z.string(),
    number: z.number().int().nullable(),
    title: z.string(),
    from: StatusValue,
    to: StatusValue,
    fromText: z.string().nullable().describe('status as written in the base'),
    toText: z.string().nullable().describe('status as written in the head'),
  })
  .strict();

/** Options (native frontmatter) added, removed or chosen differently. */
export const ReviewOptionChange = z
  .object({
    file: z.string(),
    number: z.number().int().nullable(),
    title: z.string(),
    added: z.array(z.string()).describe('option ids added'),
    removed: z.array(z.string()).describe('option ids removed'),
    chosen: z.object({ from: z.string().nullable(), to: z.string().nullable() }).strict().optional().describe('present when the chosen option changed'),
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

/** A record added in the head whose number the base already uses for another record. */
export const ReviewCollision = z
  .object({
    file: z.string().describe('the added record (head)'),
    number: z.number().int(),
    baseFile: z.string().describe('the base record with the same number'),
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
        optionChanges: z.number().int(),
        holdLinks: z.number().int(),
        collisions: z.number().int(),
        errors: z.number().int().describe('lint errors on changed records'),
        warnings: z.number().int().describe('lint warnings on changed records'),
      })
      .strict(),
    ok: z.boolean().describe('false when there are collisions or lint errors (exit code 1)'),
    changes: z.array(ReviewRecordChange),
    statusChanges: z.array(ReviewStatusChange),
    optionChanges: z.array(ReviewOptionChange),
    evidenceChanges: z.array(ReviewEvidenceChange).describe('evidence added, removed or changed per option'),
    holdLinks: z.array(ReviewHoldLink),
    collisions: z.array(ReviewCollision),
    findings: z.array(ReviewFinding),
  })
  .strict();
export type ReviewReport = z.infer<typeof ReviewReport>;
export type ReviewRecordChange = z.infer<typeof ReviewRecordChange>;
export type ReviewStatusChange = z.infer<typeof ReviewStatusChange>;
export type ReviewOptionChange = z.infer<typeof ReviewOptionChange>;
export type ReviewHoldLink = z.infer<typeof ReviewHoldLink>;
export type ReviewCollision = z.infer<typeof ReviewCollision>;
export type ReviewFinding = z.infer<typeof ReviewFinding>;
