import { Option } from 'commander';
import { relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { Preview } from '../../site/io/preview.js';
import { updateSite, writeSite } from '../../site/io/write.js';
import { prepareProjectSite } from '../../workspace/build-project.js';
import { progressOn, reportSiteProblems } from '../helpers.js';

const previewCommand: CommandModule = (program, ctx) => {
  program
    .command('preview')
    .description('serve the decision-log site on 127.0.0.1, rebuild on change and live-reload the browser')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-p, --port <port>', 'port (0 picks a free one)', '4000')
    .option('-o, --output <dir>', 'also write the site to this folder and keep it up to date')
    .addOption(new Option('--out <dir>').hideHelp())
    .option('--title <title>', 'site title')
    .action(async (given: { dir?: string; port: string; output?: string; out?: string; title?: string }) => {
      const opts = { ...given, out: given.output ?? given.out };
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AdrkitError('usage', `invalid --port ${opts.port}`, { hint: 'use a number from 0 to 65535' });
      const prepared = await prepareProjectSite(ctx.cwd(), { dir: opts.dir, out: opts.out, title: opts.title, baseUrl: '', progress: progressOn(ctx.io) });
      reportSiteProblems(ctx.io, prepared);
      const preview = new Preview(prepared.collected, prepared.templates);
      if (opts.out) writeSite(prepared.out, preview.session.files);
      let server;
      try {
        server = await preview.listen(port);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new AdrkitError('io', `cannot listen on 127.0.0.1:${port} (${code ?? (error as Error).message})`, { hint: 'pass another --port, or --port 0 for a free one' });
      }
      const address = server.address() as AddressInfo;
      ctx.io.stdout.write(`http://127.0.0.1:${address.port}/\n`);
      const stopWatching = preview.watch(prepared.project.dirs, ({ path, update, readsAgain, error }) => {
        const name = relative(ctx.cwd(), path);
        if (error) {
          ctx.io.stderr.write(`adrkit: ${error instanceof AdrkitError ? error.format() : (error as Error).message}\n`);
          return;
        }
        for (const line of update?.problems ?? []) ctx.io.stderr.write(`adrkit: ${line}\n`);
        if (readsAgain) ctx.io.stderr.write(`adrkit: ${name} reads again\n`);
        if (opts.out && update && (update.changed.length || update.removed.length)) {
          try {
            updateSite(prepared.out, new Map(update.changed.map((p) => [p, preview.session.files.get(p)!])), update.removed);
          } catch (writeError) {
            ctx.io.stderr.write(`adrkit: ${writeError instanceof AdrkitError ? writeError.format() : (writeError as Error).message}\n`);
          }
        }
        if (update?.changed.length) ctx.io.stderr.write(`adrkit: rebuilt ${update.changed.length} file(s) after ${name}\n`);
      });
      await new Promise<void>((resolveStop) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolveStop();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      stopWatching();
      preview.closeClients();
      await new Promise((r) => server.close(r));
    });
};
export default previewCommand;
