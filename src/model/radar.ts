import { z } from 'zod';
import { IsoDate } from './record.js';

/**
 * What a ring means, whatever it is called: `adopt` (recommended), `trial` (worth using with
 * known limits), `assess` (explore with caution), `hold` (not recommended). Lets custom ring
 * names ("Use", "Avoid", "Explore") drive the radar lint rules.
 */
export const RingStance = z.enum(['adopt', 'trial', 'assess', 'hold']);
export type RingStance = z.infer<typeof RingStance>;

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, `.`, `_` and `-`');

/** A quadrant (sector) of a radar. Any number of quadrants, drawn clockwise by `order`. */
export const RadarQuadrant = z
  .object({
    id: Id,
    name: z.string().min(1),
    order: z.number().int().describe('drawing order, smallest first (clockwise from 12 o\'clock)'),
    description: z.string().optional(),
  })
  .loose();
export type RadarQuadrant = z.infer<typeof RadarQuadrant>;

/** A ring of a radar. Any number of rings; `order` 1 is the innermost. */
export const RadarRing = z
  .object({
    id: Id,
    name: z.string().min(1),
    order: z.number().int().describe('1 = innermost'),
    stance: RingStance.optional().describe('meaning of the ring; inferred when the id or name is adopt/trial/assess/hold'),
    description: z.string().optional(),
  })
  .loose();
export type RadarRing = z.infer<typeof RadarRing>;

/** A blip as written in a native radar file (extra keys such as `name_en`, `number`, `ring_inferred` are accepted). */
export const RadarBlipInput = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string()).optional(),
    quadrant: z.string().min(1).describe('quadrant id'),
    ring: z.string().min(1).describe('ring id'),
    summary: z.string().optional(),
    links: z.array(z.string()).optional(),
    number: z.number().int().positive().optional().describe('number printed on the radar'),
  })
  .loose();

/** One dated edition of a native radar file: the complete list of blips at that date. */
export const RadarEditionInput = z
  .object({
    date: IsoDate,
    blips: z.array(RadarBlipInput),
  })
  .strict();

/**
 * A native radar file (YAML or JSON), the format of `radar/sicara-2024.yaml`. Either one edition
 * (`date` + `blips`; without `date`, `source.year` gives `YYYY-01-01`) or several
 * (`editions: [{date, blips}]`, each a complete snapshot). Generates `schema/radar.schema.json`.
 */
export const RadarFile = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    name: z.string().min(1),
    date: IsoDate.optional().describe('date of this edition (single-edition files)'),
    source: z.object({ year: z.number().int().optional() }).loose().optional(),
    quadrants: z.array(RadarQuadrant).min(1),
    rings: z.array(RadarRing).min(1),
    blips: z.array(RadarBlipInput).optional(),
    editions: z.array(RadarEditionInput).optional(),
  })
  .loose();
export type RadarFile = z.infer<typeof RadarFile>;

/** A blip in memory, the same for every radar format. */
export interface Blip {
  /** Stable id, unique in its radar (`dinov2`). */
  id: string;
  name: string;
  /** Other names it may be referred to by (case-insensitive). */
  aliases: string[];
  /** Quadrant id. */
  quadrant: string;
  /** Ring id. */
  ring: string;
  summary?: string;
  links: string[];
  /** Number printed on the radar, when the source gives one. */
  number?: number;
  /** True when the source marks it new in this edition (BYOR `isNew`/`status`). */
  isNew?: boolean;
}

/** A ring in memory: stance always known. */
export interface Ring {
  id: string;
  name: string;
  /** 1 = innermost. */
  order: number;
  stance: RingStance;
  description?: string;
}

/** One edition of a radar: every blip at a date. */
export interface RadarEdition {
  /** `YYYY-MM-DD`; undefined for an undated edition (a BYOR file without a date), in force from the beginning. */
  date: string | undefined;
  blips: Blip[];
}

/** A technology radar in memory, with its editions oldest first. */
export interface Radar {
  id: string;
  name: string;
  /** Other ids it may be referred to by (`sicara-2024` for `builtin:sicara-2024`). */
  aliases: string[];
  quadrants: RadarQuadrant[];
  rings: Ring[];
  /** Oldest first; at least one. */
  editions: RadarEdition[];
  /** Where it was read from (path or `builtin:<name>`), for messages. */
  source?: string;
}
