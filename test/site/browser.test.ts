import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { writeSite } from '../../src/site/io/write.js';
import { RADAR, sampleInput } from './fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

let browser: Browser;
let site: string;
let problems: string[] = [];

beforeAll(async () => {
  site = join(mkdtempSync(join(tmpdir(), 'adrkit-browser-')), 'site');
  writeSite(site, buildSite(sampleInput(RADAR), loadSiteTemplates()));
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dirname(site), { recursive: true, force: true });
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light', bypassCSP = false): Promise<Page> {
  // bypassCSP only for axe-core, which playwright injects as an inline script.
  const page = await browser.newPage({ colorScheme, bypassCSP });
  problems = [];
  watchPage(page, problems);
  const [file, hash] = path.split('#');
  await page.goto(pathToFileURL(join(site, file)).href + (hash === undefined ? '' : `#${hash}`));
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return result;
}

describe('the site in Chromium from file://', () => {
  it('filters the index by status and tag, with scripts allowed by the CSP', async () => {
    const page = await open('index.html');
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true);
    await page.selectOption('#f-status', 'proposed');
    const visible = page.locator('#records tbody tr:visible');
    expect(await visible.count()).toBe(1);
    expect(await visible.first().textContent()).toContain('Adopt a feature store');
    expect(await page.textContent('#shown')).toBe('1');
    await page.selectOption('#f-status', '');
    await page.selectOption('#f-tag', 'ml');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(1);
    await page.selectOption('#f-tag', '');
    // The blip filter loads blip-index.js on first use only.
    expect(await page.locator('script[src$="blip-index.js"]').count()).toBe(0);
    await page.selectOption('#f-blip', 'xgboost');
    await expect.poll(() => page.textContent('#shown')).toBe('1');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(1);
    expect(await page.locator('#records tbody tr:visible').first().textContent()).toContain('Use gradient boosting');
    expect(await page.locator('script[src$="blip-index.js"]').count()).toBe(1);
    await page.selectOption('#f-blip', '');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(await page.locator('#records tbody tr').count());
    await page.selectOption('#f-sort', 'date-desc');
    expect(await page.locator('#records tbody tr td:nth-child(2)').first().textContent()).toBe('Adopt a feature store');
    await page.screenshot({ path: join(ARTIFACTS, 'index.png'), fullPage: true });
    expect(problems).toEqual([]);
    // The CSP is enforced on file:// too: an inline script is refused.
    await expect(page.addScriptTag({ content: 'globalThis.injected = 1' })).rejects.toThrow(/Content Security Policy/);
    await page.close();
  });

  it('restores filters from the address (blip and status) and colours status badges', async () => {
    const page = await open('index.html#blip=pytorch&status=proposed&sort=title');
    await expect.poll(() => page.textContent('#shown')).toBe('0');
    await page.selectOption('#f-status', '');
    await expect.poll(() => page.textContent('#shown')).toBe('1');
    expect(await page.locator('#records tbody tr:visible').first().textContent()).toContain('Use gradient boosting');
    // Each row carries its status class, set from the status cell (the rows themselves stay small).
    const classes = await page.locator('#records tbody tr').evaluateAll((rows) => rows.map((r) => `${r.className}:${(r as HTMLTableRowElement).cells[2].textContent}`));
    expect(classes.length).toBeGreaterThan(1);
    for (const c of classes) expect(c).toMatch(/^s-(\w+):\1$/);
    const accepted = page.locator('#records tbody tr.s-accepted td:nth-child(3) .badge').first();
    const proposed = page.locator('#records tbody tr.s-proposed td:nth-child(3) .badge').first();
    const bg = (l: typeof accepted) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(accepted)).not.toBe(await bg(proposed));
    // A malformed address is ignored, not fatal.
    await page.goto(page.url().replace(/#.*/, '#tag=%E0%A4%A'));
    await page.reload();
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads the search index lazily on focus and finds a known record, whose link works', async () => {
    const page = await open('index.html');
    const scriptsBefore = await page.locator('script[src$="search-index.js"]').count();
    expect(scriptsBefore).toBe(0);
    await page.focus('#q');
    await page.keyboard.type('feature store');
    const hit = page.locator('#search-results a', { hasText: 'Adopt a feature store' });
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(/records\/0003\.html$/);
    expect(await page.textContent('h1')).toBe('Adopt a feature store');
    await page.focus('#q');
    await page.keyboard.type('xgboost');
    await page.locator('#search-results a', { hasText: 'gradient boosting' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the record page with status history, options and working relative links', async () => {
    const page = await open('records/0001.html');
    expect(await page.textContent('h1')).toBe('Use gradient boosting for churn scoring');
    const history = page.locator('.history li');
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('2024-02-20');
    expect(await history.nth(1).textContent()).toContain('accepted');
    expect(await page.locator('.matrix tr.chosen th').textContent()).toContain('XGBoost');
    await page.screenshot({ path: join(ARTIFACTS, 'record.png'), fullPage: true });
    await page.click('.facts a[href="../records/0002.html"]');
    await page.waitForURL(/records\/0002\.html$/);
    expect(await page.textContent('h1')).toBe('Use rules');
    await page.click('nav[aria-label="Site"] >> text=Timeline');
    await page.waitForURL(/timeline\.html$/);
    await page.click('nav[aria-label="Site"] >> text=Radar');
    await page.waitForURL(/radar\.html$/);
    expect(await page.locator('#blip-xgboost').textContent()).toContain('Use gradient boosting');
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations (${scheme} theme)`, async () => {
      for (const path of ['index.html', 'records/0001.html', 'records/0002.html', 'timeline.html', 'graph.html', 'radar.html', 'tags/ml.html']) {
        const page = await open(path, scheme, true);
        expect(await axeViolations(page), `${path} (${scheme})`).toEqual([]);
        await page.close();
      }
    });
  }
});
