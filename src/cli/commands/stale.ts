import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { AdrkitError } from '../../model/errors.js';
import { revisitDue } from '../../lifecycle/revisit.js';
import { renderTable } from '../../render/table.js';
import { isoDay } from '../../util/dates.js';
import { loadRecords } from './status.js';

/** One overdue record in `adrkit stale --format json`. */
interface StaleRow {
  number: number | null;
  title: string;
  path: string;
  acceptedOn: string | null;
  due: string;
  source: 'revisit-by' | 'interval';
  daysOverdue: number;
}

const DAY_MS = 86_400_000;

const staleCommand: CommandModule = (program, ctx) => {
  program
    .command('stale')
    .description('list accepted records past their revisit date (`revisit-by`, or acceptance + revisitMonths); exit 1 when any')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .action(async (opts: { dir?: string; format: string }) => {
      if (!['table', 'json'].includes(opts.format)) throw new AdrkitError('usage', `unknown --format "${opts.format}"`, { hint: 'use table or json' });
      const { project, records } = await loadRecords(ctx, opts.dir);
      const today = isoDay(ctx.io.now());
      const months = project.config.config.revisitMonths;
      const rows: StaleRow[] = [];
      for (const { record, file } of records) {
        const due = revisitDue(record, months);
        if (!due || due.due >= today) continue;
        rows.push({
          number: record.number ?? null,
          title: record.title,
          path: file,
          acceptedOn: due.acceptedOn ?? null,
          due: due.due,
          source: due.source,
          daysOverdue: Math.round((Date.parse(today) - Date.parse(due.due)) / DAY_MS),
        });
      }
      // Radar ring moves: not yet available (src/radar has no ring-lookup API in this version).
      if (opts.format === 'json') ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (rows.length === 0) ctx.io.stdout.write(`no accepted record is past its revisit date (today ${today})\n`);
      else {
        ctx.io.stdout.write(renderTable(['#', 'Title', 'Revisit by', 'Overdue', 'Why', 'File'], rows.map((r) => [
          r.number === null ? '' : String(r.number), r.title, r.due, `${r.daysOverdue} d`,
          r.source === 'revisit-by' ? 'revisit-by' : `accepted ${r.acceptedOn} + ${months ?? 9} months`, r.path,
        ])));
      }
      if (rows.length > 0) ctx.exit(EXIT.findings);
    });
};
export default staleCommand;
