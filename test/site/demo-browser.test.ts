// The demo decision log (examples/, built by scripts/demo.mjs into a git repo with fixed dates)
// in Chromium from file://, as a reader sees it: every page kind at phone to desktop widths, in
// light and dark, with axe-core, keyboard search, banners, ring colours, Mermaid and every radar.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, watchPage } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { fakeIo } from '../helpers/index.js';
// @ts-expect-error -- plain ESM script without types
import { createDemoRepo } from '../../scripts/demo.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const EXAMPLES_ADR = join(ROOT, 'examples', 'adr');

/** One page of each kind (records: with a diagram and matrix, superseded, rejected, deprecated). */
const PAGES = ['index.html', 'records/0003.html', 'records/0006.html', 'records/0009.html', 'records/0010.html', 'records/0012.html', 'timeline.html', 'graph.html', 'radar.html', 'tags.html', 'tags/data.html'];
const WIDTHS = [360, 390, 768, 1280];

let browser: Browser;
let scratch: string;
let site: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'adrkit-demo-browser-'));
  const repo = createDemoRepo(join(scratch, 'repo')) as string;
  site = join(scratch, 'site');
  const io = fakeIo({ cwd: repo });
  expect(await run(['build', '--no-cache', '--out', site], io), io.err()).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs `task` over `items`, `limit` at a time (browser pages in parallel, bounded for a 2-core machine). */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    }),
  );
  return results;
}

interface Opened {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

async function open(path: string, options: { width?: number; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light', bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  watchPage(page, problems);
  const [file, hash] = path.split('#');
  await page.goto(pathToFileURL(join(site, file)).href + (hash === undefined ? '' : `#${hash}`));
  await page.waitForLoadState('load');
  return { page, context, problems };
}

describe('the demo decision log in Chromium', () => {
  it('has no horizontal overflow at 360, 390, 768 and 1280 px on any page kind, and no console error', { timeout: 240_000 }, async () => {
    const found = await pool(PAGES, 3, async (path) => {
      const { page, context, problems } = await open(path, { width: WIDTHS[0] });
      if (path === 'records/0003.html') await page.locator('figure.diagram svg').waitFor();
      const overflow: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) overflow.push(`${path} @ ${width}px: scrollWidth ${scrollWidth}`);
      }
      await context.close();
      return { overflow, problems: problems.map((p) => `${path}: ${p}`) };
    });
    expect(found.flatMap((f) => f.overflow)).toEqual([]);
    expect(found.flatMap((f) => f.problems)).toEqual([]);
  });

  it('shows the home page as cards on a phone and as a table on a desktop', async () => {
    const phone = await open('index.html', { width: 390 });
    expect(await phone.page.locator('#records tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('grid');
    await phone.context.close();
    const desktop = await open('index.html', { width: 1280 });
    expect(await desktop.page.locator('#records tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('table-row');
    // No wrapped dates, even on rows with three deciders.
    const heights = await desktop.page.locator('#records tbody td:nth-child(4)').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).getClientRects().length));
    expect(heights.every((n) => n === 1)).toBe(true);
    // Status badges and tag links, superseded rows muted.
    expect(await desktop.page.locator('#records tbody tr.s-accepted td:nth-child(3) .badge').count()).toBeGreaterThan(0);
    expect(await desktop.page.locator('#records tbody td:nth-child(5) a[href="tags/data.html"]').count()).toBeGreaterThan(0);
    const colour = (sel: string) => desktop.page.locator(sel).first().evaluate((a) => getComputedStyle(a).color);
    expect(await colour('#records tr.s-superseded td:nth-child(2) a')).not.toBe(await colour('#records tr.s-accepted td:nth-child(2) a'));
    await desktop.context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on any page kind (${colorScheme})`, { timeout: 180_000 }, async () => {
      const found = await pool(PAGES, 3, async (path) => {
        const { page, context } = await open(path, { colorScheme, bypassCSP: true });
        if (path === 'records/0003.html') await page.locator('figure.diagram svg').waitFor();
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
          return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        await context.close();
        return violations.map((v) => `${path}: ${v}`);
      });
      expect(found.flat()).toEqual([]);
    });
  }

  it('searches from the keyboard: ArrowDown/ArrowUp choose a result, Enter opens it; snippets highlight the match', async () => {
    const { page, context, problems } = await open('index.html');
    await page.focus('#q');
    await page.keyboard.type('polars');
    const options = page.locator('#search-results [role="option"]');
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.getAttribute('#q', 'aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    expect((await page.locator('#search-results mark').allTextContents()).map((t) => t.toLowerCase())).toContain('polars');
    const target = await options.nth(0).locator('a').getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.endsWith(target!.replace(/^\.\//, '')));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('indexes deciders, option names and blip names for search', async () => {
    const { page, context } = await open('index.html');
    const titles = async (query: string) => {
      await page.fill('#q', '');
      await page.focus('#q');
      await page.keyboard.type(query);
      await page.locator('#search-results li').first().waitFor();
      return page.locator('#search-results .hit-title').allTextContents();
    };
    expect(await titles('Okafor')).toContain('0004 · Orchestrate training with Airflow');
    expect(await titles('TabNet')).toContain('0003 · Score churn with gradient-boosted trees');
    expect(await titles('Weights Biases')).toContain('0005 · Track experiments and models with MLflow');
    await context.close();
  });

  it('puts a coloured banner on superseded, rejected and deprecated records, with the successor linked', async () => {
    const superseded = await open('records/0006.html');
    const banner = superseded.page.locator('.banner-superseded');
    expect(await banner.textContent()).toContain('Superseded');
    expect(await banner.locator('a').getAttribute('href')).toBe('../records/0011.html');
    const bg = await banner.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe(await superseded.page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await superseded.context.close();
    for (const [path, kind] of [['records/0009.html', 'rejected'], ['records/0010.html', 'deprecated']]) {
      const { page, context } = await open(path);
      expect(await page.locator(`.banner-${kind}`).count(), path).toBe(1);
      await context.close();
    }
    const live = await open('records/0011.html');
    expect(await live.page.locator('.banner').count()).toBe(0);
    await live.context.close();
  });

  it('colours ring badges by ring, links them to the blip on the radar page, and marks the best and chosen options', async () => {
    const { page, context } = await open('records/0011.html');
    const bg = (ring: string) => page.locator(`.matrix a.ring-${ring}`).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [adopt, trial, hold] = [await bg('adopt'), await bg('trial'), await bg('hold')];
    expect(new Set([adopt, trial, hold]).size).toBe(3);
    expect(await page.locator('.ring-legend .ring').allTextContents()).toEqual(['ADOPT', 'TRIAL', 'HOLD']);
    expect(await page.locator('.matrix tr.chosen th').textContent()).toContain('DuckDB SQL');
    expect(await page.locator('.matrix tr.best th').textContent()).toContain('DuckDB SQL');
    expect(await page.locator('h2', { hasText: /^Options$/ }).count()).toBe(1);
    const href = await page.locator('.matrix a.ring-hold').first().getAttribute('href');
    expect(href).toBe('../radar.html#blip-ml-platform-feast');
    await page.click('.matrix a.ring-hold');
    await page.waitForURL(/radar\.html#blip-ml-platform-feast$/);
    expect(await page.locator('#blip-ml-platform-feast').textContent()).toContain('0011 · Run feature pipelines as SQL on DuckDB');
    await context.close();
  });

  it('renders the Mermaid diagram as SVG from file:// under the CSP, and loads Mermaid only on pages with a diagram', async () => {
    const { page, context, problems } = await open('records/0003.html');
    await page.locator('figure.diagram svg').waitFor();
    expect(await page.locator('figure.diagram svg').count()).toBe(1);
    expect(await page.locator('figure.diagram').textContent()).toContain('Nightly features');
    // The source stays on the page, folded.
    expect(await page.locator('details.diagram-source code.language-mermaid').textContent()).toContain('flowchart LR');
    expect(problems).toEqual([]);
    await context.close();
    const plain = await open('records/0006.html');
    expect(await plain.page.locator('script[src$="mermaid.js"]').count()).toBe(0);
    await plain.context.close();
  });

  it('shows the diagram source when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(site, 'records/0003.html')).href);
    expect(await page.locator('pre code.language-mermaid').isVisible()).toBe(true);
    expect(await page.locator('pre code.language-mermaid').textContent()).toContain('flowchart LR');
    await context.close();
  });

  it('lists every configured radar, rings the blips decisions use, and shows their ring history', async () => {
    const { page, context } = await open('radar.html');
    expect(await page.locator('section.radar h2').allTextContents()).toEqual(['Tech Radar IA · 2024-01-01', 'Ranking team platform radar · 2026-09-01']);
    expect(await page.locator('section.radar').nth(0).locator('svg .blip.used').count()).toBeGreaterThan(5);
    expect(await page.locator('section.radar').nth(0).locator('svg .blip.unused').count()).toBeGreaterThan(5);
    const lightgbm = page.locator('#blip-ml-platform-lightgbm');
    expect(await lightgbm.locator('.ring-history li').allTextContents()).toEqual(['2026-01-01 TRIAL', '2026-09-01 ADOPT']);
    expect(await lightgbm.textContent()).toContain('0003 · Score churn with gradient-boosted trees');
    await context.close();
  });

  it('lists the events of the log on the timeline, filterable by kind', async () => {
    const { page, context } = await open('timeline.html');
    await expect.poll(() => page.locator('#kinds').isVisible()).toBe(true);
    const superseded = page.locator('li.ev-superseded', { hasText: '0002 · Build feature pipelines in pandas' });
    expect(await superseded.locator('time').textContent()).toBe('2026-05-19');
    expect(await superseded.locator('.by a').textContent()).toBe('0006 · Move feature pipelines to Polars');
    const all = await page.locator('.events li:visible').count();
    // one "created" event per record of the demo log
    const created = await page.locator('.events li.ev-created:visible').count();
    expect(created).toBe(readdirSync(join(EXAMPLES_ADR)).filter((f) => /^\d{4}-.*\.md$/.test(f)).length);
    await page.uncheck('#kinds input[value="created"]');
    expect(await page.locator('.events li.ev-created:visible').count()).toBe(0);
    expect(await page.locator('.events li:visible').count()).toBe(all - created);
    await page.check('#kinds input[value="created"]');
    expect(await page.locator('.events li:visible').count()).toBe(all);
    await context.close();
  });

  it('draws the relation graph with arrowheads, status colours and dashed body links, scaled to a phone', async () => {
    const { page, context } = await open('graph.html', { width: 390 });
    expect(await page.locator('svg.graph marker').count()).toBe(4);
    expect(await page.locator('svg.graph path.edge-links-to').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.graph path.edge-links-to').first().evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    const fill = (status: string) => page.locator(`svg.graph circle.s-${status}`).first().evaluate((el) => getComputedStyle(el).fill);
    expect(await fill('accepted')).not.toBe(await fill('superseded'));
    const box = await page.locator('svg.graph').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await context.close();
  });
});
