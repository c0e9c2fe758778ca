import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './helpers/chromium.js';
import { HAS_CORPUS, SHARED } from './helpers/corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Once per test run, before any test file:
 * - builds `dist/` (incremental `tsc`, about 2 s when nothing changed), which the tests that spawn
 *   `node dist/cli/bin.js` use, so no test rebuilds it mid-run;
 * - finds the browser for the browser tests (and unpacks the bundled one into its cache), so the
 *   test workers do not race to unpack it;
 * - says, in one line, when the tests over real logs (`../shared`) skip;
 * - gives the run its own temporary folder (TMPDIR, inherited by the test workers and the
 *   processes they spawn) and removes it afterwards, so test folders and the record caches of
 *   projects without node_modules (`<tmp>/adrkit-cache`) do not pile up in the system's /tmp.
 */
export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`building dist/ failed (tsc -p tsconfig.json):\n${stdout}${stderr}`);
  }
  try {
    findChromium();
  } catch (error) {
    // the browser tests report it, each with this message; the other tests run
    console.warn(`browser tests: ${(error as Error).message}`);
  }
  if (!HAS_CORPUS) console.warn(`corpus tests: ${SHARED} is absent (it is not part of a clone); the tests over real logs skip`);
  const root = mkdtempSync(join(tmpdir(), 'adrkit-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
