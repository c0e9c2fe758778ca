import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdrkitError } from '../../src/model/errors.js';
import { buildSite, planSite } from '../../src/site/build.js';
import { htmlToText, renderMarkdown, renderMarkdownWithText } from '../../src/site/markdown.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { SITE_MARKER, writeSite, writeSiteAsync } from '../../src/site/io/write.js';
import { RADAR, sampleInput } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'adrkit-stream-'));
  dirs.push(d);
  return d;
}

function readTree(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [p, c] of readTree(dir, path)) files.set(p, c);
    else if (path !== SITE_MARKER) files.set(path, readFileSync(join(dir, path), 'latin1'));
  }
  return files;
}

describe('streamed site', () => {
  const templates = loadSiteTemplates();

  it('writes, one file at a time, exactly the files buildSite returns', async () => {
    const input = sampleInput(RADAR);
    const expected = new Map([...buildSite(input, templates)].map(([p, c]) => [p, typeof c === 'string' ? Buffer.from(c).toString('latin1') : Buffer.from(c).toString('latin1')]));
    const out = join(temp(), 'site');
    await writeSiteAsync(out, planSite(input, templates).each());
    expect(new Map([...readTree(out)].sort())).toEqual(new Map([...expected].sort()));
    const sync = join(temp(), 'site');
    writeSite(sync, planSite(input, templates).each());
    expect(readTree(sync)).toEqual(readTree(out));
  });

  it('gives the same search index and feed whether or not the record pages were rendered first', () => {
    const input = sampleInput(RADAR);
    const plan = planSite(input, templates);
    const alone = plan.render((p) => p === 'search-index.js' || p === 'feed.xml');
    const full = buildSite(input, templates);
    expect(alone.get('search-index.js')).toBe(full.get('search-index.js'));
    expect(alone.get('feed.xml')).toBe(full.get('feed.xml'));
  });

  it('keeps the previous site when rendering fails midway, and rethrows the render error as is', async () => {
    const out = join(temp(), 'site');
    writeSite(out, new Map([['index.html', 'old']]));
    function* failing(): Generator<[string, string]> {
      yield ['a.html', 'a'];
      throw new Error('site template "record.hbs" is broken');
    }
    await expect(writeSiteAsync(out, failing())).rejects.toThrow(/record\.hbs/);
    expect(() => writeSite(out, failing())).toThrow(/record\.hbs/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(existsSync(join(out, 'a.html'))).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual(['site']);
  });

  it('refuses an unsafe path met in the stream and leaves nothing behind', async () => {
    const out = join(temp(), 'site');
    function* evil(): Generator<[string, string]> {
      yield ['ok.html', 'x'];
      yield ['../escape.html', 'x'];
    }
    await expect(writeSiteAsync(out, evil())).rejects.toBeInstanceOf(AdrkitError);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});

describe('renderMarkdownWithText', () => {
  it('returns the HTML renderMarkdown gives and its plain text without code blocks', () => {
    const md = '# Title\n\nUse **X** & <b>Y</b> for "Z" — it\'s [fast](0002-b.md).\n\n```\nsecret code\n```\n\n| a | b |\n|---|---|\n| 1 < 2 | ok |\n';
    const options = { dropTitle: true, topLevel: 2, rewriteLink: () => 'b.html' };
    const { html, text } = renderMarkdownWithText(md, options);
    expect(html).toBe(renderMarkdown(md, options));
    expect(text).toBe('Use X & Y for "Z" — it\'s fast. a b 1 < 2 ok');
    expect(htmlToText('<p>a &amp;lt; b</p>')).toBe('a &lt; b');
  });
});
