import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { revisitDue } from '../../lifecycle/revisit.js';
import { renderTable } from '../../render/table.js';
import { isoDay } from '../../util/dates.js';
import { checkFormat, loadRecords } from '../helpers.js';
import { loadRadars } from '../../radar/load.js';
import { ringMoves } from '../../radar/rule-support.js';
import type { RadarSet } from '../../radar/resolve.js';
import type { DecisionRecord } from '../../model/record.js';

/** One overdue record in `adrkit stale --format json`. */
interface StaleRow {
  number: number | null;
  title: string;
  path: string;
  acceptedOn: string | null;
  due: string;
  source: 'revisit-by' | 'interval' | 'ring-moved';
  daysOverdue: number | null;
  /** For `ring-moved`: `option: from-ring -> to-ring`. */
  moves?: string[];
}

/** Options whose radar blip moved ring since the decision (the rule of `radar-ring-changed`). */
function ringMovesOf(set: RadarSet, record: DecisionRecord): string[] {
  return ringMoves(set, record).map((m) => `${m.option.option.name ?? m.option.option.id}: ${m.from} -> ${m.to.name}`);
}

const DAY_MS = 86_400_000;

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
      const rows: StaleRow[] = [];
      let radars: RadarSet | undefined;
      try {
        radars = loadRadars(ctx.cwd(), project.config.config.radars);
      } catch (error) {
        ctx.io.stderr.write(`adrkit: warning: radar ring moves not checked: ${(error as Error).message}\n`);
      }
      for (const { record, file } of records) {
        const due = revisitDue(record, months);
        if (!due || due.due >= today) {
          const moves = record.status === 'accepted' && radars ? ringMovesOf(radars, record) : [];
          if (moves.length) rows.push({ number: record.number ?? null, title: record.title, path: file, acceptedOn: due?.acceptedOn ?? record.date ?? null, due: due?.due ?? '', source: 'ring-moved', daysOverdue: null, moves });
          continue;
        }
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
