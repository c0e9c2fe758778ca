import { AdrkitError } from '../model/errors.js';
import { runGit } from '../history/run.js';

/**
 * True when `name` (relative to `dir`) is a file tracked by the git repository `dir` is in
 * (`git ls-files --error-unmatch`). False outside a repository, for untracked files, or when git
 * is not installed.
 */
export async function isTracked(dir: string, name: string): Promise<boolean> {
  try {
    await runGit(dir, ['ls-files', '--error-unmatch', '--', name]);
    return true;
  } catch {
    return false;
  }
}

/**
 * `git mv from to` inside `dir`, so history follows the record (`git log --follow`, blame) and
 * the rename is staged like a user's own `git mv`.
 *
 * @throws AdrkitError `git` when git refuses or cannot run (the file is left where it was).
 */
export async function gitMove(dir: string, from: string, to: string): Promise<void> {
  try {
    await runGit(dir, ['mv', '--', from, to]);
  } catch (error) {
    throw new AdrkitError('git', `git mv ${from} ${to} failed: ${(error as Error).message.replace(/^git mv failed: /, '')}; nothing was changed`, { file: from });
  }
}
