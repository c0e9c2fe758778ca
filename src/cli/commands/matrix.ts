import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { matrixData, scoreMatrix } from '../../decision/matrix.js';
import { resolveRecord } from '../../decision/resolve.js';
import { renderMatrix } from '../../render/matrix.js';
import { checkFormat, loadRecords } from '../helpers.js';

const matrixCommand: CommandModule = (program, ctx) => {
  program
    .command('matrix')
    .description('print the weighted decision matrix of a record (options × criteria)')
    .argument('<record>', 'record number, slug or path')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .option('--derive', 'derive the scores of every measurable criterion from the measured values (min-max to 1–5)')
    .action(async (ref: string, opts: { dir?: string; format: string; derive?: boolean }) => {
      checkFormat(opts.format, ['table', 'json']);
      const { records } = await loadRecords(ctx, opts.dir);
      const target = resolveRecord(records, ref);
      const matrix = scoreMatrix(target.record, { derive: opts.derive === true });
      if (matrix.rows.length === 0 || matrix.criteria.length === 0) {
        throw new AdrkitError('not-found', `${target.file} has no decision matrix`, { file: target.file, hint: 'add `criteria` (with weights) and `options` (with scores) to its frontmatter' });
      }
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(matrixData(target.record, target.file), null, 2)}\n`);
        return;
      }
      ctx.io.stdout.write(renderMatrix(matrix, `${target.record.number !== undefined ? `${target.record.number}. ` : ''}${target.record.title}`));
    });
};
export default matrixCommand;
