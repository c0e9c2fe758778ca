import { relative, resolve } from 'node:path';
import type { CommandModule } from '../context.js';
import { logAppliesTo } from '../../model/applies-to.js';
import { governingDecisions } from '../../review/governs.js';
import { renderTable } from '../../render/table.js';
import { openProject, readProjectLogs } from '../../workspace/project.js';
import { toPosix } from '../../workspace/read-log.js';
import { checkFormat } from '../helpers.js';

const FORMATS = ['table', 'json'];

const governsCommand: CommandModule = (program, ctx) => {
  program
    .command('governs')
    .description('list the accepted and proposed decisions whose `applies-to` globs match these paths')
    .argument('<paths...>', 'files or folders, relative to the working directory (they need not exist)')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'table')
    .action(async (paths: string[], opts: { dir?: string; format: string }) => {
      checkFormat(opts.format, FORMATS);
      const cwd = ctx.cwd();
      const project = await openProject(cwd, opts.dir);
      const files = paths.map((p) => toPosix(relative(cwd, resolve(cwd, p))) || '.');
      const records = readProjectLogs(project).flatMap((log) => {
        const logDefault = logAppliesTo(project.config.config.appliesTo, log.relDir);
        return log.records.map((r) => ({ record: r.record, path: r.file, logDefault }));
      });
      const governing = governingDecisions(records, files);
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify({ paths: files, governing }, null, 2)}\n`);
        return;
      }
      if (governing.length === 0) {
        ctx.io.stdout.write(`No accepted or proposed decision declares \`applies-to\` globs matching ${files.join(', ')}.\n`);
        return;
      }
      const rows = governing.map((g) => [g.number !== null ? String(g.number) : '', g.title, g.status ?? '', g.chosen?.name ?? '', g.patterns.join(', '), g.files.join(', '), g.file]);
      ctx.io.stdout.write(renderTable(['#', 'Decision', 'Status', 'Chosen', 'applies-to', 'Paths', 'File'], rows));
    });
};
export default governsCommand;
