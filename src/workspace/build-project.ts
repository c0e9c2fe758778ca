import { isAbsolute, resolve } from 'node:path';
import { loadRadars } from '../radar/load.js';
import { planSite } from '../site/build.js';
import { collectSite, type CollectedSite } from '../site/io/collect.js';
import { loadSiteTemplates } from '../site/io/templates.js';
import { writeSiteAsync } from '../site/io/write.js';
import { siteRadar } from '../site/radar-data.js';
import type { SiteTemplates } from '../site/types.js';
import { openProject, readProjectLogs, requireRecords, type Project } from './project.js';
import { RecordCache } from './record-cache.js';

/** Options of {@link buildProject} and {@link prepareProjectSite} (the `adrkit build` flags). */
export interface BuildProjectOptions {
  /** `--dir`: the decision log folder instead of the configured / detected one. */
  dir?: string;
  /** Output folder, relative to `cwd` or absolute (default: config `site.out`, else `_site`). */
  out?: string;
  /**
   * Absolute URL the site is published at (`https://org.github.io/repo/`; enables `sitemap.xml`
   * and absolute feed links), or `''` for relative links everywhere (default: config `site.baseUrl`, else `''`).
   */
  baseUrl?: string;
  /** Site title (default: config `site.title`, else `Decision log`). */
  title?: string;
  /** False: parse every record and read the whole git history again (default: the record cache, see `RecordCache`). */
  cache?: boolean;
  /** Receives a line as each phase starts (reading records, git history, rendering), for a progress display. */
  progress?: (message: string) => void;
}

/** A project's site, read and ready to plan: the result of {@link prepareProjectSite}. */
export interface ProjectSite {
  project: Project;
  /** The site input with the project's radars, the history per log and the repository root. */
  collected: CollectedSite;
  templates: SiteTemplates;
  /** Absolute output folder. */
  out: string;
  /** One-line warnings (shallow clone, git missing, …), de-duplicated. */
  warnings: string[];
  /** Files that could not be read and images that are not published, as `file:line:col: message`. */
  problems: string[];
}

/** What {@link buildProject} wrote. */
export interface BuildProjectResult extends Omit<ProjectSite, 'collected' | 'templates'> {
  /** Output paths of the files written, relative to `out` (`/` separators), sorted; the `.adrkit-site` marker is not listed. */
  files: string[];
  /** Decision records on the site. */
  records: number;
  /** HTML pages written (home, records, timeline, tags, graph, radar). */
  pages: number;
}

/**
 * Reads everything the site of the project at `cwd` is built from, as `adrkit build` and
 * `adrkit preview` do (edge): configuration, the decision logs (through the record cache unless
 * `cache` is false), their git history (one pass per log, or only the commits since the cached
 * snapshot), the configured radars (when configured, or when an option links a blip), and the site
 * theme (adrkit's, with the project's `site.templates` on top). Saves the cache.
 *
 * @param cwd - project folder (absolute).
 * @throws AdrkitError `not-found` when there is no decision log or it holds no record, `config`
 *   for a bad configuration, `radar` for an unreadable radar, `not-found` / `unsafe` for a bad
 *   `site.templates` folder.
 */
export async function prepareProjectSite(cwd: string, options: BuildProjectOptions = {}): Promise<ProjectSite> {
  const progress = options.progress ?? (() => {});
  const project = await openProject(cwd, options.dir);
  const site = project.config.config.site ?? {};
  // The parse cache and git history snapshot `adrkit lint` keeps (see RecordCache): unchanged
  // records are not parsed again and only commits newer than the snapshot are read.
  const cache = options.cache === false ? undefined : RecordCache.open(cwd);
  progress('reading decision records…');
  const logs = readProjectLogs(project, { cache });
  requireRecords(logs);
  progress('reading git history…');
  const collected = await collectSite(
    cwd,
    logs,
    {
      title: options.title ?? site.title ?? 'Decision log',
      baseUrl: options.baseUrl ?? site.baseUrl ?? '',
      repositoryUrl: site.repositoryUrl,
      branch: site.branch,
    },
    { cache },
  );
  cache?.save();
  // From the site's own copies: a cached record's options would load its full record again.
  const records = collected.input.records.map((r) => r.record);
  // Every configured radar is shown on the radar page (configuration order).
  const radars = project.config.config.radars || records.some((r) => r.options.some((o) => o.blip)) ? loadRadars(cwd, project.config.config.radars).radars : [];
  if (radars.length > 0) {
    collected.input.radars = radars.map((radar) => siteRadar(radar, records));
    collected.input.radar = collected.input.radars[0];
  }
  const templates = loadSiteTemplates(site.templates ? resolveFrom(cwd, site.templates) : undefined, cwd);
  const out = resolveFrom(cwd, options.out ?? site.out ?? '_site');
  return { project, collected, templates, out, warnings: collected.warnings, problems: collected.problems };
}

/**
 * Builds the decision-log site of the project at `cwd` into its output folder, as `adrkit build`
 * does (edge): {@link prepareProjectSite}, then `planSite`, each page rendered and written one at
 * a time into a temp folder swapped in over the output folder (see `writeSiteAsync`), so a failed
 * build leaves the previous site as it was. Same input, byte-identical site.
 *
 * @param cwd - project folder (absolute).
 * @returns what was written; warnings and problems are returned, not printed.
 * @throws AdrkitError as {@link prepareProjectSite}; `unsafe` when the output folder is a file or a
 *   non-empty folder adrkit did not write; `config` when a site template does not compile; `io`
 *   when the output cannot be written.
 */
export async function buildProject(cwd: string, options: BuildProjectOptions = {}): Promise<BuildProjectResult> {
  const { collected, templates, ...prepared } = await prepareProjectSite(cwd, options);
  const records = collected.input.records.length;
  options.progress?.(`rendering ${records} decision records…`);
  const plan = planSite(collected.input, templates);
  const files: string[] = [];
  let pages = 0;
  const written = function* () {
    for (const entry of plan.each()) {
      files.push(entry[0]);
      if (entry[0].endsWith('.html')) pages++;
      yield entry;
    }
  };
  await writeSiteAsync(prepared.out, written());
  return { ...prepared, files: files.sort(), records, pages };
}

function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
