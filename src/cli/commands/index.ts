import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CommandModule } from '../context.js';
import { openProject, readProjectLogs } from '../../workspace/project.js';
import { toPosix } from '../../workspace/read-log.js';
import { commitWrites } from '../../workspace/transaction.js';
import { renderIndexTable, replaceIndexBlock } from '../../edit/index-block.js';

const indexCommand: CommandModule = (program, ctx) => {
  program
    .command('index')
    .description('write a table of contents of the log between <!-- adrkit:index --> markers')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('--file <file>', 'markdown file to update (default: <log folder>/README.md)')
    .action(async (opts: { dir?: string; file?: string }) => {
      const project = await openProject(ctx.cwd(), opts.dir);
      const logs = readProjectLogs(project);
      const file = opts.file ? resolve(ctx.cwd(), opts.file) : resolve(project.dirs[0], 'README.md');
      const records = logs.flatMap((log) => log.records);
      const table = renderIndexTable(records.map((r) => r.record), (record) => {
        const abs = records.find((r) => r.record === record)!.absPath;
        return toPosix(relative(dirname(file), abs));
      });
      const exists = existsSync(file);
      const before = exists ? readFileSync(file, 'utf8') : undefined;
      const after = replaceIndexBlock(before ?? '', table);
      const shown = toPosix(relative(ctx.cwd(), file));
      if (after === before) {
        ctx.io.stdout.write(`${shown}: index up to date (${records.length} records)\n`);
        return;
      }
      commitWrites([{ path: file, expected: before, content: after }]);
      ctx.io.stdout.write(`${shown}: index ${exists ? 'updated' : 'created'} (${records.length} records)\n`);
    });
};
export default indexCommand;
