import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { AdrkitError } from '../../model/errors.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import type { SiteTemplates } from '../types.js';

/** Folder of the built-in site theme. */
export const DEFAULT_SITE_TEMPLATES = join(PACKAGE_ROOT, 'templates', 'site');

/**
 * Loads the site theme (edge: reads files): `*.hbs` pages, `partials/*.hbs` and `assets/*` from
 * adrkit's `templates/site`, then the same names from `overrideDir` (config `site.templates`)
 * on top, so a project may replace any single template, partial or asset. Adds minisearch's
 * browser UMD build as `assets/minisearch.js` and Mermaid's browser bundle as `assets/mermaid.js`
 * (published only by sites with a diagram).
 *
 * Project templates are confined to the project: the folder must lie inside `projectRoot` and a
 * template that is a symbolic link leading outside its folder is refused, so a configuration
 * cannot make the site publish files from elsewhere on the machine.
 *
 * @throws AdrkitError `not-found` when `overrideDir` does not exist; `unsafe` when it, or one of its
 *   files, resolves outside the project.
 */
export function loadSiteTemplates(overrideDir?: string, projectRoot?: string): SiteTemplates {
  const result: SiteTemplates = { pages: {}, partials: {}, assets: {} };
  readTheme(DEFAULT_SITE_TEMPLATES, result);
  if (overrideDir) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) {
      throw new AdrkitError('not-found', `site templates folder ${overrideDir} does not exist`, { hint: 'fix "site.templates" in the adrkit config, or create the folder' });
    }
    const real = realpathSync(overrideDir);
    if (projectRoot && !inside(realpathSync(projectRoot), real)) {
      throw new AdrkitError('unsafe', `site templates folder ${overrideDir} is outside the project`, { hint: 'keep "site.templates" inside the project folder' });
    }
    readTheme(real, result, real);
  }
  if (!result.assets['assets/minisearch.js']) result.assets['assets/minisearch.js'] = readFileSync(minisearchUmdPath(), 'utf8');
  if (!result.assets['assets/mermaid.js']) result.assets['assets/mermaid.js'] = readFileSync(mermaidBundlePath(), 'utf8');
  return result;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readTheme(dir: string, into: SiteTemplates, confine?: string): void {
  const read = (path: string) => {
    if (confine && !inside(confine, realpathSync(path))) {
      throw new AdrkitError('unsafe', `template ${path} links outside the templates folder`, { file: path, hint: 'replace the symbolic link by a regular file' });
    }
    return readFileSync(path, 'utf8');
  };
  for (const name of list(dir)) {
    if (name.endsWith('.hbs')) into.pages[name.slice(0, -4)] = read(join(dir, name));
  }
  for (const name of list(join(dir, 'partials'))) {
    if (name.endsWith('.hbs')) into.partials[name.slice(0, -4)] = read(join(dir, 'partials', name));
  }
  for (const name of list(join(dir, 'assets'))) {
    const path = join(dir, 'assets', name);
    if (statSync(path).isFile()) into.assets[`assets/${name}`] = read(path);
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

/** Path of Mermaid's browser bundle (an IIFE defining `globalThis.mermaid`; no network access of its own). */
export function mermaidBundlePath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
}
