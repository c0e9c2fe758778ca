import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * The one place the browser tests and `npm run screenshots` find and launch Chromium. Never
 * downloads one.
 *
 * Order:
 * 1. `ADRKIT_CHROMIUM`: a path to a Chromium (or Chrome) binary, or `bundled` to force 3;
 * 2. `/usr/bin/chromium` (Debian's `chromium` package);
 * 3. the Chromium shipped inside the devDependency `@sparticuz/chromium` (linux x64): its
 *    brotli archives are unpacked once into `node_modules/.cache/adrkit-chromium/<version>/`
 *    and reused by later runs.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for every launch: headless, no sandbox (containers, root), and no traffic of its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A Chromium binary found for the tests, with where it came from and the environment it needs.
 * @typedef {{ executablePath: string, source: 'ADRKIT_CHROMIUM' | '/usr/bin/chromium' | '@sparticuz/chromium', env: Record<string, string> }} FoundChromium
 */

/**
 * Unpacks `@sparticuz/chromium` (binary, fonts, swiftshader and the NSS/expat libraries it links
 * against) into a cache folder, once; safe when several test workers race (unpacked beside,
 * then renamed into place).
 */
/** @returns {FoundChromium} */
function bundledChromium() {
  const require = createRequire(join(ROOT, 'package.json'));
  let dir;
  try {
    dir = require.resolve('@sparticuz/chromium');
  } catch {
    throw new Error('no Chromium for the browser tests: @sparticuz/chromium is not installed (run `npm ci`), or set ADRKIT_CHROMIUM to a Chromium binary');
  }
  // the package exports no ./package.json: go up from its entry point to its own package.json
  let version;
  while (version === undefined && dirname(dir) !== dir) {
    dir = dirname(dir);
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    if (pkg.name === '@sparticuz/chromium') version = pkg.version;
  }
  if (version === undefined) throw new Error('no Chromium for the browser tests: cannot read the version of @sparticuz/chromium; set ADRKIT_CHROMIUM to a Chromium binary');
  const cache = join(ROOT, 'node_modules', '.cache', 'adrkit-chromium', version);
  const binary = join(cache, 'chromium');
  if (!existsSync(binary)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`no Chromium for the browser tests: the bundled one (@sparticuz/chromium) runs on linux x64 only, this is ${process.platform} ${process.arch}; set ADRKIT_CHROMIUM to a Chromium binary`);
    }
    const staging = `${cache}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    // executablePath() unpacks into os.tmpdir(); the Lambda runtime variable makes it unpack the
    // NSS and expat libraries too (al2023/lib), so the binary needs nothing but glibc.
    execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; await c.executablePath();"], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // its fonts.conf names /tmp/fonts; ours names the cache (Open Sans) and the system's fonts
    writeFileSync(join(staging, 'fonts.conf'), [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${join(cache, 'fonts', 'fonts')}</dir>`,
      '  <dir>/usr/share/fonts</dir>',
      '  <dir>/usr/local/share/fonts</dir>',
      '  <dir prefix="xdg">fonts</dir>',
      `  <cachedir>${join(cache, 'fonts-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'));
    try {
      renameSync(staging, cache);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(binary)) throw error;
    }
  }
  return {
    executablePath: binary,
    source: '@sparticuz/chromium',
    env: { LD_LIBRARY_PATH: [join(cache, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_FILE: join(cache, 'fonts.conf') },
  };
}

/** Finds the Chromium for the browser tests (order above); throws a one-line error when there is none. */
/** @returns {FoundChromium} */
export function findChromium() {
  const wanted = process.env.ADRKIT_CHROMIUM?.trim();
  if (wanted === 'bundled') return bundledChromium();
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`ADRKIT_CHROMIUM=${wanted}: no such file; give the path of a Chromium binary, or \`bundled\` for the one in @sparticuz/chromium`);
    return { executablePath: wanted, source: 'ADRKIT_CHROMIUM', env: {} };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: SYSTEM_CHROMIUM, env: {} };
  return bundledChromium();
}

/** Launches the Chromium found by {@link findChromium} with {@link CHROMIUM_ARGS}. */
/** @returns {Promise<import('playwright-core').Browser>} */
export async function launchChromium() {
  const found = findChromium();
  return chromium.launch({
    executablePath: found.executablePath,
    args: CHROMIUM_ARGS,
    env: /** @type {Record<string, string>} */ ({ ...process.env, ...found.env }),
  });
}
