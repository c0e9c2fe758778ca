import { relative } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { IsoDate, type Criterion } from '../model/record.js';
import { unifiedDiff } from '../util/diff.js';
import { LINK_RELATIONS } from '../edit/relations.js';
import { applyEdit, editDiff, planLink, planStatus, planSupersede, type PlannedEdit } from '../workspace/edits.js';
import { toPosix } from '../workspace/read-log.js';
import { toolHandler } from './errors.js';
import { StatusSchema, WriteOutput } from './schemas.js';
import type { McpSession } from './session.js';

const Confirm = z.boolean().optional().describe('false or absent: only return the diff (nothing is written); true: write the files');
const RecordArg = z.string().min(1).describe('record number (`7`, `0007`, `ADR-0007`), slug or file name');
const DateArg = IsoDate.optional().describe('day of the change, YYYY-MM-DD (default: today)');
/** Edits of existing records: they change files in place (reversible with git, but not additive). */
const EDITS_RECORDS = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false } as const;

type WriteResult = z.infer<typeof WriteOutput>;

const previewNote = (summary: string) => `preview, nothing written: ${summary} (call again with confirm: true to write it)`;

/** Preview (the diff) or apply a planned edit. */
function preview(session: McpSession, edit: PlannedEdit, confirm: boolean | undefined): WriteResult {
  const diff = editDiff(edit, session.cwd);
  const files = edit.writes.map((w) => toPosix(relative(session.cwd, w.path)));
  if (edit.writes.length === 0) return { applied: false, summary: edit.summary, files, diff };
  if (!confirm) return { applied: false, summary: previewNote(edit.summary), files, diff };
  try {
    applyEdit(edit);
  } finally {
    session.invalidate();
  }
  return { applied: true, summary: edit.summary, files, diff };
}

const text = (r: WriteResult) => `${r.summary}\n${r.diff}`;

/** Turns a criterion argument (`quality:3`, `Latency`, or an object) into a criterion, as `adrkit new --criterion` does. */
async function criterionOf(arg: string | { name: string; weight?: number; description?: string }): Promise<Criterion> {
  // The CLI's parser, loaded on use (its module also holds the terminal prompts).
  const { parseCriterionSpec } = await import('../scaffold/new-input.js');
  if (typeof arg === 'string') return parseCriterionSpec(arg);
  const criterion = parseCriterionSpec(arg.name);
  if (arg.weight !== undefined) criterion.weight = arg.weight;
  if (arg.description !== undefined) criterion.description = arg.description;
  return criterion;
}

/** Registers the write tools: new record, set status, supersede, link. Each previews unless `confirm: true`. */
export function registerWriteTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'new_record',
    {
      title: 'New decision record',
      description: 'Create the next decision record from a template (algorithm: an Algorithm Decision Record with criteria and ≥3 options linked to radar blips; madr; nygard). Without confirm it returns the file it would create as a diff; with confirm: true it creates it (never overwrites; takes the next free number).',
      inputSchema: z.object({
        title: z.string().min(1).describe('the decision, e.g. "Choose an embedding model for product search"'),
        template: z.string().optional().describe('record template: algorithm, madr or nygard (default: the configured one, else algorithm)'),
        status: StatusSchema.optional().describe('initial status (default proposed)'),
        date: DateArg,
        criteria: z.array(z.union([
          z.string().describe('a default criterion id (quality, implementation, hardware, data, cost) or a name, optionally `:weight`'),
          z.object({ name: z.string().min(1), weight: z.number().nonnegative().optional(), description: z.string().optional() }),
        ])).optional().describe('decision criteria (default: the template\'s: quality, reliable implementation, hardware, data, cost)'),
        options: z.array(z.object({
          name: z.string().min(1).describe('option name, e.g. "DINOv2"'),
          blip: z.string().optional().describe('technology-radar blip it links (`blip-id` or `radar-id/blip-id`); its current ring is recorded'),
        })).optional().describe('options considered'),
        tags: z.array(z.string()).optional(),
        deciders: z.array(z.string()).optional(),
        confirm: Confirm,
      }),
      outputSchema: WriteOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    toolHandler(async (args) => {
      const { project } = await session.read();
      const { planNewRecord } = await import('../workspace/new-record.js');
      const plan = await planNewRecord(project, {
        title: args.title.trim(),
        template: args.template ?? project.config.config.template ?? 'algorithm',
        status: args.status ?? 'proposed',
        date: args.date ?? session.today(),
        options: (args.options ?? []).map((o) => (o.blip ? `${o.name}@${o.blip}` : o.name)),
        criteria: args.criteria ? await Promise.all(args.criteria.map(criterionOf)) : undefined,
        tags: args.tags ?? [],
        deciders: args.deciders ?? [],
      });
      const rel = (path: string) => toPosix(relative(session.cwd, path));
      if (!args.confirm) {
        return { applied: false, summary: previewNote(`create ${rel(plan.path)}`), files: [rel(plan.path)], diff: unifiedDiff('', plan.content, '/dev/null', `b/${rel(plan.path)}`) };
      }
      let created;
      try {
        created = plan.create();
      } finally {
        session.invalidate();
      }
      return { applied: true, summary: `created ${rel(created.path)}`, files: [rel(created.path)], diff: unifiedDiff('', created.content, '/dev/null', `b/${rel(created.path)}`) };
    }, text),
  );

  server.registerTool(
    'set_status',
    {
      title: 'Set the status of a record',
      description: 'Change the status of a decision record in its own format (frontmatter, status line or section; comments and key order kept; `status-history` updated). Preview unless confirm: true. To supersede, use the supersede tool (it links both records).',
      inputSchema: z.object({ record: RecordArg, status: z.string().min(1).describe('proposed | accepted | rejected | deprecated | superseded'), date: DateArg, confirm: Confirm }),
      outputSchema: WriteOutput,
      annotations: EDITS_RECORDS,
    },
    toolHandler(async ({ record, status, date, confirm }) => {
      const { records } = await session.read();
      return preview(session, planStatus(records, record, status, date ?? session.today()), confirm);
    }, text),
  );

  server.registerTool(
    'supersede',
    {
      title: 'Supersede a record',
      description: 'Mark a record superseded by another: the old one gets status superseded and `superseded-by`, the new one `supersedes`; both files are written, or neither. Preview unless confirm: true.',
      inputSchema: z.object({ old: RecordArg.describe('the superseded record'), by: RecordArg.describe('the superseding record'), date: DateArg, confirm: Confirm }),
      outputSchema: WriteOutput,
      annotations: EDITS_RECORDS,
    },
    toolHandler(async ({ old, by, date, confirm }) => {
      const { records } = await session.read();
      return preview(session, planSupersede(records, old, by, date ?? session.today()), confirm);
    }, text),
  );

  server.registerTool(
    'link',
    {
      title: 'Link two records',
      description: `Link record \`from\` to record \`to\`: ${Object.keys(LINK_RELATIONS).join(' or ')} (relates-to is written on both sides). Preview unless confirm: true.`,
      inputSchema: z.object({ from: RecordArg, to: RecordArg, relation: z.string().min(1).describe(Object.keys(LINK_RELATIONS).join(' | ')), confirm: Confirm }),
      outputSchema: WriteOutput,
      annotations: EDITS_RECORDS,
    },
    toolHandler(async ({ from, to, relation, confirm }) => {
      const { records } = await session.read();
      return preview(session, planLink(records, from, to, relation), confirm);
    }, text),
  );
}
