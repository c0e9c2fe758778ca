import { z } from 'zod';
import { RecordFormat, RecordRef } from './record.js';
import { Status } from './status.js';

/** A criterion as exported (as written in the record; unknown keys kept). */
export const ExportedCriterion = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  weight: z.number().optional(),
  description: z.string().optional(),
  metric: z.string().optional(),
  unit: z.string().optional(),
  direction: z.enum(['higher', 'lower']).optional(),
  max: z.number().optional(),
  min: z.number().optional(),
  derive: z.boolean().optional(),
});

/** An option as exported, with its weighted total when the record has a decision matrix. */
export const ExportedOption = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  blip: z.string().optional(),
  ring: z.string().optional(),
  links: z.array(z.string()).optional(),
  scores: z.record(z.string(), z.number()).optional(),
  evidence: z.array(z.looseObject({ kind: z.string() })).optional().describe('evidence entries as written (see decision-record.schema.json)'),
  total: z.number().optional().describe('Σ weight × score (written by adrkit export when any option is scored)'),
  measured: z.record(z.string(), z.number()).optional().describe('measured value per measurable criterion id (written by adrkit export)'),
  breaks: z.array(z.string()).optional().describe('ids of the criteria whose hard constraint the option breaks (written by adrkit export)'),
});

/** One decision record in `adrkit export --format json`. */
export const ExportedRecord = z
  .object({
    number: z.number().int().nullable(),
    slug: z.string(),
    path: z.string().describe('path relative to the working directory'),
    log: z.string().describe('the decision log the record belongs to: its folder relative to the working directory (`.` for the working directory itself), as `adrkit list` names it'),
    format: RecordFormat,
    title: z.string(),
    status: Status.nullable(),
    statusText: z.string().nullable().describe('status as written, before normalisation (markdown removed); null for an unfilled template placeholder'),
    statusPlaceholder: z.string().optional().describe('an unfilled template status as written (`Accepted or Rejected`, `{Proposed|Accepted}`, `TBD`): the record has no status'),
    date: z.string().nullable(),
    deciders: z.array(z.string()),
    tags: z.array(z.string()),
    supersedes: z.array(RecordRef),
    supersededBy: z.array(RecordRef),
    relatesTo: z.array(RecordRef),
    amends: z.array(RecordRef),
    criteria: z.array(ExportedCriterion),
    options: z.array(ExportedOption),
    chosen: z.string().nullable(),
    revisitBy: z.string().nullable(),
  })
  .strict();
export type ExportedRecord = z.infer<typeof ExportedRecord>;

/** Output of `adrkit export --format json`: the whole decision log as data. */
export const ExportedLog = z
  .object({
    $schema: z.string().optional(),
    generator: z.literal('adrkit'),
    version: z.literal(1).describe('version of this export format'),
    records: z.array(ExportedRecord),
  })
  .strict();
export type ExportedLog = z.infer<typeof ExportedLog>;
