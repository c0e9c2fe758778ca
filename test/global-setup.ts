import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './helpers/chromium.js';
import { HAS_CORPUS, SHARED } from './helpers/corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Once per test run, before any test file:
 * - builds `dist/` (incremental `tsc`), which the tests that spawn `node dist/cli/bin.js` use, so
 *   no test rebuilds it mid-run; skipped when `dist/` is newer than every file of `src/` and the
 *   tsconfig (`npm test` has just run `npm run build`; tsc takes 2-3 s even with nothing to do);
 * - finds the browser for the browser tests (and unpacks the bundled one into its cache), so the
 *   test workers do not race to unpack it;
 * - says, in one line, when the tests over real logs (`../shared`) skip;
 * - gives the run its own temporary folder (TMPDIR, inherited by the test workers and the
 *   processes they spawn) and removes it afterwards, so test folders and the record caches of
 *   projects without node_modules (`<tmp>/adrkit-cache`) do not pile up in the system's /tmp.
 */
/** Whether `dist/` was built after the last change to `src/` and tsconfig.json (by mtime). */
function distIsFresh(): boolean {
  const info = join(ROOT, 'dist', '.tsbuildinfo');
  if (!existsSync(info)) return false;
  const built = statSync(info).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(statSync(dir).mtimeMs, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  return Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'tsconfig.json')).mtimeMs) < built;
}

export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    if (!distIsFresh()) {
      execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
      // tsc leaves the file alone when only mtimes changed (a checkout): mark dist/ as checked now
      const now = new Date();
      utimesSync(join(ROOT, 'dist', '.tsbuildinfo'), now, now);
    }
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
