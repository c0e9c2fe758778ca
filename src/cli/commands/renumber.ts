import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { openProject } from '../../workspace/project.js';
import { toPosix } from '../../workspace/read-log.js';
import { planRenumber, type RenumberPlan } from '../../review/renumber.js';
import { gitMove, isTracked } from '../../workspace/git-rename.js';
import { commitWrites } from '../../workspace/transaction.js';
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
      const tracked = await isTracked(dir, plan.from);
      if (tracked) await renumberWithGit(dir, plan, source.text);
      else applyRenumber(dir, plan, source.text);
      const rel = (name: string) => toPosix(relative(ctx.cwd(), join(dir, name)));
      ctx.io.stdout.write(`${rel(plan.from)} -> ${rel(plan.to)}${tracked ? ' (git mv)' : ''}\n`);
      for (const e of plan.edits) ctx.io.stdout.write(`  updated links in ${rel(e.path)}\n`);
    });
};
export default renumberCommand;

/**
 * Renumbers a tracked record: `git mv` first (history follows the file), then the new number and
 * the link edits are written all-or-nothing; if they fail, the file is moved back.
 */
async function renumberWithGit(dir: string, plan: RenumberPlan, sourceText: string): Promise<void> {
  if (existsSync(join(dir, plan.to))) throw new AdrkitError('conflict', `${plan.to} already exists; nothing was changed`, { file: join(dir, plan.to) });
  if (readFileSync(join(dir, plan.from), 'utf8') !== sourceText) throw new AdrkitError('conflict', 'file changed on disk since adrkit read it; nothing was written', { file: join(dir, plan.from), hint: 'run the command again' });
  await gitMove(dir, plan.from, plan.to);
  try {
    commitWrites([
      { path: join(dir, plan.to), expected: sourceText, content: plan.renamedText },
      ...plan.edits.map((e) => ({ path: join(dir, e.path), expected: e.before, content: e.after })),
    ]);
  } catch (error) {
    await gitMove(dir, plan.to, plan.from);
    throw error;
  }
}
