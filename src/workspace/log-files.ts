import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { toPosix } from './read-log.js';

/**
 * Every file under the decision log folders (records, images, attachments; not `.git` or
 * `node_modules`), as paths relative to `cwd` with `/` separators: what the `link-target` rule
 * checks relative links against (`LintOptions.files`). Edge: lists the file system.
 *
 * @param cwd - working directory the paths are relative to (as `LoadedRecord.file`).
 * @param dirs - absolute paths of the log folders (`Project.dirs`).
 */
export async function listLogFiles(cwd: string, dirs: readonly string[]): Promise<Set<string>> {
  const files = new Set<string>();
  for (const dir of dirs) {
    for (const match of await glob('**/*', { cwd: dir, absolute: true, dot: true, onlyFiles: true, ignore: ['**/.git/**', '**/node_modules/**'] })) files.add(toPosix(relative(cwd, match)));
  }
  return files;
}
