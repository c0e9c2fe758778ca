import type { CommandModule } from '../context.js';
import { checkFormat, loadRecords } from '../helpers.js';
import { renderTable } from '../../render/table.js';
import { recordSummary } from '../../lifecycle/list.js';

const list: CommandModule = (program, ctx) => {
  program
    .command('list')
    .description('list the decision records of the log')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .action(async (opts: { dir?: string; format: string }) => {
      checkFormat(opts.format, ['table', 'json']);
      const { records } = await loadRecords(ctx, opts.dir);
      const rows = records.map(recordSummary);
      // Several logs in one repository (a monorepo): say which log each record belongs to.
      const several = new Set(rows.map((r) => r.log)).size > 1;
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        ctx.io.stdout.write(
          renderTable(
            [...(several ? ['Log'] : []), '#', 'Title', 'Status', 'Date', 'File'],
            rows.map((r) => [...(several ? [r.log] : []), r.number === null ? '' : String(r.number), r.title, r.status ?? `? ${r.statusText ?? ''}`.trim(), r.date ?? '', r.path]),
          ),
        );
      }
    });
};
export default list;
