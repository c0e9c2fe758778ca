import type { CommandModule } from '../context.js';
import { LINK_RELATIONS } from '../../edit/relations.js';
import { applyEdit, checkRelation, planLink } from '../../workspace/edits.js';
import { loadRecords } from '../helpers.js';

const linkCommand: CommandModule = (program, ctx) => {
  program
    .command('link')
    .description('link two records: relates-to (both sides) or amends (both files written, or neither)')
    .argument('<a>', 'record number, slug or path')
    .argument('<b>', 'record number, slug or path')
    .requiredOption('--as <relation>', `relation of <a> to <b>: ${Object.keys(LINK_RELATIONS).join(' | ')}`)
    .option('-d, --dir <dir>', 'decision log folder')
    .action(async (aRef: string, bRef: string, opts: { as: string; dir?: string }) => {
      checkRelation(opts.as);
      const { records } = await loadRecords(ctx, opts.dir);
      const edit = planLink(records, aRef, bRef, opts.as);
      applyEdit(edit);
      ctx.io.stdout.write(`${edit.summary}\n`);
    });
};
export default linkCommand;
