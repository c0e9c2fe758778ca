import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { loadRadars } from '../../src/radar/load.js';
import { renderRadarSvg } from '../../src/render/radar-svg.js';

const FIX = join(import.meta.dirname, '../fixtures/radar');

describe('seed radar SVG in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows all 43 blips, none overlapping, each a link to its entry', async () => {
    const radar = loadRadars(FIX, undefined).radars[0];
    const svg = renderRadarSvg(radar);
    const rows = radar.editions[0].blips.map((b) => `<li id="blip-${b.id}">${b.name}</li>`).join('');
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Radar</title></head><body style="margin:0">${svg}<ol>${rows}</ol></body></html>`);
    const links = page.locator('svg a');
    expect(await links.count()).toBe(43);
    for (let i = 0; i < 43; i++) expect(await links.nth(i).locator('circle').isVisible()).toBe(true);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('svg a circle')].map((c) => {
        const r = c.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, radius: r.width / 2, w: r.width, h: r.height };
      }),
    );
    expect(boxes).toHaveLength(43);
    for (const b of boxes) {
      expect(b.w).toBeGreaterThan(10);
      expect(b.x - b.radius).toBeGreaterThanOrEqual(0);
      expect(b.y - b.radius).toBeGreaterThanOrEqual(0);
    }
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (Math.hypot(boxes[i].x - boxes[j].x, boxes[i].y - boxes[j].y) < boxes[i].radius + boxes[j].radius) overlaps++;
      }
    }
    expect(overlaps).toBe(0);
    // each blip is a link to its entry: clicking the first one targets its list item
    const first = await links.first().getAttribute('href');
    expect(first).toMatch(/^#blip-/);
    await links.first().click();
    expect(await page.evaluate(() => location.hash)).toBe(first);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await page.close();
  });
});
