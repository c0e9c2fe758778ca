import type { Blip, Radar, RadarEdition, RingStance } from '../model/radar.js';
import { allBlips, newestEdition } from '../radar/editions.js';
import { mulberry32 } from '../util/random.js';
import { escapeUTF8 } from 'entities';

/** Options of {@link layoutRadar} and {@link renderRadarSvg}. */
export interface RadarSvgOptions {
  /** Edition to draw; the newest by default. */
  edition?: RadarEdition;
  /** Link of a blip; `#blip-<id>` by default (the anchors of the site's radar page). */
  href?: (blip: Blip) => string;
  /** Radius of the outermost ring, in SVG user units (default: 300, larger steps when a quadrant×ring cell is crowded). */
  radius?: number;
  /** Blip numbers by id; {@link blipNumbers} by default. */
  numbers?: Map<string, number>;
  /**
   * Ids of the blips decisions use: drawn with a thick outline and the class `used`; the other
   * blips get the class `unused` (the site fades them). Without it every blip is drawn alike.
   */
  used?: ReadonlySet<string>;
}

/** A blip with its position. */
export interface PlacedBlip {
  blip: Blip;
  number: number;
  x: number;
  y: number;
}

/** Geometry of a drawn radar, in SVG user units (y grows downwards, angles clockwise from 3 o'clock). */
export interface RadarLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  /** Radius of each blip circle. */
  blipRadius: number;
  /** Minimum distance between two blip centres. */
  minDistance: number;
  /** Outer radius of each ring, innermost first. */
  ringRadii: number[];
  /** Start angle of each quadrant (radians), then the end of the last one. */
  quadrantAngles: number[];
  blips: PlacedBlip[];
}

const STANCE_COLOUR: Record<RingStance, string> = { adopt: '#1b7a33', trial: '#1559a8', assess: '#9a5b00', hold: '#b3261e' };
const BLIP_RADIUS = 9;
const GAP = 4;
const CANDIDATES = 400;
const MARGIN_X = 170;
const MARGIN_Y = 50;

/**
 * Numbers of the blips of an edition: the source's `number` when every blip has a distinct one
 * (the seed radar does), else 1…n by quadrant order, ring order, then name. Pure.
 */
export function blipNumbers(radar: Radar, edition: RadarEdition = newestEdition(radar)): Map<string, number> {
  const given = edition.blips.map((b) => b.number);
  if (given.every((n) => n !== undefined) && new Set(given).size === given.length) return new Map(edition.blips.map((b) => [b.id, b.number as number]));
  const qOrder = new Map(radar.quadrants.map((q) => [q.id, q.order]));
  const rOrder = new Map(radar.rings.map((r) => [r.id, r.order]));
  const sorted = [...edition.blips].sort(
    (a, b) => (qOrder.get(a.quadrant) ?? 0) - (qOrder.get(b.quadrant) ?? 0) || (rOrder.get(a.ring) ?? 0) - (rOrder.get(b.ring) ?? 0) || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'),
  );
  return new Map(sorted.map((b, i) => [b.id, i + 1]));
}

/**
 * Places the blips of a radar edition. Pure and deterministic. Quadrants are equal angular
 * sectors clockwise from 12 o'clock (by `order`), rings concentric bands (by `order`, innermost
 * first). Each blip draws candidate points inside its quadrant×ring cell from a PRNG seeded by
 * FNV-1a(radar id + blip id) and keeps the first one at least `minDistance` from the blips of its
 * cell placed before it (blips are placed in order of first appearance across editions). So a
 * blip never moves when another is appended, added in a later edition, or added to another cell.
 * A cell too crowded for any candidate gets the candidate farthest from its neighbours.
 */
export function layoutRadar(radar: Radar, options: RadarSvgOptions = {}): RadarLayout {
  const edition = options.edition ?? newestEdition(radar);
  const numbers = options.numbers ?? blipNumbers(radar, edition);
  const quadrants = [...radar.quadrants].sort((a, b) => a.order - b.order);
  const rings = [...radar.rings].sort((a, b) => a.order - b.order);
  const nq = Math.max(1, quadrants.length);
  const nr = Math.max(1, rings.length);
  const R = options.radius ?? fittingRadius(edition, quadrants.map((q) => q.id), rings.map((r) => r.id));
  const ringRadii = ringRadiiFor(R, nr);
  const quadrantAngles = Array.from({ length: nq + 1 }, (_, i) => -Math.PI / 2 + (i * 2 * Math.PI) / nq);
  const cx = R + MARGIN_X;
  const cy = R + MARGIN_Y;
  const minDistance = 2 * BLIP_RADIUS + GAP;
  const margin = BLIP_RADIUS + GAP;

  const inEdition = new Set(edition.blips.map((b) => b.id));
  const current = new Map(edition.blips.map((b) => [b.id, b]));
  const order = allBlips(radar).map((b) => b.id).filter((id) => inEdition.has(id));
  const placedByCell = new Map<string, PlacedBlip[]>();
  const placed: PlacedBlip[] = [];
  for (const id of order) {
    const blip = current.get(id)!;
    const qi = Math.max(0, quadrants.findIndex((q) => q.id === blip.quadrant));
    const ri = Math.max(0, rings.findIndex((r) => r.id === blip.ring));
    const cell = `${qi}/${ri}`;
    const neighbours = placedByCell.get(cell) ?? [];
    const random = mulberry32(fnv1a(`${radar.id}\u0000${blip.id}`));
    const [t0, t1] = [quadrantAngles[qi], quadrantAngles[qi + 1]];
    const half = Math.min((t1 - t0) / 2, Math.PI / 2);
    const rIn = ri === 0 ? 0 : ringRadii[ri - 1];
    const rOut = ringRadii[ri];
    let a = Math.max(rIn + margin, nq > 1 ? margin / Math.sin(half) : 0);
    let b = rOut - margin;
    if (a > b) a = b = (rIn + rOut) / 2;
    let best: { x: number; y: number; clearance: number } | undefined;
    for (let attempt = 0; attempt < CANDIDATES; attempt++) {
      const u = random();
      const v = random();
      const rho = Math.sqrt(a * a + u * (b * b - a * a));
      const delta = nq > 1 && rho > 0 ? Math.asin(Math.min(1, margin / rho)) : 0;
      const width = t1 - t0 - 2 * delta;
      const theta = width > 0 ? t0 + delta + v * width : (t0 + t1) / 2;
      const x = round(cx + rho * Math.cos(theta));
      const y = round(cy + rho * Math.sin(theta));
      const clearance = Math.min(Infinity, ...neighbours.map((p) => Math.hypot(p.x - x, p.y - y)));
      if (!best || clearance > best.clearance) best = { x, y, clearance };
      if (clearance >= minDistance) break;
    }
    const p: PlacedBlip = { blip, number: numbers.get(blip.id) ?? 0, x: best!.x, y: best!.y };
    neighbours.push(p);
    placedByCell.set(cell, neighbours);
    placed.push(p);
  }
  placed.sort((p, q) => p.number - q.number || p.blip.id.localeCompare(q.blip.id, 'en'));
  return { width: 2 * cx, height: 2 * cy, cx, cy, blipRadius: BLIP_RADIUS, minDistance, ringRadii, quadrantAngles, blips: placed };
}

/** Outer radius of each ring: an inner disc of 0.3 R plus equal bands. */
function ringRadiiFor(R: number, nr: number): number[] {
  return Array.from({ length: nr }, (_, k) => R * (0.3 + (0.7 * (k + 1)) / nr));
}

/**
 * The smallest radius of the steps 300 × 1.25^k whose every quadrant×ring cell has room for its
 * blips (usable area ≥ 1.8 × minDistance² per blip). A step function: adding a blip changes the
 * drawing scale only when a cell crosses its capacity.
 */
function fittingRadius(edition: RadarEdition, quadrantIds: string[], ringIds: string[]): number {
  const counts = new Map<string, number>();
  for (const b of edition.blips) counts.set(`${b.quadrant}/${b.ring}`, (counts.get(`${b.quadrant}/${b.ring}`) ?? 0) + 1);
  const nq = Math.max(1, quadrantIds.length);
  const angle = (2 * Math.PI) / nq;
  const margin = BLIP_RADIUS + GAP;
  const need = 1.8 * (2 * BLIP_RADIUS + GAP) ** 2;
  let R = 300;
  for (let step = 0; step < 12; step++, R *= 1.25) {
    const radii = ringRadiiFor(R, Math.max(1, ringIds.length));
    const fits = ringIds.every((ring, ri) => {
      const a = Math.max((ri === 0 ? 0 : radii[ri - 1]) + margin, nq > 1 ? margin / Math.sin(Math.min(angle / 2, Math.PI / 2)) : 0);
      const b = radii[ri] - margin;
      const area = b > a ? ((b * b - a * a) / 2) * Math.max(0, angle - (nq > 1 ? 2 * Math.asin(Math.min(1, margin / ((a + b) / 2))) : 0)) : 0;
      return quadrantIds.every((q) => (counts.get(`${q}/${ring}`) ?? 0) * need <= Math.max(area, need));
    });
    if (fits) break;
  }
  return Math.round(R);
}

/**
 * Renders a radar edition as static, self-contained SVG markup: no script, no external
 * resources. Rings are concentric circles, quadrants angular sectors, each blip a numbered
 * circle wrapped in a link (`<a href>`) with a `<title>` naming it; the root has `role="group"`
 * and an accessible name and description. All text is XML-escaped. Pure and deterministic
 * (positions from {@link layoutRadar}).
 */
export function renderRadarSvg(radar: Radar, options: RadarSvgOptions = {}): string {
  const edition = options.edition ?? newestEdition(radar);
  const layout = layoutRadar(radar, { ...options, edition });
  const href = options.href ?? ((b: Blip) => `#blip-${b.id}`);
  const { cx, cy, ringRadii, quadrantAngles } = layout;
  const R = ringRadii[ringRadii.length - 1];
  const rings = [...radar.rings].sort((a, b) => a.order - b.order);
  const quadrants = [...radar.quadrants].sort((a, b) => a.order - b.order);
  const ringById = new Map(radar.rings.map((r) => [r.id, r]));
  const quadrantById = new Map(radar.quadrants.map((q) => [q.id, q]));
  const idBase = `radar-${radar.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const editionLabel = edition.date ?? 'undated edition';
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="adrkit-radar" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-labelledby="${idBase}-title" aria-describedby="${idBase}-desc" font-family="system-ui, sans-serif">`,
    `<title id="${idBase}-title">${esc(radar.name)} (${esc(editionLabel)})</title>`,
    `<desc id="${idBase}-desc">${esc(`Technology radar with ${edition.blips.length} blips in ${quadrants.length} quadrants (${quadrants.map((q) => q.name).join(', ')}) and ${rings.length} rings (${rings.map((r) => r.name).join(', ')}, innermost first). Each numbered circle links to its blip.`)}</desc>`,
    '<g class="radar-grid" aria-hidden="true">',
  );
  for (let k = ringRadii.length - 1; k >= 0; k--) {
    out.push(`<circle cx="${cx}" cy="${cy}" r="${round(ringRadii[k])}" fill="${k % 2 === 0 ? '#f3f4f6' : '#e5e7eb'}" stroke="#9ca3af" stroke-width="1"/>`);
  }
  if (quadrants.length > 1) {
    for (const angle of quadrantAngles.slice(0, -1)) {
      out.push(`<line x1="${cx}" y1="${cy}" x2="${round(cx + R * Math.cos(angle))}" y2="${round(cy + R * Math.sin(angle))}" stroke="#6b7280" stroke-width="1.5"/>`);
    }
  }
  rings.forEach((ring, k) => {
    const rIn = k === 0 ? 0 : ringRadii[k - 1];
    const y = round(cy - (rIn + ringRadii[k]) / 2);
    out.push(`<text x="${cx}" y="${y}" text-anchor="middle" dominant-baseline="middle" font-size="11" font-weight="600" fill="#374151" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(ring.name)}</text>`);
  });
  quadrants.forEach((q, i) => {
    const mid = (quadrantAngles[i] + quadrantAngles[i + 1]) / 2;
    const cos = Math.cos(mid);
    const sin = Math.sin(mid);
    const anchor = cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
    const x = round(cx + (R + 14) * cos);
    const y = round(cy + (R + 14) * sin + (sin > 0.25 ? 10 : sin < -0.25 ? -2 : 4));
    out.push(`<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="15" font-weight="700" fill="#111827">${esc(q.name)}</text>`);
  });
  out.push('</g>', '<g class="radar-blips">');
  for (const p of layout.blips) {
    const ring = ringById.get(p.blip.ring);
    const quadrant = quadrantById.get(p.blip.quadrant);
    const isUsed = options.used?.has(p.blip.id);
    const usage = options.used ? (isUsed ? ' used' : ' unused') : '';
    const label = `${p.number}. ${p.blip.name}: ${ring?.name ?? p.blip.ring}, ${quadrant?.name ?? p.blip.quadrant}${isUsed ? ', used by a decision' : ''}`;
    out.push(
      `<a href="${esc(href(p.blip))}" class="blip blip-${esc(ring?.stance ?? 'unknown')}${usage}" data-blip="${esc(p.blip.id)}" aria-label="${esc(label)}">` +
        `<title>${esc(label)}</title>` +
        (isUsed ? `<circle cx="${p.x}" cy="${p.y}" r="${layout.blipRadius + 4}" fill="none" stroke="#111827" stroke-width="2.5"/>` : '') +
        `<circle cx="${p.x}" cy="${p.y}" r="${layout.blipRadius}" fill="${ring ? STANCE_COLOUR[ring.stance] : '#4b5563'}" stroke="#ffffff" stroke-width="1.5"/>` +
        `<text x="${p.x}" y="${p.y}" text-anchor="middle" dominant-baseline="central" font-size="${p.number >= 100 ? 7 : 9}" font-weight="700" fill="#ffffff" aria-hidden="true">${p.number}</text>` +
        '</a>',
    );
  }
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

/** XML-escapes text and attribute values (`& < > " '`, entities' escapeUTF8). */
const esc = escapeUTF8;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** FNV-1a 32-bit hash of a string (UTF-16 code units). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
