import { stringify } from 'csv-stringify/sync';
import type { ExportedLog, ExportedRecord } from '../model/export.js';
import type { DecisionRecord } from '../model/record.js';
import type { Evidence } from '../model/evidence.js';
import { evidenceLabel } from '../decision/evidence.js';
import { scoreMatrix } from '../decision/matrix.js';

/**
 * One exported record from the in-memory record (`file` = path relative to the working
 * directory; `log` = the folder of its decision log, `.` when absent, as `adrkit list` names it).
 */
export function exportRecord(record: DecisionRecord, file: string, log = '.'): ExportedRecord {
  const matrix = scoreMatrix(record);
  const rows = new Map(matrix.rows.map((r) => [r.option, r]));
  const extra = (o: (typeof record.options)[number]) => {
    const r = rows.get(o);
    if (!r) return {};
    const measured = Object.fromEntries(matrix.criteria.flatMap((c, j) => (r.measured[j] ? [[c.id, r.measured[j]!.value]] : [])));
    return {
      ...(matrix.scored ? { total: r.total } : {}),
      ...(matrix.measurable ? { measured, breaks: r.breaks.map((b) => b.criterion) } : {}),
    };
  };
  return {
    number: record.number ?? null,
    slug: record.slug,
    path: file,
    log,
    format: record.format,
    title: record.title,
    status: record.status ?? null,
    statusText: record.statusText ?? null,
    ...(record.statusPlaceholder !== undefined ? { statusPlaceholder: record.statusPlaceholder } : {}),
    date: record.date ?? null,
    deciders: record.deciders,
    tags: record.tags,
    supersedes: record.supersedes,
    supersededBy: record.supersededBy,
    relatesTo: record.relatesTo,
    amends: record.amends,
    criteria: record.criteria.filter((c) => typeof c?.id === 'string'),
    options: record.options
      .filter((o) => typeof o?.id === 'string')
      .map((o) => ({ ...o, ...extra(o) })),
    chosen: record.chosen ?? null,
    revisitBy: record.revisitBy ?? null,
  };
}

/** The whole log as the JSON export (see `schema/export.schema.json`). Pure. */
export function exportLog(records: Array<{ record: DecisionRecord; file: string; log?: string }>): ExportedLog {
  return { generator: 'adrkit', version: 1, records: records.map((r) => exportRecord(r.record, r.file, r.log)) };
}

/** CSV columns of `adrkit export --format csv` (new columns go at the end, so positions stay stable). */
export const CSV_COLUMNS = [
  'number', 'slug', 'path', 'format', 'title', 'status', 'status_text', 'date', 'deciders', 'tags',
  'supersedes', 'superseded_by', 'relates_to', 'amends', 'criteria', 'options', 'scores', 'chosen', 'revisit_by',
  'measured', 'breaks', 'evidence', 'log',
] as const;

const join = (list: Array<string | number>) => list.join('; ');

/**
 * The log as CSV (RFC 4180, with csv-stringify), one row per record. Lists are joined with
 * `; `; criteria are flattened to `id (weight)`, options to `id: name @blip = total`, scores to
 * `option.criterion=score`, measured values to `option.criterion=value`, constraint breaks to
 * `option.criterion`, evidence to `option: kind label` (see docs/evidence.md). Pure.
 */
export function exportCsv(log: ExportedLog): string {
  const rows = log.records.map((r) => [
    r.number ?? '', r.slug, r.path, r.format, r.title, r.status ?? '', r.statusText ?? '', r.date ?? '',
    join(r.deciders), join(r.tags), join(r.supersedes), join(r.supersededBy), join(r.relatesTo), join(r.amends),
    join(r.criteria.map((c) => (c.weight !== undefined ? `${c.id} (${c.weight})` : c.id))),
    join(r.options.map((o) => `${o.id}: ${o.name ?? o.id}${o.blip ? ` @${o.blip}` : ''}${o.total !== undefined ? ` = ${o.total}` : ''}`)),
    join(r.options.flatMap((o) => Object.entries(o.scores ?? {}).map(([c, s]) => `${o.id}.${c}=${s}`))),
    r.chosen ?? '', r.revisitBy ?? '',
    join(r.options.flatMap((o) => Object.entries(o.measured ?? {}).map(([c, v]) => `${o.id}.${c}=${v}`))),
    join(r.options.flatMap((o) => (o.breaks ?? []).map((c) => `${o.id}.${c}`))),
    join(r.options.flatMap((o) => (Array.isArray(o.evidence) ? o.evidence : []).map((e) => `${o.id}: ${e.kind} ${evidenceLabel(e as Evidence)}`))),
    r.log,
  ]);
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}
