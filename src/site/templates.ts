import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import type { SiteTemplates } from './types.js';

/** Folder of the built-in site theme. */
export const DEFAULT_SITE_TEMPLATES = join(PACKAGE_ROOT, 'templates', 'site');

/**
 * Loads the site theme (edge: reads files): `*.hbs` pages, `partials/*.hbs` and `assets/*` from
 * adrkit's `templates/site`, then the same names from `overrideDir` (config `site.templates`)
 * on top, so a project may replace any single template, partial or asset. Adds minisearch's
 * browser UMD build as `assets/minisearch.js`.
 *
 * @throws AdrkitError `not-found` when `overrideDir` does not exist.
 */
export function loadSiteTemplates(overrideDir?: string): SiteTemplates {
  const result: SiteTemplates = { pages: {}, partials: {}, assets: {} };
  readTheme(DEFAULT_SITE_TEMPLATES, result);
  if (overrideDir) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) {
      throw new AdrkitError('not-found', `site templates folder ${overrideDir} does not exist`, { hint: 'fix "site.templates" in the adrkit config, or create the folder' });
    }
    readTheme(overrideDir, result);
  }
  if (!result.assets['assets/minisearch.js']) result.assets['assets/minisearch.js'] = readFileSync(minisearchUmdPath(), 'utf8');
  return result;
}

function readTheme(dir: string, into: SiteTemplates): void {
  for (const name of list(dir)) {
    if (name.endsWith('.hbs')) into.pages[name.slice(0, -4)] = readFileSync(join(dir, name), 'utf8');
  }
  for (const name of list(join(dir, 'partials'))) {
    if (name.endsWith('.hbs')) into.partials[name.slice(0, -4)] = readFileSync(join(dir, 'partials', name), 'utf8');
  }
  for (const name of list(join(dir, 'assets'))) {
    const path = join(dir, 'assets', name);
    if (statSync(path).isFile()) into.assets[`assets/${name}`] = readFileSync(path, 'utf8');
  }
}

function list(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Path of minisearch's browser UMD build (defines `globalThis.MiniSearch`). */
export function minisearchUmdPath(): string {
  const require = createRequire(import.meta.url);
  const cjs = require.resolve('minisearch');
  return join(dirname(cjs), '..', 'umd', 'index.js');
}
