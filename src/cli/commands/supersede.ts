import { readFileSync, rmSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { parseRecord } from '../../parse/record.js';
import { toPosix, type LoadedRecord } from '../../workspace/read-log.js';
import type { CommandModule } from '../context.js';
import { commitWrites } from '../../workspace/transaction.js';
import { supersede } from '../../edit/relations.js';
import { applyEdit, planSupersede } from '../../workspace/edits.js';
import { dayOption, loadRecords } from '../helpers.js';

const supersedeCommand: CommandModule = (program, ctx) => {
  program
    .command('supersede')
    .description('mark a record superseded by another one (both files are written, or neither)')
    .argument('<old>', 'the superseded record: number, slug or path')
    .requiredOption('--by <new>', 'the superseding record: number, slug or path')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('--date <YYYY-MM-DD>', 'day of the change (default: today)')
    .action(async (oldRef: string, opts: { by: string; dir?: string; date?: string }) => {
      const date = dayOption(ctx, opts.date);
      const { records } = await loadRecords(ctx, opts.dir);
      const edit = planSupersede(records, oldRef, opts.by, date);
      applyEdit(edit);
      ctx.io.stdout.write(`${edit.summary}\n`);
    });
};
export default supersedeCommand;

/**
 * Second half of `adrkit new --supersedes <n>`: the new record (just created with O_EXCL) and the
 * superseded one are linked both ways in one transaction; when that fails, the new file is
 * removed, so either both files change or neither.
 *
 * @param old - the superseded record, read before the new file was created.
 * @param createdPath - absolute path of the new record.
 */
export function supersedeWithNewRecord(old: LoadedRecord, createdPath: string, cwd: string, date: string): void {
  try {
    const text = readFileSync(createdPath, 'utf8');
    const path = toPosix(relative(dirname(old.absPath), createdPath));
    const created = { ...parseRecord(path, text), text, absPath: createdPath, file: toPosix(relative(cwd, createdPath)) };
    const edit = supersede(old, created, date);
    commitWrites([
      { path: createdPath, expected: text, content: edit.from },
      { path: old.absPath, expected: old.text, content: edit.to },
    ]);
  } catch (error) {
    rmSync(createdPath, { force: true });
    throw error;
  }
}
