import { positionAt } from '../util/text-position.js';
import { lilconfig, type Loader } from 'lilconfig';
import { relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { Config, RuleSeverity } from '../model/config.js';
import { yamlCause } from '../parse/yaml-errors.js';
import { closest } from '../util/suggest.js';
import { AdrkitError } from '../model/errors.js';

/** A loaded, validated configuration. */
export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file it came from, undefined when defaults are used. */
  filepath: string | undefined;
}

/**
 * File names searched, in order, in the project root (lilconfig). `adrkit.config.mjs` / `.js`
 * export the configuration as their default export (see `defineConfig`).
 */
export const CONFIG_FILES = ['package.json', 'adrkit.config.json', '.adrkitrc.json', 'adrkit.config.yaml', 'adrkit.config.yml', '.adrkitrc.yaml', '.adrkitrc.yml', 'adrkit.config.mjs', 'adrkit.config.js'];

/** Source text of each configuration file read, for positions of validation errors. */
const sources = new Map<string, string>();

const yamlLoader: Loader = (filepath, content) => {
  sources.set(filepath, content);
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const cause = yamlCause(content, doc.errors, 'the configuration');
    const pos = lineCounter.linePos(cause.offset);
    throw new AdrkitError('config', `invalid YAML: ${cause.message}`, { file: filepath, line: pos.line, column: pos.col });
  }
  return doc.toJS();
};

const jsonLoader: Loader = (filepath, content) => {
  sources.set(filepath, content);
  try {
    return JSON.parse(content);
  } catch (error) {
    // V8: "Unexpected token } in JSON at position 42" / "… (line 3 column 5)".
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const pos = at ? positionAt(content, Number(at[1])) : undefined;
    const what = message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw new AdrkitError('config', `invalid JSON: ${what}`, { file: filepath, line: pos?.line, column: pos?.column, hint: 'JSON has no comments or trailing commas; keys and strings take double quotes' });
  }
};

/**
 * Loads and validates the adrkit configuration of a project with lilconfig (searched in `cwd`
 * only, no walking up). A missing configuration gives defaults.
 *
 * @throws AdrkitError `config` with the file and the first invalid key, e.g. `rules.foo: expected ...`.
 */
export async function loadConfig(cwd: string): Promise<LoadedConfig> {
  const explorer = lilconfig('adrkit', {
    searchPlaces: CONFIG_FILES,
    stopDir: cwd,
    loaders: { '.json': jsonLoader, '.yaml': yamlLoader, '.yml': yamlLoader, noExt: yamlLoader },
  });
  let found: { config: unknown; filepath: string } | null;
  try {
    found = await explorer.search(cwd);
  } catch (error) {
    if (error instanceof AdrkitError) {
      const { file } = error.details;
      throw file ? new AdrkitError(error.code, error.message, { ...error.details, file: relative(cwd, file) || file }) : error;
    }
    throw new AdrkitError('config', `cannot read configuration: ${(error as Error).message}`);
  }
  if (!found) return { config: {}, filepath: undefined };
  const source = found.filepath.endsWith('package.json') ? undefined : sources.get(found.filepath);
  return { config: validateConfig(found.config, relative(cwd, found.filepath) || found.filepath, source), filepath: found.filepath };
}

/**
 * Validates configuration data against {@link Config}.
 *
 * @param source - text of the file, when known: the error then points at `line:col` of the key.
 * @throws AdrkitError `config` naming the first invalid key path and what was expected: unknown
 *   keys with "did you mean", rule severities with the valid values, and a hint to the project's
 *   own `$schema` (or the schema adrkit ships).
 */
export function validateConfig(data: unknown, file: string, source?: string): Config {
  const result = Config.safeParse(data ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  const schema = data && typeof data === 'object' && typeof (data as Record<string, unknown>).$schema === 'string' ? String((data as Record<string, unknown>).$schema) : undefined;
  const hint = `the allowed keys and values are in ${schema ?? 'node_modules/adrkit/schema/config.schema.json'}${schema ? '' : ' (add "$schema" to get them in your editor)'}`;
  let message: string;
  let at = path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const known = Object.keys(shapeAt(path));
    const near = closest(key, known);
    message = `unknown key "${[...path, key].join('.')}"${near ? ` (did you mean "${near}"?)` : ''}; allowed here: ${known.join(', ')}`;
    at = [...path, key];
  } else if (path[0] === 'rules' && path.length >= 2) {
    message = `rule "${path[1]}": the setting must be one of ${RuleSeverity.options.map((o) => `"${o}"`).join(', ')}, or [severity, { options }]; got ${JSON.stringify(valueAt(data, path.slice(0, 2)))}`;
    at = path.slice(0, 2);
  } else {
    message = `invalid configuration at ${path.join('.') || '(root)'}: ${issue.message}`;
  }
  const pos = source === undefined ? undefined : locateKey(source, at);
  throw new AdrkitError('config', message, { file, line: pos?.line, column: pos?.column, hint });
}

/** The object schema's keys at a config path (root or `site`). */
function shapeAt(path: string[]): Record<string, unknown> {
  if (path[0] === 'site') return Config.shape.site.unwrap().shape;
  return Config.shape;
}

function valueAt(data: unknown, path: string[]): unknown {
  let v = data;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** 1-based position of the key at `path` in a JSON or YAML text (JSON read as YAML flow), or of its nearest parent. */
function locateKey(source: string, path: string[]): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number, number] }).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(key)) {
      const item = node.items[Number(key)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0];
      node = item;
    } else break;
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
