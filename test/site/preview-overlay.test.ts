import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { collectSite } from '../../src/site/io/collect.js';
import { OVERLAY_ID, Preview } from '../../src/site/io/preview.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { readLog } from '../../src/workspace/read-log.js';
import { gitdir } from '../history/gitdir.js';

const record = (status: string) => `---\ntitle: Use FAISS\nstatus: ${status}\ndate: 2024-01-10\ntags: [search]\n---\n\n# Use FAISS\n\n## Context\n\nx\n`;
const BROKEN = '---\ntitle: Use FAISS\nstatus: accepted\ntags: [search\ndate: 2024-01-10\n---\n\n# Use FAISS\n';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('adrkit preview: a record that stops reading', () => {
  it('returns the finding for the terminal and shows an overlay in the browser until the file is fixed', async () => {
    const g = gitdir();
    try {
      g.write('adr/0001-use-faiss.md', record('proposed'));
      g.commit('records', '2024-02-01T00:00:00Z');
      const collected = await collectSite(g.dir, [readLog(g.dir, join(g.dir, 'adr'))], { title: 'Preview', baseUrl: '' });
      const preview = new Preview(collected, loadSiteTemplates());
      const server = await preview.listen(0);
      const { port } = server.address() as AddressInfo;
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${port}/records/0001.html`);
      await page.waitForFunction(() => document.readyState === 'complete');
      await page.waitForTimeout(300); // the event stream connects
      expect(await page.locator(`#${OVERLAY_ID}`).count()).toBe(0);

      g.write('adr/0001-use-faiss.md', BROKEN);
      const update = preview.applyChange(join(g.dir, 'adr/0001-use-faiss.md'));
      // the terminal line: file:line:col at the cause (the `[` on line 4)
      expect(update.problems).toEqual([expect.stringMatching(/^adr\/0001-use-faiss\.md:4:7: invalid YAML in frontmatter: this flow list `\[ … \]` is never closed/)]);
      const overlay = page.locator(`#${OVERLAY_ID}`);
      await overlay.waitFor({ state: 'visible', timeout: 5000 });
      expect(await overlay.textContent()).toContain('adr/0001-use-faiss.md:4:7');
      // the page keeps the last good version, not "status unknown"
      expect(await page.textContent('body')).toMatch(/proposed/i);
      // a reload keeps the overlay until fixed
      await page.reload();
      await overlay.waitFor({ state: 'visible', timeout: 5000 });

      g.write('adr/0001-use-faiss.md', record('accepted'));
      const fixed = preview.applyChange(join(g.dir, 'adr/0001-use-faiss.md'));
      expect(fixed.problems).toBeUndefined();
      expect(preview.problemsOf(join(g.dir, 'adr/0001-use-faiss.md'))).toBeUndefined();
      await page.waitForFunction((id) => !document.getElementById(id) && /accepted/i.test(document.body.textContent ?? ''), OVERLAY_ID, { timeout: 5000 });
      expect(errors).toEqual([]);
      await page.close();
      preview.closeClients();
      await new Promise((r) => server.close(r));
    } finally {
      g.cleanup();
    }
  }, 60_000);
});
