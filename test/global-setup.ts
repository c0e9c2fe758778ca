import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the test run its own temporary folder (TMPDIR, inherited by the test workers and the
 * processes they spawn) and removes it afterwards, so test folders and the record caches of
 * projects without node_modules (`<tmp>/adrkit-cache`) do not pile up in the system's /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'adrkit-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
