import { describe, expect, it } from 'vitest';
import { buildSite, CSP, CSP_WITH_DIAGRAMS } from '../../src/site/build.js';
import { MERMAID_ASSET } from '../../src/site/pages/static.js';
import { renderMarkdown, withHeadingIds } from '../../src/site/markdown.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import type { SiteRadar } from '../../src/site/types.js';
import { RADAR, sampleInput, siteRecord } from './fixtures.js';

const templates = loadSiteTemplates();

const TEAM: SiteRadar = {
  id: 'team',
  name: 'Team radar',
  rings: [
    { name: 'Use', stance: 'adopt' },
    { name: 'Avoid', stance: 'hold' },
  ],
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="Team radar"></svg>',
  edition: '2024-05-01',
  blips: [
    {
      number: 1, id: 'pytorch', name: 'PyTorch', ring: 'Avoid', stance: 'hold', quadrant: 'Tools', chose: [], considered: ['0001-use-gradient-boosting'],
      ringHistory: [{ date: '2024-01-01', ring: 'Use' }, { date: '2024-05-01', ring: 'Avoid' }],
    },
  ],
};

describe('record bodies', () => {
  it('hides sections that hold only template comments, keeping filled ones and their subsections', () => {
    const body = '# T\n\n## Context\n\nReal text.\n\n## Decision criteria\n\n<!-- weigh each criterion -->\n\n## Options\n\n### A\n\nAn option.\n\n## Impacts\n\n<!-- what changes -->\n';
    const html = renderMarkdown(body, { dropTitle: true, dropEmptySections: true });
    expect(html).toContain('<h2>Context</h2>');
    expect(html).toContain('<h2>Options</h2>');
    expect(html).toContain('<h3>A</h3>');
    expect(html).not.toContain('Decision criteria');
    expect(html).not.toContain('Impacts');
    expect(renderMarkdown(body, { dropTitle: true })).toContain('Impacts');
  });

  it('gives each h2 a unique id made from its text, never from the record', () => {
    const { html, headings } = withHeadingIds('<h2>Context &amp; problem</h2><p>x</p><h2>Options</h2><h2>Options</h2>');
    expect(headings).toEqual([
      { id: 's-context-problem', text: 'Context & problem' },
      { id: 's-options', text: 'Options' },
      { id: 's-options-2', text: 'Options' },
    ]);
    expect(html).toBe('<h2 id="s-context-problem">Context &amp; problem</h2><p>x</p><h2 id="s-options">Options</h2><h2 id="s-options-2">Options</h2>');
  });
});

describe('site pages', () => {
  it('shows every configured radar, with each blip anchored per radar and its ring history', () => {
    const files = buildSite({ ...sampleInput(), radars: [RADAR, TEAM] }, templates);
    const radar = files.get('radar.html')!;
    expect([...radar.matchAll(/<h2 id="radar-\d-h">([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['Technology radar · 2024', 'Team radar · 2024-05-01']);
    expect(radar).toContain('<tr id="blip-team-pytorch">');
    expect(radar).toContain('<li><time datetime="2024-01-01">2024-01-01</time> Use</li><li><time datetime="2024-05-01">2024-05-01</time> Avoid</li>');
    // A custom ring name takes its colour from its stance.
    expect(radar).toContain('<span class="ring ring-hold">Avoid</span>');
    // The record page links the option to the blip of the first radar that has it.
    expect(files.get('records/0001.html')).toContain('href="../radar.html#blip-pytorch"');
    const team = buildSite({ ...sampleInput(), radars: [TEAM] }, templates).get('records/0001.html')!;
    expect(team).toContain('<a class="ring ring-hold" href="../radar.html#blip-team-pytorch" title="Show PyTorch on the radar">Avoid</a>');
  });

  it('lists tags on a tags page in the navigation, and tag pages link back to it', () => {
    const files = buildSite(sampleInput(), templates);
    expect(files.get('index.html')).toContain('<a href="tags.html">Tags</a>');
    expect(files.get('tags.html')).toContain('<a class="tag" href="tags/ml.html">ml</a> <span class="count">(1)</span>');
    expect(files.get('tags/ml.html')).toContain('<a href="../tags.html">Tags</a>');
    // The tag filter carries each tag's page key, for the links the site script makes.
    expect(files.get('index.html')).toContain('<option data-k="platform">platform</option>');
  });

  it('tells an empty log how to write its first record', () => {
    const index = buildSite({ ...sampleInput(), records: [] }, templates).get('index.html')!;
    expect(index).toContain('No decision records yet');
    expect(index).toContain('npx adrkit new');
    expect(index).not.toContain('<table');
  });

  it('puts a banner with the successor on superseded records only', () => {
    const files = buildSite(sampleInput(), templates);
    expect(files.get('records/0002.html')).toMatch(/<div class="banner banner-superseded" role="note">\n<p><strong>Superseded\.<\/strong> This decision no longer applies: see <a href="..\/records\/0001.html">0001 · Use gradient boosting for churn scoring<\/a>/);
    expect(files.get('records/0001.html')).not.toContain('class="banner');
  });

  it('lists "referenced by" from body links, and draws body links dashed on the graph', () => {
    const input = sampleInput();
    input.records.push(siteRecord('0004-follow-up.md', '---\ntitle: Follow up\nstatus: proposed\ndate: 2024-07-01\n---\n# Follow up\n\nSee [the feature store](0003-feature-store.md#context).\n'));
    const files = buildSite(input, templates);
    expect(files.get('records/0003.html')).toContain('<dt>Referenced by</dt><dd><ul class="inline"><li><a href="../records/0004.html">0004 · Follow up</a>');
    expect(files.get('graph.html')).toContain('class="edge edge-links-to" marker-end="url(#arrow-links-to)"');
    expect(files.get('graph.html')).toContain('<circle class="node s-proposed"');
    // A body link that repeats a relation (0001 supersedes 0002 and links to it) is listed once.
    expect(files.get('records/0002.html')).not.toContain('Referenced by');
  });

  it('loads Mermaid, with inline styles allowed, only on pages with a diagram; publishes it only then', () => {
    const input = sampleInput();
    const plain = buildSite(input, templates);
    expect(plain.has(MERMAID_ASSET)).toBe(false);
    input.records.push(siteRecord('0004-pipeline.md', '---\ntitle: Pipeline\nstatus: proposed\ndate: 2024-07-01\n---\n# Pipeline\n\n```mermaid\nflowchart LR\n  a --> b\n```\n'));
    const files = buildSite(input, templates);
    expect(files.has(MERMAID_ASSET)).toBe(true);
    const page = files.get('records/0004.html')!;
    expect(page).toContain(`content="${CSP_WITH_DIAGRAMS}"`);
    expect(page).toContain('<script src="../assets/mermaid.js" defer></script>');
    expect(page).toContain('<pre><code class="language-mermaid">flowchart LR\n  a --&gt; b\n</code></pre>');
    expect(CSP_WITH_DIAGRAMS).toContain("script-src 'self';");
    expect(files.get('records/0001.html')).toContain(`content="${CSP}"`);
    expect(files.get('records/0001.html')).not.toContain('mermaid.js');
  });

  it('indexes deciders and option names and ships a snippet per result', () => {
    const script = buildSite(sampleInput(), templates).get('search-index.js')!;
    expect(script).toContain('"fields":["title","tags","blips","deciders","options","status","text"]');
    expect(script).toContain('["records/0001.html","0001 · Use gradient boosting for churn scoring","accepted","Context Churn scoring needs an explainable model.');
    expect(script).toMatch(/\["grace",/);
    expect(script).toMatch(/\["xgboost",/);
  });
});
