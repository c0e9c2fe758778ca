import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

/**
 * XSS: payloads in titles, bodies, every user-controlled frontmatter field and radar blip names
 * must never run in the built site. Each payload calls alert() and logs XSS-FIRED; pages are
 * opened in headless Chromium, which listens for dialogs and console messages, and the DOM is
 * checked for injected script, event handlers and javascript: URLs. Every page must carry a
 * strict Content-Security-Policy meta tag.
 */
const FIRE = "alert(1);console.log('XSS-FIRED')";
const VECTORS = [
  `<script>${FIRE}</script>`,
  `<img src=x onerror="${FIRE}">`,
  `<svg onload="${FIRE}">`,
  `<svg><script>${FIRE}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${FIRE}">`,
  `<iframe src="javascript:${FIRE}"></iframe>`,
  `<a href="javascript:${FIRE}">click</a>`,
  `[click](javascript:${FIRE})`,
  `[click](JaVaScRiPt:${FIRE})`,
  `[click](&#106;avascript:${FIRE})`,
  `![x](x" onerror="${FIRE})`,
  `![x](javascript:${FIRE})`,
  `<details open ontoggle="${FIRE}">`,
  `<body onload="${FIRE}">`,
  `"><script>${FIRE}</script>`,
  `'><img src=x onerror=${FIRE}>`,
  `</title><script>${FIRE}</script>`,
  `</textarea><script>${FIRE}</script>`,
  `<object data="javascript:${FIRE}"></object>`,
  `<embed src="javascript:${FIRE}">`,
  `<form action="javascript:${FIRE}"><button>x</button></form>`,
  `<input autofocus onfocus="${FIRE}">`,
  `<video><source onerror="${FIRE}"></video>`,
  `<style>@import 'javascript:${FIRE}';</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${FIRE}">`,
  `<base href="javascript:${FIRE}//">`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
  `{{constructor.constructor('${FIRE}')()}}`,
  `\${${FIRE}}`,
  `<scr<script>ipt>${FIRE}</scr</script>ipt>`,
  `<svg><a xlink:href="javascript:${FIRE}"><text x="0" y="20">x</text></a></svg>`,
  `<div style="background:url(javascript:${FIRE})">x</div>`,
  `<noscript><p title="</noscript><img src=x onerror=${FIRE}>">`,
];

const yamlString = (s: string) => JSON.stringify(s);
const dirs: TestDir[] = [];
let browser: Browser;
let server: Server;
let base = '';
let project: TestDir;

function radarYaml(): string {
  const blips = VECTORS.slice(0, 8).map((v, i) => `  - id: blip-${i}\n    name: ${yamlString(v)}\n    quadrant: models\n    ring: ${['adopt', 'trial', 'assess', 'hold'][i % 4]}\n    summary: ${yamlString(v)}\n`).join('');
  const rings = ['adopt', 'trial', 'assess', 'hold'].map((r, i) => `  - id: ${r}\n    name: ${r.toUpperCase()}\n    order: ${i + 1}\n`).join('');
  return `id: team\nname: ${yamlString(VECTORS[0])}\ndate: 2024-01-01\nquadrants:\n  - id: models\n    name: ${yamlString(VECTORS[2])}\n    order: 1\nrings:\n${rings}blips:\n${blips}`;
}

function record(n: number, v: string, w: string): string {
  const options = [0, 1, 2].map((k) => `  - id: opt-${k}\n    name: ${yamlString(`${w} ${k}`)}\n    blip: team/blip-${(n + k) % 8}\n    links: [${yamlString(`javascript:${FIRE}`)}]\n`).join('');
  return [
    '---',
    `title: ${yamlString(v)}`,
    'status: accepted',
    'date: 2024-01-10',
    `deciders: [${yamlString(w)}, ${yamlString(v)}]`,
    `tags: [${yamlString(v)}, ${yamlString(w)}]`,
    `criteria:\n  - id: crit\n    name: ${yamlString(v)}\n    weight: 1\n    description: ${yamlString(w)}`,
    `options:\n${options.trimEnd()}`,
    'chosen: opt-0',
    `relates-to: [${yamlString(v)}]`,
    '---',
    '',
    `# ${v}`,
    '',
    '## Context and problem',
    '',
    v,
    '',
    w,
    '',
    '## Decision criteria',
    '',
    `- ${w}`,
    '',
    '## Options',
    '',
    `### ${v}`,
    '',
    `\`${v}\` and [link](${`javascript:${FIRE}`}) and <${`javascript:${FIRE}`}>`,
    '',
    '## Decision',
    '',
    v,
    '',
    '## Impacts',
    '',
    w,
    '',
  ].join('\n');
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml' };

beforeAll(async () => {
  const files: Record<string, string> = { 'adrkit.config.json': JSON.stringify({ dir: 'adr', radars: ['radar.yaml'] }), 'radar.yaml': radarYaml() };
  VECTORS.forEach((v, i) => {
    files[`adr/${String(i + 1).padStart(4, '0')}-xss-${i}.md`] = record(i, v, VECTORS[(i + 7) % VECTORS.length]);
  });
  project = testdir(files);
  dirs.push(project);
  const result = await runCli(['build', '--out', 'site'], { cwd: project.path });
  if (result.code > 1) throw new Error(`build failed: ${result.stderr}`);
  const root = project.join('site');
  server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    let path = normalize(join(root, url));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  dirs.forEach((d) => d.remove());
});

describe('XSS in the built site', () => {
  it(`uses at least 30 vectors (${VECTORS.length})`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
  });

  it('no payload runs on any page, no injected script/handler/javascript: URL, strict CSP on every page', async () => {
    const pages = globSync('**/*.html', { cwd: project.join('site') }).sort();
    expect(pages.length).toBeGreaterThanOrEqual(VECTORS.length);
    const fired: string[] = [];
    const context = await browser.newContext();
    const audit = async (rel: string) => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        fired.push(`${rel}: dialog ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('console', (msg) => {
        if (msg.text().includes('XSS-FIRED')) fired.push(`${rel}: console`);
      });
      await page.goto(`${base}/${rel}`, { waitUntil: 'load' });
      // let autofocus / ontoggle / meta refresh / lazy handlers have their chance
      await page.waitForTimeout(50);
      const found = await page.evaluate(() => {
        const bad: string[] = [];
        for (const el of Array.from(document.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) {
            if (/^on/i.test(attr.name)) bad.push(`${el.tagName} ${attr.name}`);
            if (/^(href|src|action|data|formaction|xlink:href)$/i.test(attr.name) && /^\s*(javascript|data:text\/html|vbscript):?/i.test(attr.value)) bad.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 40)}`);
          }
        }
        for (const s of Array.from(document.querySelectorAll('script'))) if (!s.getAttribute('src') || s.textContent?.trim()) bad.push(`inline script ${s.textContent?.slice(0, 40)}`);
        for (const tag of ['iframe', 'object', 'embed', 'base', 'form[action]', 'meta[http-equiv=refresh]']) if (document.querySelector(tag)) bad.push(`element ${tag}`);
        const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
        return { bad, csp, cspIsFirstMeta: document.head.querySelector('meta[http-equiv]') === document.querySelector('meta[http-equiv="Content-Security-Policy"]') };
      });
      expect(found.bad, rel).toEqual([]);
      expect(found.csp, `${rel}: CSP meta`).toMatch(/default-src 'none'/);
      expect(found.csp, rel).toMatch(/script-src 'self'/);
      expect(found.csp, rel).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(found.cspIsFirstMeta, rel).toBe(true);
      await page.close();
    };
    // a few pages at a time: each waits for its handlers, so the waits overlap
    const queue = [...pages];
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let rel = queue.shift(); rel !== undefined; rel = queue.shift()) await audit(rel);
    }));
    await context.close();
    expect(fired).toEqual([]);
  }, 600_000);

  it('raw HTML is escaped in titles and frontmatter fields (text shown, not parsed)', async () => {
    const html = readFileSync(project.join('site', globSync('**/0001-*.html', { cwd: project.join('site') })[0] ?? 'index.html'), 'utf8');
    expect(html).not.toContain(VECTORS[0]);
    expect(html).toContain('&lt;script&gt;');
  });
});
