#!/usr/bin/env node
// Screenshots of the demo decision log (scripts/demo.mjs) for the README: desktop (1280 px, light),
// dark (1280 px, prefers-color-scheme: dark) and phone (390 px) views of the index, a record, the
// timeline, the relation graph, the radar and search results, written to docs/screenshots/ as PNG.
// Chromium as in the tests (scripts/chromium.mjs: ADRKIT_CHROMIUM, /usr/bin/chromium, then the one in
// the devDependency @sparticuz/chromium); nothing is downloaded.
//
// Usage: node scripts/screenshots.mjs [--out docs/screenshots]   (after `npm run build`)

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { createDemoRepo } from './demo.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const OUT = resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(ROOT, 'docs', 'screenshots'));

const VIEWS = [
  { name: 'desktop', viewport: { width: 1280, height: 860 }, colorScheme: 'light' },
  { name: 'dark', viewport: { width: 1280, height: 860 }, colorScheme: 'dark' },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true, hasTouch: true },
];

const PAGES = [
  { name: 'index', path: 'index.html' },
  { name: 'record', path: 'records/0003.html', height: { desktop: 2000, dark: 2000, phone: 2400 } },
  { name: 'record-superseded', path: 'records/0006.html', only: ['desktop'] },
  { name: 'timeline', path: 'timeline.html' },
  { name: 'graph', path: 'graph.html' },
  { name: 'radar', path: 'radar.html' },
  { name: 'search', path: 'index.html', search: 'feature pipelines' },
];

const scratch = mkdtempSync(join(tmpdir(), 'adrkit-shots-'));
try {
  const repo = createDemoRepo(join(scratch, 'ranking-team'));
  const site = join(scratch, 'site');
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli', 'bin.js'), 'build', '--no-cache', '--out', site], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    await Promise.all(
      VIEWS.map(async (view) => {
        const context = await browser.newContext({ viewport: view.viewport, colorScheme: view.colorScheme, isMobile: view.isMobile, hasTouch: view.hasTouch, deviceScaleFactor: 1 });
        for (const shot of PAGES) {
          if (shot.only && !shot.only.includes(view.name)) continue;
          const page = await context.newPage();
          const [file, hash] = shot.path.split('#');
          await page.goto(pathToFileURL(join(site, file)).href + (hash ? `#${hash}` : ''));
          await page.waitForLoadState('load');
          if (shot.name === 'record') await page.locator('figure.diagram svg').first().waitFor({ timeout: 15000 });
          if (shot.search) {
            await page.focus('#q');
            await page.keyboard.type(shot.search);
            await page.locator('#search-results [role="option"]').first().waitFor();
            await page.keyboard.press('ArrowDown');
          }
          // Taller pages (the record with its matrix) are clipped from a full-page shot.
          const height = shot.height?.[view.name];
          const clip = height ? { x: 0, y: 0, width: view.viewport.width, height: Math.min(height, await page.evaluate(() => document.documentElement.scrollHeight)) } : undefined;
          await page.screenshot({ path: join(OUT, `${shot.name}-${view.name}.png`), ...(clip ? { fullPage: true, clip } : {}) });
          await page.close();
        }
        await context.close();
      }),
    );
  } finally {
    await browser.close();
  }
  process.stdout.write(`screenshots written to ${OUT}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
