import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { scoreMatrix } from '../../decision/matrix.js';
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
    .action(async (ref: string, opts: { dir?: string; format: string }) => {
      checkFormat(opts.format, ['table', 'json']);
      const { records } = await loadRecords(ctx, opts.dir);
      const target = resolveRecord(records, ref);
      const matrix = scoreMatrix(target.record);
      if (matrix.rows.length === 0 || matrix.criteria.length === 0) {
        throw new AdrkitError('not-found', `${target.file} has no decision matrix`, { file: target.file, hint: 'add `criteria` (with weights) and `options` (with scores) to its frontmatter' });
      }
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify({
          record: target.file,
          criteria: matrix.criteria.map((c, i) => ({ id: c.id, name: c.name, weight: matrix.weights[i] })),
          options: matrix.rows.map((r) => ({ id: r.option.id, name: r.option.name, scores: r.option.scores ?? {}, total: r.total, best: r.best, chosen: r.chosen })),
        }, null, 2)}\n`);
        return;
      }
      ctx.io.stdout.write(renderMatrix(matrix, `${target.record.number !== undefined ? `${target.record.number}. ` : ''}${target.record.title}`));
    });
};
export default matrixCommand;
