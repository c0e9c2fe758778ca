import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** File contents for {@link testdir}: text (written as UTF-8) or raw bytes. */
export type TreeFiles = Record<string, string | Uint8Array>;

/** A temporary folder built by {@link testdir}. */
export interface TestDir {
  /** Absolute path of the folder. */
  path: string;
  /** Absolute path of an entry inside it. */
  join(...parts: string[]): string;
  /** Writes (or overwrites) more files, creating parent folders. */
  write(files: TreeFiles): void;
  /** Removes the folder. */
  remove(): void;
}

/**
 * Builds a temporary file tree (changesets-style `testdir`) in `os.tmpdir()`.
 *
 * @param files - map of relative path (`/` separators) to content; a path ending in `/` creates
 *   an empty folder.
 * @example testdir({ 'adr/0001-x.md': '# 1. X\n', 'adrkit.config.json': '{"dir":"adr"}' })
 */
export function testdir(files: TreeFiles = {}, prefix = 'adrkit-test-'): TestDir {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dir: TestDir = {
    path: root,
    join: (...parts) => join(root, ...parts),
    write(more) {
      for (const [rel, content] of Object.entries(more)) {
        const abs = join(root, rel);
        if (rel.endsWith('/')) {
          mkdirSync(abs, { recursive: true });
          continue;
        }
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  dir.write(files);
  return dir;
}
