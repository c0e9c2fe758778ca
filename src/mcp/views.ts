import type { z } from 'zod';
import { appliesTo } from '../model/applies-to.js';
import { recordSummary } from '../decision/list.js';
import { matrixData } from '../decision/matrix.js';
import { resolveRelations } from '../site/links.js';
import type { SiteRecord } from '../site/types.js';
import type { StatusTransition } from '../history/status-history.js';
import type { LoadedRecord } from '../workspace/read-log.js';
import type { RecordDetailOutput } from './schemas.js';

type RecordDetail = z.infer<typeof RecordDetailOutput>;

/**
 * Everything the MCP `get_record` tool returns about a record: metadata, sections, matrix,
 * status history (git and frontmatter) and relations resolved both ways over the whole log
 * (the site's `resolveRelations`). Pure.
 */
export function recordDetail(records: LoadedRecord[], target: LoadedRecord, history: StatusTransition[]): RecordDetail {
  const { record } = target;
  const index = records.indexOf(target);
  // resolveRelations reads only `record` and `file` of a site record.
  const relations = resolveRelations(records.map((r) => ({ record: r.record, file: r.file }) as unknown as SiteRecord))[index];
  const related = (list: number[]) => list.map((i) => ({ number: records[i].record.number ?? null, title: records[i].record.title, path: records[i].file }));
  const declared = record.frontmatter['status-history'];
  return {
    ...recordSummary(target),
    slug: record.slug,
    deciders: record.deciders,
    tags: record.tags,
    chosen: record.chosen ?? null,
    revisitBy: record.revisitBy ?? null,
    criteria: record.criteria
      .filter((c) => typeof c?.id === 'string')
      .map((c) => ({ id: c.id, name: typeof c.name === 'string' ? c.name : c.id, ...(typeof c.weight === 'number' ? { weight: c.weight } : {}), ...(typeof c.description === 'string' ? { description: c.description } : {}) })),
    options: record.options.filter((o) => typeof o?.id === 'string').map((o) => ({ id: o.id, name: typeof o.name === 'string' ? o.name : o.id, ...(typeof o.blip === 'string' ? { blip: o.blip } : {}), ...(typeof o.ring === 'string' ? { ring: o.ring } : {}), chosen: record.chosen === o.id })),
    appliesTo: appliesTo(record),
    sections: record.sections.map((s) => ({ heading: s.heading, depth: s.depth, line: s.line, text: s.text })),
    matrix: matrixData(record, target.file) ?? null,
    statusHistory: history,
    declaredStatusHistory: Array.isArray(declared) ? declared.filter((h) => h && typeof h === 'object').map((h) => ({ status: String((h as Record<string, unknown>).status), date: String((h as Record<string, unknown>).date) })) : [],
    relations: {
      supersedes: related(relations.supersedes),
      supersededBy: related(relations.supersededBy),
      relatesTo: related(relations.relatesTo),
      amends: related(relations.amends),
      amendedBy: related(relations.amendedBy),
    },
  };
}
