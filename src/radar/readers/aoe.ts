import type { Blip, Radar, RadarEdition, RadarQuadrant, Ring } from '../../model/radar.js';
import { parseFrontmatter } from '../../parse/frontmatter.js';
import { plainText } from '../../parse/markdown.js';
import { CLASSIC_RINGS, checkBlips, findByName, idFromName, quadrantsFromNames, radarError, stanceOf } from './common.js';

/** A markdown file of an AOE radar folder. */
export interface AoeFile {
  /** Path relative to the radar folder, `/` separators: `2023-01-01/react.md`. */
  path: string;
  text: string;
}

/** Optional AOE `config.json` content (v4): quadrant and ring ids and titles. */
export interface AoeConfig {
  quadrants?: Array<{ id: string; title?: string; name?: string }>;
  rings?: Array<{ id: string; title?: string; name?: string }>;
}

interface Item {
  id: string;
  title?: string;
  ring?: string;
  quadrant?: string;
  tags: string[];
  summary?: string;
  file: string;
  locate: (key: string) => { line: number; column: number };
}

/**
 * Reads an AOE technology-radar folder (aoe_technology_radar): one markdown file per item in
 * dated release folders (`2023-01-01/react.md`), YAML frontmatter `title`, `ring`, `quadrant`
 * (older radars: `segment`), `tags`. The file name is the blip id. Releases are merged in date
 * order: an item in a later release overrides the earlier one's attributes (so `title` and
 * `quadrant` may be omitted there), and items not repeated stay in the radar. Each release is one
 * edition. Pure.
 *
 * @param dir - folder path for messages.
 * @throws AdrkitError `radar` at `file:line:col` for a folder that is not a date, invalid
 *   frontmatter, a missing ring or quadrant, an unknown quadrant (when `config.json` lists them).
 */
export function readAoeRadar(files: AoeFile[], dir: string, meta: { id: string; name: string }, config: AoeConfig = {}): Radar {
  const releases = new Map<string, Item[]>();
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const file = `${dir}/${f.path}`;
    const parts = f.path.split('/');
    const release = parts.length >= 2 ? parts[parts.length - 2] : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(release)) throw radarError('AOE radar items must be in a release folder named YYYY-MM-DD', { file, line: 1, column: 1 }, `move it to ${dir}/<YYYY-MM-DD>/${parts[parts.length - 1]}`);
    const fm = parseFrontmatter(f.text);
    const problem = fm.problems.find((p) => p.code !== 'bom');
    if (problem) throw radarError(problem.message, { file, line: problem.line, column: problem.column });
    if (!fm.present) throw radarError('AOE radar item has no frontmatter (title, ring, quadrant)', { file, line: 1, column: 1 });
    const d = fm.data;
    const str = (key: string) => {
      const v = d[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' || !v.trim()) throw radarError(`\`${key}\` must be a non-empty string`, { file, ...fm.locate(key) });
      return v.trim();
    };
    const tags = Array.isArray(d.tags) ? d.tags.map(String) : [];
    const firstParagraph = plainText(fm.body.split(/\n\s*\n/).find((p) => p.trim() && !p.trim().startsWith('#')) ?? '').trim();
    const item: Item = {
      id: parts[parts.length - 1].replace(/\.md$/i, ''),
      title: str('title'),
      ring: str('ring'),
      quadrant: str('quadrant') ?? str('segment'),
      tags,
      summary: firstParagraph || undefined,
      file,
      locate: (key) => fm.locate(key),
    };
    releases.set(release, [...(releases.get(release) ?? []), item]);
  }
  if (releases.size === 0) throw radarError('AOE radar folder has no release folders with markdown items', { file: dir }, 'expected <folder>/YYYY-MM-DD/<item>.md');

  const dates = [...releases.keys()].sort();
  const quadrants: RadarQuadrant[] = config.quadrants?.length
    ? config.quadrants.map((q, i) => ({ id: q.id, name: q.title ?? q.name ?? q.id, order: i + 1 }))
    : quadrantsFromNames(dates.flatMap((date) => releases.get(date)!.map((i) => i.quadrant).filter((q): q is string => q !== undefined)));
  const rings: Ring[] = config.rings?.length
    ? config.rings.map((r, i) => ({ id: r.id, name: r.title ?? r.name ?? r.id, order: i + 1, stance: stanceOf(r.id) ?? stanceOf(r.title ?? '') ?? CLASSIC_RINGS[Math.min(i, 3)].stance }))
    : CLASSIC_RINGS;

  const current = new Map<string, Blip>();
  const editions: RadarEdition[] = [];
  for (const date of dates) {
    for (const [id, blip] of current) current.set(id, { ...blip, isNew: false });
    for (const item of releases.get(date)!) {
      const before = current.get(item.id);
      const ring = item.ring ?? before?.ring;
      const quadrant = item.quadrant ?? before?.quadrant;
      if (!ring) throw radarError(`item "${item.id}" has no ring`, { file: item.file, line: 2, column: 1 }, 'add `ring: adopt|trial|assess|hold` to its frontmatter');
      if (!quadrant) throw radarError(`item "${item.id}" has no quadrant`, { file: item.file, line: 2, column: 1 }, 'add `quadrant: <quadrant>` to its frontmatter');
      const q = findByName(quadrants, quadrant, 'quadrant', () => ({ file: item.file, ...item.locate(item.quadrant ? 'quadrant' : 'segment') }));
      const r = findByName(rings, ring, 'ring', () => ({ file: item.file, ...item.locate('ring') }));
      const blip: Blip = {
        id: item.id,
        name: item.title ?? before?.name ?? item.id,
        aliases: [],
        quadrant: q.id,
        ring: r.id,
        links: [],
        isNew: !before,
      };
      const summary = item.summary ?? before?.summary;
      if (summary) blip.summary = summary;
      current.set(item.id, blip);
    }
    editions.push({ date, blips: checkBlips([...current.values()], quadrants, rings, () => ({ file: dir })) });
  }
  return { id: meta.id, name: meta.name, aliases: [], quadrants, rings, editions, source: dir };
}

/** Id of an AOE radar from its folder name. */
export function aoeRadarId(folderName: string): string {
  return idFromName(folderName);
}
