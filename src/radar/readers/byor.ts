import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import type { Blip, Radar, Ring } from '../../model/radar.js';
import { CLASSIC_RINGS, checkBlips, idFromName, nameKey, quadrantsFromNames, radarError, stanceOf, type SourcePosition } from './common.js';

/** Identity of a radar read from a BYOR file (BYOR files carry neither). */
export interface ByorMeta {
  id: string;
  name: string;
  /** Edition date; undefined for an undated edition. */
  date: string | undefined;
}

/** One BYOR row/item, keys lower-cased, with its position. */
interface ByorEntry {
  fields: Record<string, unknown>;
  at: SourcePosition;
  /** `row 3` / `item [2]` for messages. */
  label: string;
}

const REQUIRED = ['name', 'ring', 'quadrant'] as const;

/**
 * Reads a Thoughtworks Build-Your-Own-Radar CSV (header `name,ring,quadrant,isNew,description`;
 * newer sheets have `status` — `New`, `Moved In`, `Moved Out`, `No Change` — instead of `isNew`).
 * Column names are case-insensitive, extra columns are ignored; rows are parsed with csv-parse
 * (RFC 4180 quoting, BOM stripped). Pure.
 *
 * @throws AdrkitError `radar` at `file:line` with the CSV row number for a malformed row, a
 *   missing column or value, or a duplicate blip.
 */
export function readByorCsv(text: string, file: string, meta: ByorMeta): Radar {
  let rows: Array<{ record: Record<string, string>; info: { lines: number; records: number } }>;
  try {
    rows = parseCsv(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as typeof rows;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw radarError(`invalid BYOR CSV: ${e.message}`, { file, line: e.lines });
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].toLowerCase().split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  for (const column of REQUIRED) {
    if (!header.includes(column)) throw radarError(`BYOR CSV has no "${column}" column`, { file, line: 1, column: 1 }, 'the header must name the columns name, ring, quadrant (isNew or status, description optional)');
  }
  const entries = rows.map(({ record, info }) => ({ fields: record, at: { file, line: info.lines, column: 1 }, label: `row ${info.records}` }));
  return fromEntries(entries, meta, file);
}

/**
 * Reads a Thoughtworks Build-Your-Own-Radar JSON file: an array of
 * `{name, ring, quadrant, isNew|status, description}` objects (keys case-insensitive). Pure.
 *
 * @throws AdrkitError `radar` at `file:line:col` of the offending item.
 */
export function readByorJson(text: string, file: string, meta: ByorMeta): Radar {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw radarError(`invalid BYOR JSON: ${error.message.split('\n')[0]}`, { file, line: pos?.line, column: pos?.col });
  }
  if (!isSeq(doc.contents)) throw radarError('BYOR JSON must be an array of {name, ring, quadrant, isNew, description} objects', { file, line: 1, column: 1 });
  const entries: ByorEntry[] = doc.contents.items.map((item, i) => {
    const start = (item as unknown as { range?: [number] }).range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(start);
    const at = { file, line, column: col };
    if (!isMap(item)) throw radarError(`BYOR JSON item [${i}] is not an object`, at);
    const raw = item.toJSON() as Record<string, unknown>;
    const fields = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    return { fields, at, label: `item [${i}]` };
  });
  return fromEntries(entries, meta, file);
}

function fromEntries(entries: ByorEntry[], meta: ByorMeta, file: string): Radar {
  for (const entry of entries) {
    for (const key of REQUIRED) {
      const value = entry.fields[key];
      if (typeof value !== 'string' || value.trim() === '') throw radarError(`${entry.label}: missing ${key}`, entry.at, 'every BYOR row needs a name, a ring and a quadrant');
    }
  }
  const quadrants = quadrantsFromNames(entries.map((e) => String(e.fields.quadrant)));
  const rings = ringsFromNames(entries.map((e) => String(e.fields.ring)), entries, file);
  const blips = entries.map((e): Blip => {
    const name = String(e.fields.name).trim();
    const blip: Blip = { id: idFromName(name), name, aliases: [], quadrant: String(e.fields.quadrant), ring: String(e.fields.ring), links: [] };
    const description = typeof e.fields.description === 'string' ? e.fields.description.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : '';
    if (description) blip.summary = description;
    const isNew = isNewEntry(e.fields);
    if (isNew !== undefined) blip.isNew = isNew;
    return blip;
  });
  const checked = checkBlips(blips, quadrants, rings, (i) => ({ ...entries[i].at }));
  return { id: meta.id, name: meta.name, aliases: [], quadrants, rings, editions: [{ date: meta.date, blips: checked }], source: file };
}

/**
 * BYOR rings: the four classic Adopt/Trial/Assess/Hold when every ring name is classic;
 * otherwise rings in first-appearance order (as BYOR draws them), stance by position.
 */
function ringsFromNames(names: string[], entries: ByorEntry[], file: string): Ring[] {
  const distinct: string[] = [];
  for (const name of names) if (!distinct.some((d) => nameKey(d) === nameKey(name))) distinct.push(name.trim());
  if (distinct.every((n) => stanceOf(n))) return CLASSIC_RINGS.map((r) => ({ ...r, name: distinct.find((n) => stanceOf(n) === r.stance) ?? r.name }));
  if (distinct.length > CLASSIC_RINGS.length) {
    const extra = entries.find((e) => nameKey(String(e.fields.ring)) === nameKey(distinct[CLASSIC_RINGS.length]));
    throw radarError(`BYOR radars have at most 4 rings; "${distinct[CLASSIC_RINGS.length]}" is a 5th`, extra?.at ?? { file });
  }
  return distinct.map((name, i) => ({ id: idFromName(name), name, order: i + 1, stance: stanceOf(name) ?? CLASSIC_RINGS[i].stance }));
}

function isNewEntry(fields: Record<string, unknown>): boolean | undefined {
  const isNew = fields.isnew;
  if (typeof isNew === 'boolean') return isNew;
  if (typeof isNew === 'string' && isNew.trim()) return /^(true|yes|y|1)$/i.test(isNew.trim());
  const status = fields.status;
  if (typeof status === 'string' && status.trim()) return /^new$/i.test(status.trim());
  return undefined;
}
