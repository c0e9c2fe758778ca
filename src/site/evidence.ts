import { evidenceLabel, evidenceLinks, type EvidenceLink } from '../decision/evidence.js';
import { scoreMatrix } from '../decision/matrix.js';
import { breakText, constraintText, directionOf } from '../decision/measure.js';
import { Evidence } from '../model/evidence.js';
import type { SiteDecisionRecord } from './types.js';

/** One evidence entry as the record page shows it. */
export interface EvidenceEntryView {
  kind: string;
  label: string;
  /** Other fields, `key: value` joined with ` · ` (split, revision, licence, metrics …). */
  details: string;
  links: EvidenceLink[];
  date: string;
}

/** The evidence of one option. */
export interface OptionEvidenceView {
  id: string;
  name: string;
  chosen: boolean;
  entries: EvidenceEntryView[];
}

/** One cell of the measured matrix: the value beside its score. */
export interface MeasuredCellView {
  value: string;
  score: string;
  derived: boolean;
  broken: boolean;
}

/** The measured matrix: options × measurable criteria, constraint breaks highlighted. */
export interface MeasuredMatrixView {
  criteria: Array<{ name: string; metric: string; unit: string; direction: string; constraint: string; derived: boolean }>;
  rows: Array<{ name: string; chosen: boolean; best: boolean; broken: boolean; breaks: string[]; cells: MeasuredCellView[] }>;
}

/** What the record page shows about evidence (see `templates/site/partials/evidence.hbs`). */
export interface EvidenceView {
  measured: MeasuredMatrixView | undefined;
  options: OptionEvidenceView[];
}

const DETAIL_SKIP = new Set(['kind', 'title', 'note', 'date', 'url', 'source', 'arxiv', 'doi']);

function details(entry: Record<string, unknown>, label: string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entry)) {
    if (DETAIL_SKIP.has(key) || value === undefined || value === null) continue;
    if (key === 'metrics' || key === 'params') {
      if (value && typeof value === 'object') parts.push(`${key}: ${Object.entries(value).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
      continue;
    }
    const text = String(value);
    if (label.includes(text)) continue;
    parts.push(`${key}: ${text}`);
  }
  if (entry.kind !== 'link' && typeof entry.note === 'string') parts.push(entry.note);
  return parts.join(' · ');
}

/**
 * The evidence part of a record page: per option, its evidence entries with their links (arXiv,
 * DOI, Hugging Face model and dataset pages, run URLs; see {@link evidenceLinks}); and, when a
 * criterion names a metric, the measured matrix (value beside score, derived scores marked,
 * constraint breaks flagged). Entries that do not match the evidence schema are left out (lint
 * reports them). Pure.
 *
 * @returns undefined when the record has neither evidence nor measurable criteria.
 */
export function evidenceView(record: Pick<SiteDecisionRecord, 'criteria' | 'options' | 'chosen'>): EvidenceView | undefined {
  const options: OptionEvidenceView[] = record.options
    .filter((o) => o && typeof o.id === 'string' && Array.isArray(o.evidence) && o.evidence.length > 0)
    .map((o) => ({
      id: o.id,
      name: o.name ?? o.id,
      chosen: o.id === record.chosen,
      entries: (o.evidence as unknown[]).flatMap((raw) => {
        const parsed = Evidence.safeParse(raw);
        if (!parsed.success) return [];
        const e = parsed.data;
        const label = evidenceLabel(e);
        return [{ kind: e.kind, label, details: details(e as Record<string, unknown>, label), links: evidenceLinks(e), date: e.date ?? '' }];
      }),
    }))
    .filter((o) => o.entries.length > 0);
  const matrix = scoreMatrix(record);
  const columns = matrix.criteria.map((c, j) => ({ c, j })).filter(({ c }) => typeof c.metric === 'string');
  const measured: MeasuredMatrixView | undefined = columns.length
    ? {
        criteria: columns.map(({ c, j }) => ({ name: c.name ?? c.id, metric: c.metric!, unit: c.unit ?? '', direction: directionOf(c) === 'higher' ? 'higher is better' : 'lower is better', constraint: constraintText(c) ?? '', derived: matrix.derivedCriteria[j] })),
        rows: matrix.rows.map((r) => ({
          name: r.option.name ?? r.option.id,
          chosen: r.chosen,
          best: r.best,
          broken: r.breaks.length > 0,
          breaks: r.breaks.map((b) => `${matrix.criteria.find((c) => c.id === b.criterion)?.name ?? b.criterion}: ${breakText(b)}`),
          cells: columns.map(({ c, j }) => {
            const m = r.measured[j];
            const s = r.scores[j];
            return {
              value: m ? `${m.value}${m.unit ? ` ${m.unit}` : ''}` : '–',
              score: s === undefined ? '–' : String(Math.round(s * 100) / 100),
              derived: r.derived[j],
              broken: r.breaks.some((b) => b.criterion === c.id),
            };
          }),
        })),
      }
    : undefined;
  if (!measured && options.length === 0) return undefined;
  return { measured, options };
}

/** One option in `decisions.json`. */
export interface DecisionOptionEntry {
  id: string;
  name: string;
  evidence: unknown[];
  /** Measured value per measurable criterion id. */
  measured: Record<string, number>;
  /** Ids of the criteria whose hard constraint the option breaks. */
  breaks: string[];
}

/**
 * The evidence fields of a `decisions.json` entry: options with their evidence, measured values
 * and constraint breaks; `{}` for a record without evidence or measurable criteria (its entry
 * stays as before).
 */
export function evidenceEntry(record: Pick<SiteDecisionRecord, 'criteria' | 'options' | 'chosen'>): { options?: DecisionOptionEntry[] } {
  const matrix = scoreMatrix(record);
  if (!matrix.measurable && !record.options.some((o) => Array.isArray(o?.evidence) && o.evidence.length > 0)) return {};
  return {
    options: matrix.rows.map((r) => ({
      id: r.option.id,
      name: r.option.name ?? r.option.id,
      evidence: Array.isArray(r.option.evidence) ? r.option.evidence : [],
      measured: Object.fromEntries(matrix.criteria.flatMap((c, j) => (r.measured[j] ? [[c.id, r.measured[j]!.value]] : []))),
      breaks: r.breaks.map((b) => b.criterion),
    })),
  };
}
