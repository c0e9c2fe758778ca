import type { CommandModule } from '../context.js';
import { dayOption, loadRecords } from '../helpers.js';
import { STATUSES } from '../../model/status.js';
import { applyEdit, checkStatus, planStatus } from '../../workspace/edits.js';

const statusCommand: CommandModule = (program, ctx) => {
  program
    .command('status')
    .description('change the status of a decision record (keeps its format, comments and key order)')
    .argument('<record>', 'record number, slug or path')
    .argument('<status>', STATUSES.join(' | '))
    .option('-d, --dir <dir>', 'decision log folder')
    .option('--date <YYYY-MM-DD>', 'day of the change (default: today); moves `date` only when a proposal is decided')
    .action(async (ref: string, statusArg: string, opts: { dir?: string; date?: string }) => {
      const status = checkStatus(statusArg);
      if (status === 'superseded') ctx.io.stderr.write('adrkit: hint: `adrkit supersede <old> --by <new>` also links both records\n');
      const date = dayOption(ctx, opts.date);
      const { records } = await loadRecords(ctx, opts.dir);
      const edit = planStatus(records, ref, status, date);
      applyEdit(edit);
      ctx.io.stdout.write(`${edit.summary}\n`);
    });
};
export default statusCommand;
