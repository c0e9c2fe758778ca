import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { evidenceView } from '../../src/site/evidence.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { writeSite } from '../../src/site/io/write.js';
import { exportRecord } from '../../src/render/export.js';
import { ExportedRecord } from '../../src/model/export.js';
import { siteRecord } from '../site/fixtures.js';

const DEMO = join(import.meta.dirname, '../../examples/adr/0012-choose-a-text-embedding-model.md');
const text = readFileSync(DEMO, 'utf8');
const record = () => siteRecord('0012-choose-a-text-embedding-model.md', text);

let browser: Browser;
let site: string;

beforeAll(async () => {
  site = join(mkdtempSync(join(tmpdir(), 'adrkit-evidence-site-')), 'site');
  writeSite(site, buildSite({ title: 'Demo', baseUrl: '', sections: [{ name: 'adr', dir: 'adr' }], records: [record()] }, loadSiteTemplates()));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dirname(site), { recursive: true, force: true });
});

describe('evidence on the site', () => {
  it('the view links arXiv, Hugging Face model and dataset pages and run URLs; malformed entries are left out', () => {
    const view = evidenceView({ ...record().record, options: [...record().record.options, { id: 'x', name: 'X', evidence: [{ kind: 'paper', title: 'no id' }] as never }] })!;
    expect(view.options.map((o) => o.id)).toEqual(['bge-small', 'gte-base', 'e5-large']);
    const e5 = view.options[2].entries;
    expect(e5.flatMap((e) => e.links.map((l) => l.href))).toEqual([
      'https://huggingface.co/intfloat/e5-large-v2',
      'https://arxiv.org/abs/2212.03533',
      'https://huggingface.co/datasets/mteb/scifact',
      'https://huggingface.co/intfloat/e5-large-v2',
      'https://mlflow.example.com/#/experiments/14/runs/8f1c2a9d4b7e4c0a9e3d5f6a7b8c9d0e',
    ]);
    expect(view.measured!.rows.map((r) => [r.name, r.best, r.broken, r.cells.map((c) => `${c.value}|${c.score}`)])).toEqual([
      ['BGE small (en v1.5)', false, false, ['71.3|1', '11.2 ms|5']],
      ['GTE base', true, false, ['74.8|3.86', '27.9 ms|4.38']],
      ['E5 large (v2)', false, true, ['76.2|5', '118.4 ms|1']],
      ['X', false, false, ['–|–', '–|–']],
    ]);
  });

  it('the record page shows the measured matrix with the break highlighted and an evidence table per option (Chromium)', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('file://') && problems.push(`network request: ${r.url()}`));
    await page.goto(pathToFileURL(join(site, 'records', '0012.html')).href);
    const rows = await page.locator('.measured-matrix tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/E5 large \(v2\)\s+76\.2 score 5\*\s+118\.4 ms score 1\*\s+breaks Query latency: 118\.4 ms > max 50 ms/);
    const broken = page.locator('.measured-matrix tr.breaks td.broken');
    expect(await broken.innerText()).toContain('118.4 ms');
    const background = await broken.evaluate((el) => getComputedStyle(el).backgroundColor);
    const plain = await page.locator('.measured-matrix tbody tr').first().locator('td').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe(plain);
    expect(await page.locator('.measured-matrix tbody tr').nth(1).innerText()).toMatch(/GTE base chosen best/);
    expect(await page.locator('.evidence h3').allInnerTexts()).toEqual(['BGE small (en v1.5)', 'GTE base chosen', 'E5 large (v2)']);
    const links = await page.locator('.evidence-table a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://arxiv.org/abs/2308.03281');
    expect(links).toContain('https://huggingface.co/thenlper/gte-base');
    expect(links).toContain('https://wandb.ai/acme-search/embedding-latency/runs/p7d2x8mc');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('decisions.json and the export carry the evidence, measured values and breaks', () => {
    const decisions = JSON.parse(readFileSync(join(site, 'decisions.json'), 'utf8'));
    const e5 = decisions[0].options.find((o: { id: string }) => o.id === 'e5-large');
    expect(e5.measured).toEqual({ quality: 76.2, latency: 118.4 });
    expect(e5.breaks).toEqual(['latency']);
    expect(e5.evidence.map((e: { kind: string }) => e.kind)).toEqual(['model', 'paper', 'benchmark', 'run']);
    const exported = ExportedRecord.parse(exportRecord(record().record as never, 'examples/adr/0012.md'));
    const option = exported.options.find((o) => o.id === 'e5-large')!;
    expect(option.measured).toEqual({ quality: 76.2, latency: 118.4 });
    expect(option.breaks).toEqual(['latency']);
    expect((option.evidence as unknown[]).length).toBe(4);
    expect(exported.criteria.find((c) => c.id === 'latency')).toMatchObject({ metric: 'latency_p95_ms', unit: 'ms', direction: 'lower', max: 50 });
  });
});

describe('CSV export', () => {
  it('has measured, breaks and evidence columns', async () => {
    const { exportCsv, exportLog } = await import('../../src/render/export.js');
    const { parse } = await import('csv-parse/sync');
    const rows = parse(exportCsv(exportLog([{ record: parseRecordFull(), file: 'examples/adr/0012.md' }])), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0].breaks).toBe('e5-large.latency');
    expect(rows[0].measured).toContain('gte-base.latency=27.9');
    expect(rows[0].evidence).toContain('e5-large: run mlflow run latency-e5-large-v2-cpu');
  });
});

function parseRecordFull() {
  return siteRecord('0012-choose-a-text-embedding-model.md', text).record as never;
}
