import type { CommandModule } from '../context.js';
import { dayOption, loadRecords } from '../helpers.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES, type Status } from '../../model/status.js';
import { commitWrites } from '../../workspace/transaction.js';
import { applyStatus } from '../../lifecycle/status.js';
import { resolveRecord } from '../../decision/resolve.js';

const statusCommand: CommandModule = (program, ctx) => {
  program
    .command('status')
    .description('change the status of a decision record (keeps its format, comments and key order)')
    .argument('<record>', 'record number, slug or path')
    .argument('<status>', STATUSES.join(' | '))
    .option('-d, --dir <dir>', 'decision log folder')
    .option('--date <YYYY-MM-DD>', 'day of the change (default: today)')
    .action(async (ref: string, statusArg: string, opts: { dir?: string; date?: string }) => {
      const status = statusArg.trim().toLowerCase() as Status;
      if (!STATUSES.includes(status)) throw new AdrkitError('usage', `unknown status "${statusArg}"`, { hint: `use one of ${STATUSES.join(', ')}` });
      if (status === 'superseded') ctx.io.stderr.write('adrkit: hint: `adrkit supersede <old> --by <new>` also links both records\n');
      const date = dayOption(ctx, opts.date);
      const { records } = await loadRecords(ctx, opts.dir);
      const target = resolveRecord(records, ref);
      const text = applyStatus(target, { status, date });
      if (text === target.text) {
        ctx.io.stdout.write(`${target.file}: already ${status}\n`);
        return;
      }
      commitWrites([{ path: target.absPath, expected: target.text, content: text }]);
      ctx.io.stdout.write(`${target.file}: ${target.record.status ?? target.record.statusText ?? '(none)'} -> ${status}\n`);
    });
};
export default statusCommand;
