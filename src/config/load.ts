import { lilconfig, type Loader } from 'lilconfig';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import { Config } from '../model/config.js';
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

const yamlLoader: Loader = (filepath, content) => {
  const doc = parseDocument(content, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new AdrkitError('config', `invalid YAML: ${error.message.split('\n')[0]}`, { file: filepath, line: pos?.line, column: pos?.col });
  }
  return doc.toJS();
};

const jsonLoader: Loader = (filepath, content) => {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new AdrkitError('config', `invalid JSON: ${(error as Error).message}`, { file: filepath });
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
    if (error instanceof AdrkitError) throw error;
    throw new AdrkitError('config', `cannot read configuration: ${(error as Error).message}`);
  }
  if (!found) return { config: {}, filepath: undefined };
  return { config: validateConfig(found.config, relative(cwd, found.filepath) || found.filepath), filepath: found.filepath };
}

/**
 * Validates configuration data against {@link Config}.
 * @throws AdrkitError `config` naming the first invalid key path and what was expected.
 */
export function validateConfig(data: unknown, file: string): Config {
  const result = Config.safeParse(data ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join('.') || '(root)';
  throw new AdrkitError('config', `invalid configuration at ${path}: ${issue.message}`, {
    file,
    hint: 'see schema/config.schema.json for the allowed keys',
  });
}
