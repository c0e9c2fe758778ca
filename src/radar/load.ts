import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { z } from 'zod';
import type { RadarSource } from '../model/config.js';
import { AdrkitError } from '../model/errors.js';
import type { Radar } from '../model/radar.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { didYouMean } from '../util/suggest.js';
import { mergeRadars } from './editions.js';
import type { RadarSet } from './resolve.js';
import { readNativeRadar } from './readers/native.js';
import { readByorCsv, readByorJson } from './readers/byor.js';
import { readAoeRadar, type AoeConfig } from './readers/aoe.js';
import { idFromName } from './readers/common.js';

type Source = z.infer<typeof RadarSource>;
type Format = 'native' | 'byor-csv' | 'byor-json' | 'aoe';

/** Radars shipped with adrkit: `builtin:<name>` → file under the package's `radar/`. */
export const BUILTIN_RADARS: Record<string, string> = { 'sicara-2024': 'radar/sicara-2024.yaml' };

/** Radars used when the configuration has no `radars`. */
export const DEFAULT_RADARS: Source[] = ['builtin:sicara-2024'];

/**
 * Loads the configured radars (edge: reads files). Sources are `builtin:<name>`, a path (file or
 * AOE folder, relative to `cwd`), or `{id, path, format}`. The format is detected when not given:
 * a folder is AOE, `.csv` is BYOR CSV, `.json` is native when it is an object and BYOR when it is
 * an array, `.yaml`/`.yml` is native. Sources with the same radar id are merged into editions.
 *
 * @param sources - config `radars`; {@link DEFAULT_RADARS} when undefined.
 * @throws AdrkitError `config` for an unknown builtin or a missing path; `radar` (with
 *   file:line:col) for a source that does not parse.
 */
export function loadRadars(cwd: string, sources: Source[] | undefined): RadarSet {
  const radars = (sources ?? DEFAULT_RADARS).map((source) => withStandardRingNames(readRadarSource(cwd, source)));
  return { radars: mergeRadars(radars) };
}

/**
 * The four standard rings are named one way whatever the radar file wrote (`Adopt` in BYOR,
 * `ADOPT` in the built-in radar, `adopt` in a CSV): ADOPT, TRIAL, ASSESS, HOLD, as in the
 * Thoughtworks radar. Other ring names are kept.
 */
function withStandardRingNames(radar: Radar): Radar {
  const standard = new Set(['adopt', 'trial', 'assess', 'hold']);
  return { ...radar, rings: radar.rings.map((ring) => (standard.has(ring.name.trim().toLowerCase()) ? { ...ring, name: ring.name.trim().toUpperCase() } : ring)) };
}

/** Reads one configured radar source. See {@link loadRadars}. */
function readRadarSource(cwd: string, source: Source): Radar {
  const spec = typeof source === 'string' ? { path: source } : source;
  if (spec.path.startsWith('builtin:')) {
    const name = spec.path.slice('builtin:'.length);
    const file = BUILTIN_RADARS[name];
    if (!file) throw new AdrkitError('config', `unknown built-in radar "${spec.path}"${didYouMean(name, Object.keys(BUILTIN_RADARS))}`, { hint: `built-in radars: ${Object.keys(BUILTIN_RADARS).map((n) => `builtin:${n}`).join(', ')}` });
    const radar = readNativeRadar(readFileSync(join(PACKAGE_ROOT, file), 'utf8'), spec.path);
    return { ...radar, id: spec.id ?? radar.id, aliases: [...radar.aliases, name, ...(spec.id ? [radar.id] : [])] };
  }
  const abs = isAbsolute(spec.path) ? spec.path : resolve(cwd, spec.path);
  const shown = relative(cwd, abs) || abs;
  if (!existsSync(abs)) throw new AdrkitError('config', `radar ${shown} does not exist`, { hint: 'fix "radars" in the adrkit configuration (paths are relative to the project root)' });
  const format: Format = spec.format ?? detectFormat(abs);
  const fileBase = basename(abs, extname(abs));
  const date = /(\d{4}-\d{2}-\d{2})/.exec(fileBase)?.[1];
  const derivedId = idFromName(fileBase.replace(/[-_ ]?\d{4}-\d{2}-\d{2}[-_ ]?/, ' ').trim() || fileBase);
  switch (format) {
    case 'native': {
      const radar = readNativeRadar(readFileSync(abs, 'utf8'), shown);
      return spec.id ? { ...radar, id: spec.id, aliases: [...radar.aliases, radar.id] } : radar;
    }
    case 'byor-csv':
      return readByorCsv(readFileSync(abs, 'utf8'), shown, { id: spec.id ?? derivedId, name: fileBase, date });
    case 'byor-json':
      return readByorJson(readFileSync(abs, 'utf8'), shown, { id: spec.id ?? derivedId, name: fileBase, date });
    case 'aoe':
      return readAoeFolder(abs, shown, spec.id);
  }
}

function detectFormat(abs: string): Format {
  if (statSync(abs).isDirectory()) return 'aoe';
  const ext = extname(abs).toLowerCase();
  if (ext === '.csv') return 'byor-csv';
  if (ext === '.json') return readFileSync(abs, 'utf8').trimStart().startsWith('[') ? 'byor-json' : 'native';
  return 'native';
}

/** An AOE folder: the release folders, or a repository root holding `radar/<YYYY-MM-DD>/`. */
function readAoeFolder(abs: string, shown: string, id: string | undefined): Radar {
  const root = existsSync(join(abs, 'radar')) && statSync(join(abs, 'radar')).isDirectory() ? join(abs, 'radar') : abs;
  const files = globSync('*/*.md', { cwd: root }).sort().map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
  let config: AoeConfig = {};
  for (const candidate of [join(abs, 'config.json'), join(root, 'config.json')]) {
    if (!existsSync(candidate)) continue;
    try {
      config = JSON.parse(readFileSync(candidate, 'utf8')) as AoeConfig;
    } catch (error) {
      throw new AdrkitError('radar', `invalid AOE config.json: ${(error as Error).message}`, { file: `${shown}/${relative(abs, candidate).replace(/\\/g, '/')}` });
    }
    break;
  }
  const name = basename(abs) === 'radar' ? basename(resolve(abs, '..')) : basename(abs);
  const rootShown = root === abs ? shown : `${shown}/radar`;
  return readAoeRadar(files, rootShown, { id: id ?? idFromName(name), name }, config);
}
