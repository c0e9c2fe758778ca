import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { RadarFile, type Blip, type Radar, type RadarEdition } from '../../model/radar.js';
import { checkBlips, radarError, withStances, type SourcePosition } from './common.js';

type BlipInput = z.infer<typeof RadarFile>['blips'] extends (infer B)[] | undefined ? B : never;

/**
 * Reads a native adrkit radar (YAML or JSON — JSON is read as YAML 1.2) such as
 * `radar/sicara-2024.yaml`: `id`, `name`, `quadrants`, `rings`, and `blips` (+ `date`, else
 * `source.year` → `YYYY-01-01`) or `editions: [{date, blips}]`. Unknown keys (`name_en`,
 * `number`, `ring_inferred`, `declared_counts`…) are accepted; `name_en` becomes an alias. Pure.
 *
 * @param file - path used in error messages.
 * @throws AdrkitError `radar` with `file:line:col` of the first problem (invalid YAML, missing
 *   key, unknown quadrant or ring, duplicate blip id, no edition date).
 */
export function readNativeRadar(text: string, file: string): Radar {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    throw radarError(`invalid radar file: ${yamlError.message.split('\n')[0]}`, { file, line: pos?.line, column: pos?.col });
  }
  const at = (path: Array<string | number>): SourcePosition => locate(doc, lineCounter, path, file);
  const parsed = RadarFile.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    throw radarError(`invalid radar file at ${path.join('.') || '(root)'}: ${issue.message}`, at(path), 'see schema/radar.schema.json');
  }
  const data = parsed.data;
  const rings = withStances(data.rings, (i) => at(['rings', i]));
  const toBlips = (inputs: BlipInput[], prefix: Array<string | number>): Blip[] =>
    checkBlips(inputs.map(toBlip), data.quadrants, rings, (i, key) => at([...prefix, i, ...(key ? [key] : [])]));

  let editions: RadarEdition[];
  if (data.editions) {
    if (data.blips) throw radarError('a radar file has either `blips` (one edition) or `editions`, not both', at(['blips']));
    editions = data.editions.map((e, i) => ({ date: e.date, blips: toBlips(e.blips, ['editions', i, 'blips']) }));
  } else {
    const date = data.date ?? (data.source?.year ? `${data.source.year}-01-01` : undefined);
    if (!date) throw radarError('radar file has no edition date', at([]), 'add `date: YYYY-MM-DD` (or `editions: [{date, blips}]`)');
    editions = [{ date, blips: toBlips(data.blips ?? [], ['blips']) }];
  }
  return { id: data.id, name: data.name, aliases: [], quadrants: data.quadrants, rings, editions, source: file };
}

function toBlip(input: BlipInput): Blip {
  const extra = input as Record<string, unknown>;
  const aliases = [...(input.aliases ?? [])];
  if (typeof extra.name_en === 'string' && extra.name_en !== input.name) aliases.push(extra.name_en);
  const blip: Blip = { id: input.id, name: input.name, aliases, quadrant: input.quadrant, ring: input.ring, links: input.links ?? [] };
  if (input.summary !== undefined) blip.summary = input.summary;
  if (input.number !== undefined) blip.number = input.number;
  return blip;
}

function locate(doc: Document, lineCounter: LineCounter, path: Array<string | number>, file: string): SourcePosition {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const { line, col } = lineCounter.linePos(range[0]);
      return { file, line, column: col };
    }
  }
  return { file };
}
