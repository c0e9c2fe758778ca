import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { AdrkitError } from '../model/errors.js';
import { IsoDate } from '../model/record.js';
import { checkGlob, logAppliesTo } from '../model/applies-to.js';
import { governingDecisions } from '../review/governs.js';
import { filterRecords, recordSummary } from '../decision/list.js';
import { matrixData } from '../decision/matrix.js';
import { resolveRecord } from '../decision/resolve.js';
import { staleRecords } from '../decision/stale.js';
import { ReviewReport } from '../model/review.js';
import { currentRing, ringHistory } from '../radar/editions.js';
import { blipUsage } from '../radar/usage.js';
import { describeUnresolved, resolveBlip } from '../radar/resolve.js';
import { toolHandler } from './errors.js';
import {
  BlipOutput, GoverningOutput, LintOutput, ListRecordsOutput, MatrixOutput, RecordDetailOutput, SearchOutput, StaleOutput, StatusSchema,
} from './schemas.js';
import type { McpSession } from './session.js';
import { recordDetail } from './views.js';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const RecordArg = z.string().min(1).describe('record number (`7`, `0007`, `ADR-0007`), slug or file name');

/** Registers the read-only tools: list, get, search, lint, matrix, stale, blip, governing, review. */
export function registerReadTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'list_records',
    {
      title: 'List decision records',
      description: 'List the decision records of the log (number, title, status, date, file), optionally filtered by status, tag, radar blip, decider and date. Same records as `adrkit list`.',
      inputSchema: z.object({
        status: StatusSchema.optional().describe('only records with this status'),
        tag: z.string().optional().describe('only records with this tag'),
        blip: z.string().optional().describe('only records with an option linking this radar blip (`blip-id` or `radar-id/blip-id`)'),
        decider: z.string().optional().describe('only records with this decider'),
        since: IsoDate.optional().describe('only records dated on or after this day (YYYY-MM-DD)'),
      }),
      outputSchema: ListRecordsOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async (filter) => {
      const { project, records } = await session.read();
      const radars = filter.blip ? session.radars(project) : undefined;
      return { total: records.length, records: filterRecords(records, filter, radars).map(recordSummary) };
    }, (r) => `${r.records.length} of ${r.total} records\n${r.records.map((s) => `${s.number ?? '-'}\t${s.status ?? s.statusText ?? '?'}\t${s.date ?? ''}\t${s.title}\t${s.path}`).join('\n')}`),
  );

  server.registerTool(
    'get_record',
    {
      title: 'Get a decision record',
      description: 'One decision record: metadata, sections, decision matrix, status history (git and frontmatter), relations (supersedes, superseded by, relates to, amends) and `applies-to` globs.',
      inputSchema: z.object({ record: RecordArg }),
      outputSchema: RecordDetailOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ record }) => {
      const { logs, records } = await session.read();
      const target = resolveRecord(records, record);
      const log = logs.find((l) => l.records.includes(target))!;
      const { readStatusHistory } = await import('../workspace/status-history.js');
      return recordDetail(records, target, await readStatusHistory(log.dir, target));
    }),
  );

  server.registerTool(
    'search',
    {
      title: 'Search the decision log',
      description: 'Full-text search over titles, tags, radar blips, statuses and bodies, with the decision-log site\'s search index (MiniSearch, prefix and fuzzy matching, title and tags boosted). Best hits first.',
      inputSchema: z.object({
        query: z.string().min(1).describe('words to look for'),
        limit: z.number().int().min(1).max(100).optional().describe('most hits returned (default 10)'),
      }),
      outputSchema: SearchOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ query, limit }) => {
      const { records } = await session.read();
      const hits = (await session.searchIndex(records)).query(query, limit ?? 10);
      return { query, hits: hits.map((h) => ({ ...recordSummary(h.doc.loaded), score: h.score, terms: h.terms })) };
    }, (r) => (r.hits.length ? r.hits.map((h) => `${h.number ?? '-'}\t${h.status ?? '?'}\t${h.title}\t${h.path}`).join('\n') : `no record matches "${r.query}"`)),
  );

  server.registerTool(
    'lint',
    {
      title: 'Lint decision records',
      description: 'Check decision records with adrkit\'s rules (frontmatter, structure, links, radar blips, the log as a whole) and the project configuration; findings as data. Give files to report on some records only (cross-record rules still read the whole log).',
      inputSchema: z.object({
        files: z.array(z.string()).optional().describe('files or globs relative to the project directory; default: every record'),
        rules: z.array(z.string()).optional().describe('only these rule ids'),
      }),
      outputSchema: LintOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ files, rules }) => {
      const warnings: string[] = [];
      const { lintProject } = await import('../workspace/lint-project.js');
      const result = await lintProject(session.cwd, { files, rules, today: session.today(), warn: (w) => warnings.push(w) });
      const findings = result.findings.map(({ fix: _fix, ...finding }) => finding);
      return {
        fileCount: result.fileCount,
        errorCount: findings.filter((f) => f.severity === 'error').length,
        warningCount: findings.filter((f) => f.severity === 'warn').length,
        findings,
      };
    }, (r) => `${r.errorCount} errors, ${r.warningCount} warnings in ${r.fileCount} files\n${r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`).join('\n')}`),
  );

  server.registerTool(
    'matrix',
    {
      title: 'Decision matrix of a record',
      description: 'The weighted decision matrix of a record: criteria with weights, options with scores, weighted totals, the best and the chosen option.',
      inputSchema: z.object({ record: RecordArg }),
      outputSchema: MatrixOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ record }) => {
      const { records } = await session.read();
      const target = resolveRecord(records, record);
      const data = matrixData(target.record, target.file);
      if (!data) throw new AdrkitError('not-found', `${target.file} has no decision matrix`, { file: target.file, hint: 'add `criteria` (with weights) and `options` (with scores) to its frontmatter' });
      return data;
    }),
  );

  server.registerTool(
    'stale_decisions',
    {
      title: 'Stale decisions',
      description: 'Accepted decisions past their revisit date (`revisit-by`, or acceptance + revisitMonths) or whose radar blips moved ring since the decision. Same as `adrkit stale`.',
      inputSchema: z.object({}),
      outputSchema: StaleOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async () => {
      const { project, records } = await session.read();
      const today = session.today();
      return { today, stale: staleRecords(records, { today, months: project.config.config.revisitMonths, radars: session.radars(project) }) };
    }),
  );

  server.registerTool(
    'blip',
    {
      title: 'Radar blip and its decisions',
      description: 'A technology-radar blip (ring, quadrant, ring history) with the decisions that chose it and those that considered it.',
      inputSchema: z.object({ blip: z.string().min(1).describe('`blip-id`, blip name, or `radar-id/blip-id`') }),
      outputSchema: BlipOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ blip }) => blipView(session, blip)),
  );

  server.registerTool(
    'governing_decisions',
    {
      title: 'Decisions governing paths',
      description: 'The decisions whose `applies-to` globs match the given paths: what a change to these files must respect.',
      inputSchema: z.object({ paths: z.array(z.string()).min(1).describe('file paths relative to the repository root, e.g. src/models/train.py') }),
      outputSchema: GoverningOutput,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ paths }) => {
      for (const path of paths) checkGlob(path);
      const wanted = paths.map((p) => p.replace(/^\.\//, ''));
      const { project, records } = await session.read();
      const byFile = new Map(records.map((r) => [r.file, r]));
      // One rule with `review` and `adrkit governs`: accepted and proposed decisions, own globs else the log's default.
      const governing = governingDecisions(records.map((r) => ({ record: r.record, path: r.file, logDefault: logAppliesTo(project.config.config.appliesTo, r.log ?? '.') })), wanted);
      return { paths: wanted, decisions: governing.map((g) => ({ ...recordSummary(byFile.get(g.file)!), appliesTo: g.patterns, governs: g.files })) };
    }),
  );

  server.registerTool(
    'review',
    {
      title: 'Review decision changes between two refs',
      description: 'What a branch changes in the decision log since a base ref: added and changed records, status changes, options, HOLD blips, number collisions, lint. Same report as `adrkit review --format json`.',
      inputSchema: z.object({
        base: z.string().min(1).describe('base of the comparison, e.g. main or origin/main'),
        head: z.string().optional().describe('head of the comparison; default: the working tree'),
      }),
      outputSchema: ReviewReport,
      annotations: READ_ONLY,
    },
    toolHandler(async ({ base, head }) => {
      const { reviewRefs } = await import('../workspace/review-refs.js');
      return reviewRefs(session.cwd, { base, head, today: session.today() });
    }),
  );
}

/** The `blip` tool and the `adr://radar/{blip}` resource: a resolved blip and its decisions. */
export async function blipView(session: McpSession, ref: string): Promise<z.infer<typeof BlipOutput>> {
  const { project, records } = await session.read();
  const radars = session.radarsOrThrow(project);
  const resolved = resolveBlip(radars, ref);
  if (!resolved.ok) throw new AdrkitError('not-found', describeUnresolved(resolved), { hint: 'read adr://index or call list_records with a blip filter; blips are `blip-id` or `radar-id/blip-id`' });
  const usage = blipUsage(radars, records.map((loaded) => ({ options: loaded.record.options, chosen: loaded.record.chosen, loaded })));
  const entry = usage.get(resolved.ref) ?? { chose: [], considered: [] };
  const ring = currentRing(resolved.radar, resolved.blip.id);
  return {
    ref: resolved.ref,
    radar: { id: resolved.radar.id, name: resolved.radar.name },
    blip: { id: resolved.blip.id, name: resolved.blip.name, quadrant: resolved.blip.quadrant, ...(resolved.blip.summary ? { summary: resolved.blip.summary } : {}) },
    ring: ring ? { id: ring.id, name: ring.name, stance: ring.stance } : null,
    current: resolved.current,
    ringHistory: ringHistory(resolved.radar, resolved.blip.id).map((h) => ({ date: h.date ?? null, ring: h.ring ?? null })),
    chose: entry.chose.map((r) => recordSummary(r.loaded)),
    considered: entry.considered.map((r) => recordSummary(r.loaded)),
  };
}
