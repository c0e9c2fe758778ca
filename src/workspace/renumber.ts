import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import type { RenumberPlan } from '../review/renumber.js';
import { commitWrites, type PlannedWrite } from './transaction.js';

/**
 * Applies a {@link RenumberPlan} to a log folder, all-or-nothing: the renamed record is created
 * under its new name (refused if that name exists) and every edited file rewritten, through
 * `commitWrites` (temp files, checks that nothing changed since it was read, renames, roll back
 * on failure); only then is the old file removed. If that removal fails, the writes are undone.
 *
 * @param dir - absolute log folder.
 * @param sourceText - text of the record as read when the plan was made.
 * @returns the paths written (absolute), new file first.
 * @throws AdrkitError `conflict` when a file changed meanwhile or the new name exists; `io` on write errors.
 */
export function applyRenumber(dir: string, plan: RenumberPlan, sourceText: string): string[] {
  const writes: PlannedWrite[] = [
    { path: join(dir, plan.to), expected: undefined, content: plan.renamedText },
    ...plan.edits.map((e) => ({ path: join(dir, e.path), expected: e.before, content: e.after })),
  ];
  let current: string | undefined;
  try {
    current = readFileSync(join(dir, plan.from), 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== sourceText) throw new AdrkitError('conflict', 'file changed on disk since adrkit read it; nothing was written', { file: join(dir, plan.from), hint: 'run the command again' });
  const written = commitWrites(writes);
  try {
    rmSync(join(dir, plan.from));
  } catch (error) {
    commitWrites([
      ...plan.edits.map((e) => ({ path: join(dir, e.path), expected: e.after, content: e.before })),
    ]);
    rmSync(join(dir, plan.to), { force: true });
    throw new AdrkitError('io', `cannot remove ${plan.from} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was changed`, { file: join(dir, plan.from) });
  }
  return written;
}
