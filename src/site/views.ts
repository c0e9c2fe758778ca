import type { Option } from '../model/record.js';
import { decisionDay } from './dates.js';
import type { Relations } from './links.js';
import type { SiteRadar, SiteRadarBlip, SiteRecord } from './types.js';

/** A link to a record page, as templates show it. */
export interface RecordLinkView {
  href: string;
  label: string;
}

/** One row of the options × criteria matrix. */
export interface OptionRowView {
  name: string;
  id: string;
  chosen: boolean;
  blip: string | undefined;
  ring: string | undefined;
  ringClass: string | undefined;
  links: string[];
  scores: Array<string>;
  total: string;
}

/** The decision matrix of a record (options × criteria, weighted totals). */
export interface MatrixView {
  criteria: Array<{ name: string; weight: string; description: string | undefined }>;
  rows: OptionRowView[];
  hasScores: boolean;
}

/** Label of a record: `0012 · Title` (number zero-padded to 4 when present). */
export function recordLabel(r: SiteRecord): string {
  return r.record.number === undefined ? r.record.title : `${String(r.record.number).padStart(4, '0')} · ${r.record.title}`;
}

/** Decision day of a site record: its written date, else its git creation day. */
export function dayOf(r: SiteRecord): string | undefined {
  return decisionDay(r.record.date, r.created);
}

/** Normalised status or `unknown` (used in CSS classes and filters, always from a fixed set). */
export function statusKey(r: SiteRecord): string {
  return r.record.status ?? 'unknown';
}

/** Blip ids linked from the record's options (the part after `radar-id/`). */
export function blipsOf(r: SiteRecord): string[] {
  const ids = r.record.options.map((o) => blipId(o.blip)).filter((b): b is string => !!b);
  return [...new Set(ids)].sort();
}

function blipId(blip: string | undefined): string | undefined {
  return blip ? blip.slice(blip.lastIndexOf('/') + 1) : undefined;
}

/** Ring of an option: written on the option (`ring`), else looked up on the radar by blip id. */
export function ringOf(option: Option, radar: SiteRadar | undefined): string | undefined {
  if (option.ring) return option.ring;
  const id = blipId(option.blip);
  if (!id || !radar) return undefined;
  const blip: SiteRadarBlip | undefined = radar.blips.find((b) => b.id === id) ?? radar.blips.find((b) => b.id.toLowerCase() === id.toLowerCase());
  return blip?.ring;
}

/** CSS class suffix for a ring name (`Adopt` -> `adopt`), restricted to `[a-z0-9-]`. */
export function cssToken(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/**
 * The options × criteria matrix with weighted totals: total = Σ weight × score over the criteria
 * the option is scored on (weight defaults to 1). Totals are shown with up to 2 decimals.
 */
export function matrixOf(r: SiteRecord, radar: SiteRadar | undefined): MatrixView | undefined {
  const { options, criteria, chosen } = r.record;
  if (options.length === 0) return undefined;
  const valid = options.filter((o) => o && typeof o.name === 'string');
  const rows = valid.map((o): OptionRowView => {
    const scores = criteria.map((c) => (o.scores && typeof o.scores[c.id] === 'number' ? o.scores[c.id] : undefined));
    const scored = scores.some((s) => s !== undefined);
    const total = criteria.reduce((sum, c, i) => sum + (scores[i] ?? 0) * (typeof c.weight === 'number' ? c.weight : 1), 0);
    const ring = ringOf(o, radar);
    return {
      name: o.name,
      id: String(o.id ?? ''),
      chosen: chosen !== undefined && o.id === chosen,
      blip: o.blip,
      ring,
      ringClass: ring ? cssToken(ring) : undefined,
      links: Array.isArray(o.links) ? o.links.filter((l) => typeof l === 'string' && /^https?:\/\//.test(l)) : [],
      scores: scores.map((s) => (s === undefined ? '–' : formatNumber(s))),
      total: scored ? formatNumber(total) : '–',
    };
  });
  return {
    criteria: criteria.filter((c) => c && typeof c.name === 'string').map((c) => ({ name: c.name, weight: formatNumber(typeof c.weight === 'number' ? c.weight : 1), description: c.description })),
    rows,
    hasScores: criteria.length > 0,
  };
}

function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Relation link lists of a record page. */
export function relationLinks(relations: Relations, link: (index: number) => RecordLinkView) {
  return {
    supersedes: relations.supersedes.map(link),
    supersededBy: relations.supersededBy.map(link),
    relatesTo: relations.relatesTo.map(link),
    amends: relations.amends.map(link),
    amendedBy: relations.amendedBy.map(link),
  };
}

/** "Edit this file" URL on GitHub (`/edit/<branch>/<file>`) or GitLab (`/-/edit/<branch>/<file>`). */
export function editUrl(repositoryUrl: string | undefined, branch: string | undefined, file: string): string | undefined {
  if (!repositoryUrl || !/^https?:\/\//.test(repositoryUrl)) return undefined;
  const base = repositoryUrl.replace(/\.git$/, '').replace(/\/+$/, '');
  const path = file.split('/').map(encodeURIComponent).join('/');
  const kind = /gitlab/i.test(base) ? '/-/edit/' : '/edit/';
  return `${base}${kind}${encodeURIComponent(branch ?? 'main')}/${path}`;
}
