import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { commitWrites } from '../../workspace/transaction.js';
import { link, LINK_RELATIONS, type LinkRelation } from '../../lifecycle/relations.js';
import { resolveRecord } from '../../decision/resolve.js';
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
      if (!(opts.as in LINK_RELATIONS)) throw new AdrkitError('usage', `unknown relation "${opts.as}"`, { hint: `use one of ${Object.keys(LINK_RELATIONS).join(', ')} (for supersedes, use \`adrkit supersede\`)` });
      const { records } = await loadRecords(ctx, opts.dir);
      const a = resolveRecord(records, aRef);
      const b = resolveRecord(records, bRef);
      const edit = link(a, b, opts.as as LinkRelation);
      const written = commitWrites([
        { path: a.absPath, expected: a.text, content: edit.from },
        { path: b.absPath, expected: b.text, content: edit.to },
      ]);
      ctx.io.stdout.write(written.length ? `${a.file} ${opts.as} ${b.file}\n` : `${a.file} already ${opts.as} ${b.file}\n`);
    });
};
export default linkCommand;
