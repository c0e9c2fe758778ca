import { resolve } from 'node:path';
import type { CommandModule } from '../context.js';
import { exportCsv, exportLog } from '../../render/export.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { checkFormat, loadRecords } from '../helpers.js';

const exportCommand: CommandModule = (program, ctx) => {
  program
    .command('export')
    .description('export the decision log as data: JSON (schema/export.schema.json) or CSV, one row per record')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'json | csv', 'json')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts: { dir?: string; format: string; output?: string }) => {
      checkFormat(opts.format, ['json', 'csv']);
      const { records } = await loadRecords(ctx, opts.dir);
      const log = exportLog(records);
      const text = opts.format === 'json' ? `${JSON.stringify(log, null, 2)}\n` : exportCsv(log);
      if (opts.output) {
        writeFileAtomic(resolve(ctx.cwd(), opts.output), text);
        ctx.io.stderr.write(`adrkit: exported ${log.records.length} records to ${opts.output}\n`);
      } else ctx.io.stdout.write(text);
    });
};
export default exportCommand;
