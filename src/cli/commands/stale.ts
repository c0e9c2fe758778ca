import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { staleRecords } from '../../decision/stale.js';
import { renderTable } from '../../render/table.js';
import { isoDay } from '../../util/dates.js';
import { checkFormat, loadRecords } from '../helpers.js';
import { loadRadars } from '../../radar/load.js';
import type { RadarSet } from '../../radar/resolve.js';

const staleCommand: CommandModule = (program, ctx) => {
  program
    .command('stale')
    .description('list accepted records past their revisit date (`revisit-by`, or acceptance + revisitMonths) or whose radar blips moved ring since; exit 1 when any')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .action(async (opts: { dir?: string; format: string }) => {
      checkFormat(opts.format, ['table', 'json']);
      const { project, records } = await loadRecords(ctx, opts.dir);
      const today = isoDay(ctx.io.now());
      const months = project.config.config.revisitMonths;
      let radars: RadarSet | undefined;
      try {
        radars = loadRadars(ctx.cwd(), project.config.config.radars);
      } catch (error) {
        ctx.io.stderr.write(`adrkit: warning: radar ring moves not checked: ${(error as Error).message}\n`);
      }
      const rows = staleRecords(records, { today, months, radars });
      if (opts.format === 'json') ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (rows.length === 0) ctx.io.stdout.write(`no accepted record is past its revisit date (today ${today})\n`);
      else {
        ctx.io.stdout.write(renderTable(['#', 'Title', 'Revisit by', 'Overdue', 'Why', 'File'], rows.map((r) => [
          r.number === null ? '' : String(r.number), r.title, r.due, r.daysOverdue === null ? '' : `${r.daysOverdue} d`,
          r.source === 'revisit-by' ? 'revisit-by' : r.source === 'ring-moved' ? `radar: ${r.moves!.join(', ')}` : `accepted ${r.acceptedOn} + ${months ?? 9} months`, r.path,
        ])));
      }
      if (rows.length > 0) ctx.exit(EXIT.findings);
    });
};
export default staleCommand;
