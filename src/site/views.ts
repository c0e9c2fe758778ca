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
  /** Link to the blip on the radar page (relative to the site root), when the blip is on a radar. */
  blipHref: string | undefined;
  /** Name of the blip on its radar, when it differs from the option's name. */
  blipName: string | undefined;
  /** Highest weighted total of the matrix (ties: every option with it). */
  best: boolean;
  links: string[];
  scores: Array<string>;
  total: string;
}

/** The decision matrix of a record (options × criteria, weighted totals). */
export interface MatrixView {
  criteria: Array<{ name: string; weight: string; description: string | undefined }>;
  rows: OptionRowView[];
  hasScores: boolean;
  /** Rings of the radars the options link to, innermost first, for the legend. */
  rings: Array<{ name: string; ringClass: string }>;
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

/** The radar and blip an option links to: `radar-id/blip-id` on that radar, a bare id on the first radar that has it. */
export function blipOf(option: Option, radars: readonly SiteRadar[]): { radar: SiteRadar; blip: SiteRadarBlip } | undefined {
  if (!option.blip) return undefined;
  const slash = option.blip.lastIndexOf('/');
  const radarId = slash === -1 ? undefined : option.blip.slice(0, slash).toLowerCase();
  const id = option.blip.slice(slash + 1).toLowerCase();
  for (const radar of radars) {
    if (radarId !== undefined && radar.id?.toLowerCase() !== radarId && radar.name?.toLowerCase() !== radarId) continue;
    const blip = radar.blips.find((b) => b.id.toLowerCase() === id);
    if (blip) return { radar, blip };
  }
  return undefined;
}

/** Anchor of a blip on the radar page: `blip-<radar id>-<blip id>` (`blip-<blip id>` for a radar without id). */
export function blipAnchor(radar: SiteRadar, blipId: string): string {
  return radar.id ? `blip-${radar.id}-${blipId}` : `blip-${blipId}`;
}

/** Ring of an option: written on the option (`ring`), else looked up on the radars by blip id. */
export function ringOf(option: Option, radars: SiteRadar | readonly SiteRadar[] | undefined): string | undefined {
  if (option.ring) return option.ring;
  const list = radars === undefined ? [] : Array.isArray(radars) ? radars : [radars as SiteRadar];
  return blipOf(option, list)?.blip.ring;
}

/**
 * CSS class of a ring: its stance (`adopt`, `trial`, `assess`, `hold`) when the radar says what
 * the ring means, else the ring name as a token.
 */
export function ringClass(ring: string, radar: SiteRadar | undefined): string {
  const stance = radar?.rings?.find((r) => r.name.toLowerCase() === ring.toLowerCase())?.stance;
  return cssToken(stance ?? ring);
}

/** CSS class suffix for a ring name (`Adopt` -> `adopt`), restricted to `[a-z0-9-]`. */
export function cssToken(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/**
 * The options × criteria matrix with weighted totals: total = Σ weight × score over the criteria
 * the option is scored on (weight defaults to 1). Totals are shown with up to 2 decimals.
 */
export function matrixOf(r: SiteRecord, radars: SiteRadar | readonly SiteRadar[] | undefined, root = ''): MatrixView | undefined {
  const { options, criteria, chosen } = r.record;
  if (options.length === 0) return undefined;
  const list = radars === undefined ? [] : Array.isArray(radars) ? radars : [radars as SiteRadar];
  const valid = options.filter((o) => o && typeof o.name === 'string');
  const ringNames = new Map<string, string>();
  const totals: Array<number | undefined> = [];
  const rows = valid.map((o): OptionRowView => {
    const scores = criteria.map((c) => (o.scores && typeof o.scores[c.id] === 'number' ? o.scores[c.id] : undefined));
    const scored = scores.some((s) => s !== undefined);
    const total = criteria.reduce((sum, c, i) => sum + (scores[i] ?? 0) * (typeof c.weight === 'number' ? c.weight : 1), 0);
    totals.push(scored ? total : undefined);
    const found = blipOf(o, list);
    const ring = o.ring ?? found?.blip.ring;
    const cls = ring ? ringClass(ring, found?.radar ?? list[0]) : undefined;
    if (ring && cls) ringNames.set(ring.toUpperCase(), cls);
    return {
      name: o.name,
      id: String(o.id ?? ''),
      chosen: chosen !== undefined && o.id === chosen,
      blip: o.blip,
      ring,
      ringClass: cls,
      blipHref: found ? `${root}radar.html#${blipAnchor(found.radar, found.blip.id)}` : undefined,
      blipName: found && found.blip.name.toLowerCase() !== o.name.toLowerCase() ? found.blip.name : undefined,
      best: false,
      links: Array.isArray(o.links) ? o.links.filter((l) => typeof l === 'string' && /^https?:\/\//.test(l)) : [],
      scores: scores.map((s) => (s === undefined ? '–' : formatNumber(s))),
      total: scored ? formatNumber(total) : '–',
    };
  });
  const scoredTotals = totals.filter((x): x is number => x !== undefined);
  if (scoredTotals.length > 1) {
    const top = Math.max(...scoredTotals);
    rows.forEach((row, i) => (row.best = totals[i] === top));
  }
  const rank = (cls: string) => (RING_ORDER.indexOf(cls) + RING_ORDER.length + 1) % (RING_ORDER.length + 1);
  return {
    criteria: criteria.filter((c) => c && typeof c.name === 'string').map((c) => ({ name: c.name, weight: formatNumber(typeof c.weight === 'number' ? c.weight : 1), description: c.description })),
    rows,
    hasScores: criteria.length > 0,
    rings: [...ringNames].map(([name, ringClass]) => ({ name, ringClass })).sort((a, b) => rank(a.ringClass) - rank(b.ringClass) || a.name.localeCompare(b.name)),
  };
}

/** Ring stances innermost first; other ring names sort after them. */
const RING_ORDER = ['adopt', 'trial', 'assess', 'hold'];

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
