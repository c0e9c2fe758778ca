import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSite, CSP } from '../../src/site/build.js';
import { blipIndexScript } from '../../src/site/pages/blip-index.js';
import { SiteSession } from '../../src/site/incremental.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { RADAR, sampleInput, siteRecord } from './fixtures.js';

const templates = loadSiteTemplates();

describe('buildSite', () => {
  it('never shows an unfilled placeholder as a status text', () => {
    const input = sampleInput();
    input.records.push(siteRecord('0004-use-lambda.md', '# 4. Use Lambda\n\nDate: 2024-05-17\n\n## Status\n\n> Accepted or Rejected\n\n## Context\n\nx\n'));
    expect(input.records[3].record.statusPlaceholder).toBe('Accepted or Rejected');
    const files = buildSite(input, templates);
    const page = String(files.get('records/0004.html'));
    expect(page).toContain('class="badge s-unknown"');
    expect(page).not.toMatch(/class="status-text">[^<]*Accepted or Rejected/);
    expect(String(files.get('index.html'))).not.toContain('Accepted or Rejected');
    const entry = (JSON.parse(String(files.get('decisions.json'))) as Array<{ number: number; statusText: string | null }>).find((e) => e.number === 4);
    expect(entry).toMatchObject({ statusText: null });
  });

  it('is deterministic: two builds of the same input are byte-identical', () => {
    const a = buildSite(sampleInput(RADAR), templates);
    const b = buildSite(sampleInput(RADAR), templates);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, content] of a) expect(b.get(path), path).toBe(content);
    const shuffled = sampleInput(RADAR);
    shuffled.records.reverse();
    expect(buildSite(shuffled, templates)).toEqual(a);
  });

  it('writes every page, feed and data file, with relative links only', () => {
    const files = buildSite(sampleInput(RADAR), templates);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'index.html', 'timeline.html', 'graph.html', 'radar.html', 'feed.xml', 'decisions.json', 'search-index.js',
        'assets/site.css', 'assets/site.js', 'assets/minisearch.js',
        'records/0001.html', 'records/0002.html', 'records/0003.html',
        'tags/ml.html', 'tags/churn.html', 'tags/platform.html',
      ]),
    );
    expect(files.has('sitemap.xml')).toBe(false);
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      expect(content, path).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      expect(content, path).not.toMatch(/(src|href)="(\/|https?:\/\/(?!github\.com\/example))/);
      expect(content, path).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(content, path).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    }
  });

  it('adds sitemap.xml and absolute feed links only for an absolute base URL', () => {
    const files = buildSite({ ...sampleInput(), baseUrl: 'https://example.org/decisions' }, templates);
    expect(files.get('sitemap.xml')).toContain('<loc>https://example.org/decisions/records/0002.html</loc>');
    expect(files.get('feed.xml')).toContain('href="https://example.org/decisions/records/0001.html"');
    expect(buildSite(sampleInput(), templates).get('feed.xml')).toContain('href="records/0001.html"');
  });

  it('shows options, weighted totals, ring badges, status history, supersede links and the edit link', () => {
    const page = buildSite(sampleInput(RADAR), templates).get('records/0001.html')!;
    expect(page).toMatch(/XGBoost <span class="badge chosen-badge">chosen<\/span>/);
    expect(page).toContain('<td class="total">15</td>'); // 3×4 + 1×3
    expect(page).toContain('<td class="total">11</td>'); // 3×2 + 1×5
    expect(page).toContain('<span class="ring ring-adopt">Adopt</span>'); // written on the option, no blip
    // PyTorch's ring comes from the radar; the badge links to the blip on the radar page.
    expect(page).toContain('<a class="ring ring-trial" href="../radar.html#blip-pytorch" title="Show PyTorch on the radar">Trial</a>');
    // The best weighted total (3×5 + 1×1 = 16) is marked, apart from the chosen option.
    expect(page).toContain('<tr class="best"><th scope="row">Neural network <span class="badge best-badge">best score</span>');
    expect(page).toContain('<tr class="chosen"><th scope="row">XGBoost <span class="badge chosen-badge">chosen</span><br>');
    expect(page).toMatch(/2024-02-20<\/time> <span class="badge s-proposed">/);
    expect(page).toContain('<dt>Supersedes</dt><dd><ul class="inline"><li><a href="../records/0002.html">0002 · Use rules</a>');
    expect(page).toContain('href="https://github.com/example/demo/edit/main/adr/0001-use-gradient-boosting.md"');
    expect(page).toContain('<a href="0002.html">the old decision</a>');
    const old = buildSite(sampleInput(), templates).get('records/0002.html')!;
    expect(old).toContain('<dt>Superseded by</dt><dd><ul class="inline"><li><a href="../records/0001.html">');
    const graph = buildSite(sampleInput(), templates).get('graph.html')!;
    expect(graph).toContain('class="edge edge-supersedes"');
  });

  it('escapes user text and sanitises record bodies', () => {
    const evil = siteRecord(
      '0009-evil.md',
      '---\ntitle: "<img src=x onerror=alert(1)> & co"\nstatus: accepted\ndate: 2024-01-01\ntags: ["<b>t</b>"]\ndeciders: ["\\"><script>alert(2)</script>"]\n---\n# <img src=x onerror=alert(1)> & co\n\n<script>alert(3)</script>\n\n<a href="javascript:alert(4)">j</a> <img src="http://tracker.example/p.gif" onerror="x()"> <iframe src="https://e.org"></iframe> <p style="color:red" onclick="y()">styled</p>\n\n[link](javascript:alert(5))\n',
    );
    const files = buildSite({ ...sampleInput(), records: [evil] }, templates);
    const all = [...files].filter(([p]) => p.endsWith('.html')).map(([, c]) => c).join('\n');
    expect(all).not.toMatch(/<script>alert|onerror=|onclick=|javascript:|<iframe|tracker\.example|style="color/);
    expect(all).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; co');
    expect(files.get('records/0009.html')).toContain('<p>styled</p>');
    expect(files.get('search-index.js')).not.toMatch(/<\/script/i);
  });

  it('lists what happened on the timeline (created, each status change, supersede), by month, newest first', () => {
    const timeline = buildSite(sampleInput(), templates).get('timeline.html')!;
    const months = [...timeline.matchAll(/<h2 id="m-[\d-]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(months).toEqual(['March 2024', 'January 2024', 'May 2023']);
    const events = [...timeline.matchAll(/<li class="event ev-(\w+)" data-kind="\1"><time datetime="([\d-]+)">/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(events).toEqual(['2024-03-01 accepted', '2024-01-01 created', '2024-01-01 created', '2023-05-01 superseded', '2023-05-01 created']);
    // The superseded event names its successor.
    expect(timeline).toMatch(/ev-superseded[^\n]*0002 · Use rules[^\n]*<span class="by">by <a href="records\/0001.html">0001 · Use gradient boosting/);
    expect(timeline).toContain('<input type="checkbox" value="created" checked>');
  });

  it('writes decisions.json with the documented fields', () => {
    const entries = JSON.parse(buildSite(sampleInput(), templates).get('decisions.json')!);
    expect(entries[0]).toEqual({
      number: 1, title: 'Use gradient boosting for churn scoring', status: 'accepted', statusText: 'accepted', date: '2024-03-01',
      created: '2024-01-01T10:00:00+01:00', updated: '2024-02-01T10:00:00+01:00', authors: ['Ada'], path: 'adr/0001-use-gradient-boosting.md',
      tags: ['ml', 'churn'], chosen: 'xgb',
    });
  });

  it('keeps the home page under 200 KB and the search index under 1 MB gzipped for 1,000 records', () => {
    const words = 'model feature drift latency training inference pipeline batch streaming registry evaluation metric monitoring budget privacy'.split(' ');
    // Three options per record, each linked to one of 40 blips (the blip filter must not weigh on rows).
    const options = (i: number) => [0, 1, 2].map((k) => `  - { id: o${k}, name: Option ${k}, blip: blip-${(i * 3 + k * 7) % 40} }\n`).join('');
    const records = Array.from({ length: 1000 }, (_, i) => {
      const title = `Use ${words[i % 15]} ${words[(i * 7) % 15]} for the ${words[(i * 3) % 15]} service ${i}`;
      const body = Array.from({ length: 40 }, (_, j) => `${words[(i + j) % 15]} ${words[(i * j) % 15]} decision ${i}-${j % 7} context`).join('. ');
      const n = String(i + 1).padStart(4, '0');
      return siteRecord(`${n}-use-${words[i % 15]}-${words[(i * 7) % 15]}-for-the-${words[(i * 3) % 15]}-service.md`, `---\ntitle: ${title}\nstatus: accepted\ndate: 2024-01-01\ntags: [${words[i % 15]}, ${words[(i + 4) % 15]}]\ndeciders: [Ada Lovelace, Grace Hopper]\noptions:\n${options(i)}---\n# ${title}\n\n## Context\n\n${body}\n`);
    });
    const files = buildSite({ ...sampleInput(), records }, templates);
    expect(files.get('index.html')).toContain('<option value="blip-39">');
    const home = Buffer.byteLength(files.get('index.html')!);
    const index = gzipSync(files.get('search-index.js')!).length;
    console.info(`1,000 records: index.html ${Math.round(home / 1024)} KB, search-index.js ${Math.round(index / 1024)} KB gzipped`);
    expect(home).toBeLessThanOrEqual(200 * 1024);
    expect(index).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('blipIndexScript', () => {
  const load = (script: string): unknown => {
    const scope: { ADRKIT_BLIPS?: unknown } = {};
    new Function('globalThis', script)(scope);
    return scope.ADRKIT_BLIPS;
  };

  it('maps each blip to the positions of the records that link it, sorted and without repeats', () => {
    expect(load(blipIndexScript([['xgboost', 'pytorch'], [], ['pytorch', 'pytorch'], ['airflow']]))).toEqual([
      ['airflow', [3]],
      ['pytorch', [0, 2]],
      ['xgboost', [0]],
    ]);
  });

  it('keeps a hostile blip id a plain key', () => {
    const pairs = load(blipIndexScript([['__proto__'], ['constructor', '__proto__']])) as Array<[string, number[]]>;
    expect(new Map(pairs).get('__proto__')).toEqual([0, 1]);
    expect(Object.getPrototypeOf(pairs)).toBe(Array.prototype);
  });

  it('is part of the site, with positions in the order of the home page rows', () => {
    const files = buildSite(sampleInput(RADAR), templates);
    const pairs = new Map(load(files.get('blip-index.js')!) as Array<[string, number[]]>);
    const rows = [...files.get('index.html')!.matchAll(/<tr><td>(\d+)/g)].map((m) => m[1]);
    expect(pairs.get('xgboost')!.map((i) => rows[i])).toEqual(['0001']);
    expect(files.get('index.html')).not.toMatch(/data-b/);
  });
});

describe('SiteSession (incremental rebuild)', () => {
  it('re-renders only the affected pages and ends equal to a full build', () => {
    const input = sampleInput(RADAR);
    const session = new SiteSession(input, templates);
    const edited = siteRecord('0003-feature-store.md', '---\nstatus: accepted\ndate: 2024-06-10\ntags: [platform, data]\n---\n# Adopt a feature store\n\nNow accepted.\n');
    const update = session.update('adr/0003-feature-store.md', edited);
    expect(update.full).toBe(false);
    expect(update.changed).toContain('records/0003.html');
    expect(update.changed).toContain('index.html');
    expect(update.changed).toContain('tags/data.html');
    expect(update.changed).not.toContain('records/0001.html');
    expect(update.changed).not.toContain('assets/site.css');
    const expected = buildSite({ ...input, records: input.records.map((r) => (r.file === edited.file ? edited : r)) }, templates);
    expect(new Map([...session.files].sort())).toEqual(expected);
  });

  it('updates the pages of related records when a title changes, and handles removal', () => {
    const input = sampleInput();
    const session = new SiteSession(input, templates);
    const renamed = siteRecord('0002-use-rules.md', '# 2. Use hand-written rules\n\nDate: 2023-05-01\n\n## Status\n\nSuperseded by [1](0001-use-gradient-boosting.md)\n', { created: '2023-05-01T08:00:00Z' });
    const update = session.update('adr/0002-use-rules.md', renamed);
    expect(update.changed).toContain('records/0001.html');
    expect(session.files.get('records/0001.html')).toContain('0002 · Use hand-written rules');
    const removal = session.update('adr/0003-feature-store.md', undefined);
    expect(removal.removed).toEqual(['records/0003.html', 'tags/platform.html']);
    const expected = buildSite({ ...input, records: [input.records[0], renamed] }, templates);
    expect(new Map([...session.files].sort())).toEqual(expected);
  });
});
