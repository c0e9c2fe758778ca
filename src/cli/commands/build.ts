import { Option } from 'commander';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { progressOn, reportSiteProblems } from '../helpers.js';
import { buildProject, type BuildProjectOptions } from '../../workspace/build-project.js';

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
    .action(async (opts: BuildProjectOptions & { output?: string }) => {
      const result = await buildProject(ctx.cwd(), {
        dir: opts.dir,
        out: opts.output ?? opts.out,
        baseUrl: opts.baseUrl,
        title: opts.title,
        cache: opts.cache,
        progress: progressOn(ctx.io),
      });
      reportSiteProblems(ctx.io, result);
      ctx.io.stdout.write(`${pathToFileURL(resolve(result.out, 'index.html')).href}\n`);
      ctx.exit(EXIT.ok);
    });
};
export default buildCommand;
