import { Option } from 'commander';
import { resolve, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { openProject, readProjectLogs, requireRecords, type Project } from '../../workspace/project.js';
import { collectSite, type CollectedSite } from '../../site/io/collect.js';
import { planSite } from '../../site/build.js';
import { loadSiteTemplates } from '../../site/io/templates.js';
import { writeSiteAsync } from '../../site/io/write.js';
import type { CliIo } from '../io.js';
import type { SiteTemplates } from '../../site/types.js';
import { loadRadars } from '../../radar/load.js';
import { siteRadar } from '../../site/radar-data.js';
import { RecordCache } from '../../workspace/record-cache.js';

/** Options of `adrkit build` (and the shared part of `adrkit preview`). */
export interface BuildOptions {
  dir?: string;
  out?: string;
  baseUrl?: string;
  title?: string;
  /** `--no-cache`: parse every record and read the whole git history again. */
  cache?: boolean;
}

/** Everything needed to (re)build a project's site. */
export interface PreparedSite {
  project: Project;
  collected: CollectedSite;
  templates: SiteTemplates;
  out: string;
}

/**
 * Reads the project, its decision logs and their git history, and loads the site theme; reports
 * warnings and unreadable records on stderr (`file:line:col: message`). Shared by `build` and
 * `preview`.
 */
export async function prepareSite(cwd: string, opts: BuildOptions, io: CliIo): Promise<PreparedSite> {
  const progress = (text: string) => {
    if (io.stderr.isTTY) io.stderr.write(`${text}\n`);
  };
  const project = await openProject(cwd, opts.dir);
  const site = project.config.config.site ?? {};
  // The parse cache and git history snapshot `adrkit lint` keeps (see RecordCache): unchanged
  // records are not parsed again and only commits newer than the snapshot are read.
  const cache = opts.cache === false ? undefined : RecordCache.open(cwd);
  progress('adrkit: reading decision records…');
  const logs = readProjectLogs(project, { cache });
  requireRecords(logs);
  progress('adrkit: reading git history…');
  const collected = await collectSite(
    cwd,
    logs,
    {
      title: opts.title ?? site.title ?? 'Decision log',
      baseUrl: opts.baseUrl ?? site.baseUrl ?? '',
      repositoryUrl: site.repositoryUrl,
      branch: site.branch,
    },
    { cache },
  );
  cache?.save();
  for (const warning of collected.warnings) io.stderr.write(`adrkit: warning: ${warning}\n`);
  for (const problem of collected.problems) io.stderr.write(`${problem}\n`);
  // From the site's own copies: a cached record's options would load its full record again.
  const records = collected.input.records.map((r) => r.record);
  // Every configured radar is shown on the radar page (configuration order).
  const radars = project.config.config.radars || records.some((r) => r.options.some((o) => o.blip)) ? loadRadars(cwd, project.config.config.radars).radars : [];
  if (radars.length > 0) {
    collected.input.radars = radars.map((radar) => siteRadar(radar, records));
    collected.input.radar = collected.input.radars[0];
  }
  const templates = loadSiteTemplates(site.templates ? resolveFrom(cwd, site.templates) : undefined, cwd);
  const out = resolveFrom(cwd, opts.out ?? site.out ?? '_site');
  return { project, collected, templates, out };
}

function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

const buildCommand: CommandModule = (program, ctx) => {
  program
    .command('build')
    .description('generate the static decision-log site (works from file://, no server needed)')
    .option('-d, --dir <dir>', 'decision log folder (default: configured or auto-detected)')
    .option('-o, --output <dir>', 'output folder (default: config site.out or _site)')
    .addOption(new Option('--out <dir>').hideHelp())
    .option('--base-url <url>', "absolute URL the site is published at (enables sitemap.xml); '' keeps every link relative")
    .option('--title <title>', 'site title (default: config site.title or "Decision log")')
    .option('--no-cache', 'parse every record and read the whole git history again (the cache keeps parsed records and history)')
    .action(async (opts: BuildOptions & { output?: string }) => {
      const prepared = await prepareSite(ctx.cwd(), { ...opts, out: opts.output ?? opts.out }, ctx.io);
      if (ctx.io.stderr.isTTY) ctx.io.stderr.write(`adrkit: rendering ${prepared.collected.input.records.length} decision records…\n`);
      // Pages are rendered and written one at a time into the temp folder, then swapped in.
      await writeSiteAsync(prepared.out, planSite(prepared.collected.input, prepared.templates).each());
      ctx.io.stdout.write(`${pathToFileURL(resolve(prepared.out, 'index.html')).href}\n`);
      ctx.exit(EXIT.ok);
    });
};
export default buildCommand;
