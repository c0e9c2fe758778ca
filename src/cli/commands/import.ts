import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { RecordFormat } from '../../model/record.js';
import { commitWrites } from '../../workspace/transaction.js';
import { convertRecord } from '../../edit/import.js';
import { unifiedDiff } from '../../util/diff.js';
import { loadRecords } from '../helpers.js';

const FROM = RecordFormat.options.filter((f) => f !== 'native');

const importCommand: CommandModule = (program, ctx) => {
  program
    .command('import')
    .description('convert MADR, Nygard (adr-tools) or log4brains records to adrkit frontmatter; dry run (a diff) unless --write')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('--from <format>', `only records of this format: ${FROM.join(' | ')} (default: all non-adrkit records)`)
    .option('--write', 'write the converted files (all or nothing)')
    .action(async (opts: { dir?: string; from?: string; write?: boolean }) => {
      if (opts.from !== undefined && !(FROM as string[]).includes(opts.from)) throw new AdrkitError('usage', `unknown --from "${opts.from}"`, { hint: `use one of ${FROM.join(', ')}` });
      const { records } = await loadRecords(ctx, opts.dir);
      const log = records.map((r) => r.record);
      const selected = records.filter((r) => (opts.from ? r.record.format === opts.from : r.record.format !== 'native'));
      const changes = selected.map((r) => ({ r, text: convertRecord(r, log) })).filter((c) => c.text !== c.r.text);
      if (changes.length === 0) {
        ctx.io.stdout.write(`nothing to convert (${selected.length} record${selected.length === 1 ? '' : 's'} checked)\n`);
        return;
      }
      if (!opts.write) {
        for (const c of changes) ctx.io.stdout.write(unifiedDiff(c.r.text, c.text, `a/${c.r.file}`, `b/${c.r.file}`));
        ctx.io.stderr.write(`adrkit: ${changes.length} record${changes.length === 1 ? '' : 's'} to convert; run again with --write to apply\n`);
        return;
      }
      commitWrites(changes.map((c) => ({ path: c.r.absPath, expected: c.r.text, content: c.text })));
      ctx.io.stdout.write(`converted ${changes.length} record${changes.length === 1 ? '' : 's'}\n`);
    });
};
export default importCommand;
