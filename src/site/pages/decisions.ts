import { evidenceEntry, type DecisionOptionEntry } from '../evidence.js';
import type { SiteRecord } from '../types.js';
import { dayOf } from '../views.js';
import type { SiteContext } from './context.js';
import type { DataFile } from './page.js';

/** One entry of `decisions.json`. */
export interface DecisionEntry {
  number: number | null;
  title: string;
  status: string | null;
  statusText: string | null;
  date: string | null;
  created: string | null;
  updated: string | null;
  authors: string[];
  path: string;
  tags: string[];
  chosen: string | null;
  /** Options with their evidence, measured values (criterion id -> value) and broken hard constraints (criterion ids). */
  options?: DecisionOptionEntry[];
}

/** `decisions.json`: every record as a {@link DecisionEntry}, in site order, indented JSON. Pure. */
export function decisionsFile(ctx: SiteContext): DataFile[] {
  return [{ kind: 'file', path: 'decisions.json', content: () => `${JSON.stringify(ctx.records.map(decisionEntry), null, 2)}\n` }];
}

function decisionEntry(r: SiteRecord): DecisionEntry {
  return {
    number: r.record.number ?? null,
    title: r.record.title,
    status: r.record.status ?? null,
    statusText: r.record.statusText ?? null,
    date: dayOf(r) ?? null,
    created: r.created ?? null,
    updated: r.updated ?? null,
    authors: r.authors,
    path: r.file,
    tags: r.record.tags,
    chosen: r.record.chosen ?? null,
    ...evidenceEntry(r.record),
  };
}
