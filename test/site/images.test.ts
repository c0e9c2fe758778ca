import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { buildSite } from '../../src/site/build.js';
import { imageSources, resolveImageRef } from '../../src/site/images.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { sampleInput } from './fixtures.js';

const dirs: TestDir[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 250, 251]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n';

const RECORD = `# 1. Draw the architecture

Date: 2024-01-10

## Status

Accepted

## Context

![Beside](img.png "Beside the record")

<img src="assets/diagram.svg" alt="Diagram">

![Missing](missing.png)

![Outside](../outside.png)

![Linked](linked.png)

![Remote](https://example.org/remote.png) and ![inline](data:image/png;base64,iVBORw0KGgo=)

\`\`\`
![not an image](code.png)
\`\`\`
`;

/** `src` of every `<img>` of an HTML page. */
function imgSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** Absolute file a relative URL of a page resolves to (as a browser would from file://). */
function resolveFrom(page: string, src: string): string {
  return fileURLToPath(new URL(src, pathToFileURL(page)));
}

describe('images referenced by record bodies', () => {
  it('publishes images beside the record and in subfolders, byte for byte, and points the page at them', async () => {
    const dir = testdir({
      'adrkit.config.json': '{"dir":"adr"}',
      'adr/0001-draw-the-architecture.md': RECORD,
      'adr/img.png': PNG,
      'adr/assets/diagram.svg': SVG,
      'adr/code.png': PNG,
      'outside.png': PNG,
    });
    dirs.push(dir);
    symlinkSync(dir.join('outside.png'), dir.join('adr', 'linked.png'));
    const result = await runCli(['build'], { cwd: dir.path });
    expect(result.code, result.stderr).toBe(0);

    const site = dir.join('_site');
    expect(readFileSync(join(site, 'files', 'adr', 'img.png'))).toEqual(Buffer.from(PNG));
    expect(readFileSync(join(site, 'files', 'adr', 'assets', 'diagram.svg'), 'utf8')).toBe(SVG);
    expect(readdirSync(join(site, 'files', 'adr')).sort()).toEqual(['assets', 'img.png']);

    const pagePath = join(site, 'records', '0001.html');
    const page = readFileSync(pagePath, 'utf8');
    const sources = imgSources(page);
    const local = sources.filter((s) => s.startsWith('../files/'));
    expect(local).toEqual(['../files/adr/img.png', '../files/adr/assets/diagram.svg']);
    expect(readFileSync(resolveFrom(pagePath, local[0]))).toEqual(Buffer.from(PNG));
    expect(readFileSync(resolveFrom(pagePath, local[1]), 'utf8')).toBe(SVG);
    // SVG is referenced, never inlined: its script is not in the page.
    expect(page).not.toContain('alert(1)');
    // Missing, outside and linked-outside images stay as written and point at nothing in the site;
    // remote ones are dropped by the sanitiser (the site loads nothing from the network).
    const unpublished = sources.filter((s) => !s.startsWith('../files/') && !s.startsWith('data:'));
    expect(unpublished).toEqual(['missing.png', '../outside.png', 'linked.png']);
    for (const src of unpublished) expect(existsSync(resolveFrom(pagePath, src)), src).toBe(false);
    expect(sources.some((s) => s.includes('example.org'))).toBe(false);

    const warnings = result.stderr.split('\n').filter((l) => l.includes('image'));
    expect(warnings).toEqual([
      expect.stringMatching(/^adr\/0001-draw-the-architecture\.md:15:12: image not found: missing\.png$/),
      expect.stringMatching(/^adr\/0001-draw-the-architecture\.md:17:12: image not found: \.\.\/outside\.png is outside the decision log folder/),
      expect.stringMatching(/^adr\/0001-draw-the-architecture\.md:19:11: image not found: linked\.png links outside the decision log folder/),
    ]);
    expect(existsSync(join(site, 'files', 'outside.png'))).toBe(false);
    expect(existsSync(join(site, 'files', 'adr', 'linked.png'))).toBe(false);
    expect(existsSync(join(site, 'files', 'adr', 'code.png'))).toBe(false);
  });

  it('resolves the images of a folder record and of a category record from their own folder', async () => {
    const folderRecord = '# 2. Split the service\n\nDate: 2024-01-11\n\n## Status\n\nAccepted\n\n## Context\n\n![Beside](flow.png) ![Shared](../assets/diagram.svg)\n';
    const categoryRecord = '# 3. Cache the feed\n\nDate: 2024-01-12\n\n## Status\n\nAccepted\n\n## Context\n\n![Beside](cache.png)\n';
    const dir = testdir({
      'adrkit.config.json': '{"dir":"adr"}',
      'adr/0001-draw-the-architecture.md': '# 1. Draw\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n',
      'adr/0002-split-the-service/README.md': folderRecord,
      'adr/0002-split-the-service/flow.png': PNG,
      'adr/assets/diagram.svg': SVG,
      'adr/backend/0003-cache-the-feed.md': categoryRecord,
      'adr/backend/cache.png': PNG,
      // Same names at the top of the log: not what the records mean.
      'adr/flow.png': Uint8Array.from([1]),
      'adr/cache.png': Uint8Array.from([2]),
    });
    dirs.push(dir);
    const result = await runCli(['build'], { cwd: dir.path });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('image');
    const site = dir.join('_site');
    const pages = ['0002', '0003'].map((n) => join(site, 'records', `${n}.html`));
    expect(imgSources(readFileSync(pages[0], 'utf8'))).toEqual(['../files/adr/0002-split-the-service/flow.png', '../files/adr/assets/diagram.svg']);
    expect(imgSources(readFileSync(pages[1], 'utf8'))).toEqual(['../files/adr/backend/cache.png']);
    expect(readFileSync(resolveFrom(pages[0], '../files/adr/0002-split-the-service/flow.png'))).toEqual(Buffer.from(PNG));
    expect(readFileSync(resolveFrom(pages[1], '../files/adr/backend/cache.png'))).toEqual(Buffer.from(PNG));
    expect(existsSync(join(site, 'files', 'adr', 'flow.png'))).toBe(false);
    expect(existsSync(join(site, 'files', 'adr', 'cache.png'))).toBe(false);
  });

  it('is deterministic: images are part of the sorted output of buildSite', () => {
    const input = sampleInput();
    input.records[2].record.body += '\n![a](z.png)\n![b](a/b.png)\n';
    input.files = { adr: { 'z.png': PNG, 'a/b.png': PNG } };
    const files = buildSite(input, loadSiteTemplates());
    const keys = [...files.keys()];
    expect(keys).toEqual([...keys].sort());
    expect(files.get('files/adr/z.png')).toBe(PNG);
    expect(files.get('records/0003.html')).toContain('<img src="../files/adr/z.png" alt="a" />');
    expect(files.get('records/0003.html')).toContain('<img src="../files/adr/a/b.png" alt="b" />');
  });

  it('resolves references: query and fragment dropped, escapes decoded, outside and external told apart', () => {
    expect(resolveImageRef('./0015-govuk-aws-dns.jpg?raw=true')).toEqual({ kind: 'file', path: '0015-govuk-aws-dns.jpg' });
    expect(resolveImageRef('assets/my%20diagram.SVG#x')).toEqual({ kind: 'file', path: 'assets/my diagram.SVG' });
    expect(resolveImageRef('assets/../../x.png')).toEqual({ kind: 'outside' });
    expect(resolveImageRef('..%2Fx.png')).toEqual({ kind: 'outside' });
    expect(resolveImageRef('a\\..\\..\\x.png')).toEqual({ kind: 'outside' });
    expect(resolveImageRef('diagram.bmp')).toEqual({ kind: 'type', path: 'diagram.bmp' });
    for (const src of ['https://x.org/a.png', '//x.org/a.png', '/abs/a.png', 'data:image/png;base64,AAAA', 'file:///etc/a.png', '#top']) {
      expect(resolveImageRef(src).kind, src).toBe('external');
    }
    expect(imageSources('![a](a.png)\n\n<p><img src="b.png"></p>\n\n    ![c](c.png)\n\n`![d](d.png)`\n')).toEqual(['a.png', 'b.png']);
  });

  it.skipIf(!HAS_CORPUS)('publishes the image of alphagov/govuk-aws record 0015 (corpus clone)', async () => {
    const dir = testdir({}, 'adrkit-govuk-');
    dirs.push(dir);
    execFileSync('git', ['clone', '-q', join(CORPUS, 'alphagov__govuk-aws.bundle'), dir.join('repo')], { stdio: 'ignore' });
    const repo = dir.join('repo');
    const result = await runCli(['build', '--out', dir.join('site')], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    const pagePath = dir.join('site', 'records', '0015.html');
    const page = readFileSync(pagePath, 'utf8');
    const src = imgSources(page).find((s) => s.includes('0015-govuk-aws-dns.jpg'));
    expect(src).toBeDefined();
    expect(readFileSync(resolveFrom(pagePath, src!))).toEqual(readFileSync(join(repo, '0015-govuk-aws-dns.jpg')));
    // Every image of the log is published; no image warnings.
    for (const name of readdirSync(repo).filter((n) => /\.(png|jpe?g)$/.test(n))) {
      expect(existsSync(dir.join('site', 'files', 'decisions', name)), name).toBe(true);
    }
    expect(result.stderr).not.toMatch(/image not/);
  }, 60_000);
});
