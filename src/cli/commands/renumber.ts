import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { openProject } from '../../workspace/project.js';
import { toPosix } from '../../workspace/read-log.js';
import { planRenumber } from '../../review/renumber.js';
import type { SnapshotFile } from '../../review/match.js';
import { applyRenumber } from '../../workspace/renumber.js';

const renumberCommand: CommandModule = (program, ctx) => {
  program
    .command('renumber')
    .description('give a record another number: renames the file (same slug) and rewrites every link to it, all-or-nothing')
    .argument('<from>', 'current number, or file name when two records share the number')
    .argument('<to>', 'new number (must be free)')
    .option('-d, --dir <dir>', 'decision log folder')
    .action(async (from: string, toText: string, opts: { dir?: string }) => {
      if (!/^\d+$/.test(toText)) throw new AdrkitError('usage', `the new number must be a whole number, got "${toText}"`);
      const project = await openProject(ctx.cwd(), opts.dir);
      const dir = project.dirs[0];
      const files: SnapshotFile[] = [];
      for (const name of readdirSync(dir).sort()) {
        if (!/\.(md|markdown)$/i.test(name)) {
          files.push({ path: name, text: '' });
          continue;
        }
        const abs = join(dir, name);
        if (!statSync(abs).isFile()) continue;
        files.push({ path: name, text: readFileSync(abs, 'utf8') });
      }
      const plan = planRenumber(files, from, Number(toText));
      const source = files.find((f) => f.path === plan.from)!;
      applyRenumber(dir, plan, source.text);
      const rel = (name: string) => toPosix(relative(ctx.cwd(), join(dir, name)));
      ctx.io.stdout.write(`${rel(plan.from)} -> ${rel(plan.to)}\n`);
      for (const e of plan.edits) ctx.io.stdout.write(`  updated links in ${rel(e.path)}\n`);
    });
};
export default renumberCommand;
