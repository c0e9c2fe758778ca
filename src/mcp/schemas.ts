/**
 * Zod output schemas of the MCP tools: the JSON shapes adrkit's library returns, declared so
 * clients can validate `structuredContent`. They describe library types (`RecordSummary`,
 * `StaleRow`, `MatrixData`, `LintFinding`, `ReviewReport`), not a second model.
 */
import { z } from 'zod';
import { STATUSES } from '../model/status.js';
import { Criterion, RecordFormat } from '../model/record.js';

export const StatusSchema = z.enum(STATUSES);

export const RecordSummarySchema = z.object({
  number: z.number().nullable(),
  title: z.string(),
  status: StatusSchema.nullable().describe('normalised status; null when not recognised'),
  statusText: z.string().nullable().describe('status as written'),
  date: z.string().nullable(),
  format: RecordFormat,
  path: z.string().describe('file path relative to the project directory'),
  log: z.string().describe('the decision log (folder) the record belongs to; `.` for the only log'),
});

export const ListRecordsOutput = z.object({
  total: z.number().describe('records in the log'),
  records: z.array(RecordSummarySchema).describe('records matching every filter, in log order'),
});

const RelatedRecord = z.object({ number: z.number().nullable(), title: z.string(), path: z.string() });

export const MatrixOutput = z.object({
  record: z.string(),
  criteria: z.array(Criterion.extend({ weight: z.number(), derived: z.boolean().describe('scores computed from measured values (min-max to 1–5)') })),
  options: z.array(z.object({
    id: z.string(),
    name: z.string(),
    scores: z.record(z.string(), z.number()),
    measured: z.record(z.string(), z.object({ value: z.number(), unit: z.string().nullable(), path: z.string().describe('front-matter key path of the value') })).describe('measured values per criterion id, from the option\'s evidence'),
    breaks: z.array(z.object({ criterion: z.string(), bound: z.enum(['max', 'min']), limit: z.number(), value: z.number(), unit: z.string().optional() })).describe('hard constraints the option breaks'),
    total: z.number(),
    best: z.boolean(),
    chosen: z.boolean(),
  })),
});

export const RecordDetailOutput = RecordSummarySchema.extend({
  slug: z.string(),
  deciders: z.array(z.string()),
  tags: z.array(z.string()),
  chosen: z.string().nullable().describe('id of the chosen option'),
  revisitBy: z.string().nullable(),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number().optional(), description: z.string().optional() })),
  options: z.array(z.object({ id: z.string(), name: z.string(), blip: z.string().optional(), ring: z.string().optional(), chosen: z.boolean() })),
  appliesTo: z.array(z.string()).describe('`applies-to` globs: the paths the decision governs'),
  sections: z.array(z.object({ heading: z.string(), depth: z.number(), line: z.number(), text: z.string() })),
  matrix: MatrixOutput.nullable(),
  statusHistory: z.array(z.object({ status: StatusSchema, statusText: z.string(), date: z.string(), hash: z.string() })).describe('status changes seen in git history, oldest first'),
  declaredStatusHistory: z.array(z.object({ status: z.string(), date: z.string() })).describe('`status-history` as written in the frontmatter'),
  relations: z.object({
    supersedes: z.array(RelatedRecord),
    supersededBy: z.array(RelatedRecord),
    relatesTo: z.array(RelatedRecord),
    amends: z.array(RelatedRecord),
    amendedBy: z.array(RelatedRecord),
  }).describe('both directions resolved: "A supersedes B" also shows on B'),
});

export const SearchOutput = z.object({
  query: z.string(),
  hits: z.array(RecordSummarySchema.extend({ score: z.number(), terms: z.array(z.string()) })),
});

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warn', 'info']),
  file: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number().optional(),
  endColumn: z.number().optional(),
  message: z.string(),
  path: z.string().optional().describe('key path in the frontmatter, e.g. options[2].blip'),
  fixable: z.boolean().optional(),
});

export const LintOutput = z.object({
  fileCount: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
  findings: z.array(FindingSchema),
});

export const StaleOutput = z.object({
  today: z.string(),
  stale: z.array(z.object({
    number: z.number().nullable(),
    title: z.string(),
    path: z.string(),
    acceptedOn: z.string().nullable(),
    due: z.string(),
    source: z.enum(['revisit-by', 'interval', 'ring-moved']),
    daysOverdue: z.number().nullable(),
    moves: z.array(z.string()).optional(),
  })),
});

export const BlipOutput = z.object({
  ref: z.string().describe('radar-id/blip-id'),
  radar: z.object({ id: z.string(), name: z.string() }),
  blip: z.object({ id: z.string(), name: z.string(), quadrant: z.string(), summary: z.string().optional() }),
  ring: z.object({ id: z.string(), name: z.string(), stance: z.enum(['adopt', 'trial', 'assess', 'hold']) }).nullable().describe('ring in the newest edition; null when dropped'),
  current: z.boolean().describe('false when the blip was dropped from the newest edition'),
  ringHistory: z.array(z.object({ date: z.string().nullable(), ring: z.string().nullable() })),
  chose: z.array(RecordSummarySchema).describe('decisions whose chosen option links the blip'),
  considered: z.array(RecordSummarySchema).describe('decisions with another option linking the blip'),
});

export const GoverningOutput = z.object({
  paths: z.array(z.string()),
  decisions: z.array(RecordSummarySchema.extend({ appliesTo: z.array(z.string()), governs: z.array(z.string()).describe('the given paths it governs') })),
});

export const WriteOutput = z.object({
  applied: z.boolean().describe('true when the files were written (confirm: true)'),
  summary: z.string(),
  files: z.array(z.string()).describe('files the change writes, relative to the project directory'),
  diff: z.string().describe('unified diff of the change (what was, or would be, written)'),
});
