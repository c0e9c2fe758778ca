import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdrkitError } from '../../src/model/errors.js';
import { buildProject } from '../../src/workspace/build-project.js';
import { gitdir, runCli, testdir, type TestDir } from '../helpers/index.js';

const native = (title: string, status: string, extra = '') => `---\ntitle: ${title}\nstatus: ${status}\ndate: 2024-01-10\ntags: [ml]\n${extra}---\n# ${title}\n\n## Context\n\nWhy.\n\n## Decision\n\nWe do it. ![the plot](plot.png) ![gone](missing.png)\n`;

let dirs: TestDir[] = [];
const keep = <T extends TestDir>(dir: T): T => {
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});

/** Every file under `dir`, relative, `/` separators, sorted. */
function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A log of two records in a git repository: 0001 proposed on Jan 1 and accepted on Jan 2, 0002 added on Jan 3. */
function repo() {
  return keep(
    gitdir([
      { files: { 'adrkit.config.json': JSON.stringify({ dir: 'adr', site: { title: 'Team log' } }), 'adr/0001-use-x.md': native('Use X', 'proposed'), 'adr/plot.png': 'PNG' }, message: 'adr: propose X' },
      { files: { 'adr/0001-use-x.md': native('Use X', 'accepted') }, message: 'adr 0001: accepted' },
      { files: { 'adr/0002-use-y.md': native('Use Y', 'proposed', 'relates-to: [1]\n') }, message: 'adr: propose Y' },
    ]),
  );
}

describe('buildProject', () => {
  it('writes the site of a project in a git repository and says what it wrote', async () => {
    const dir = repo();
    const result = await buildProject(dir.path, { cache: false, baseUrl: 'https://example.org/log/' });
    expect(result.out).toBe(join(dir.path, '_site'));
    expect(result.records).toBe(2);
    expect(result.project.dirs).toEqual([join(dir.path, 'adr')]);
    // What is on disk is what the result lists, plus the marker that lets the next build replace it.
    expect(listTree(result.out)).toEqual([...result.files, '.adrkit-site'].sort());
    expect(result.files).toEqual(expect.arrayContaining(['index.html', 'records/0001.html', 'records/0002.html', 'tags/ml.html', 'timeline.html', 'graph.html', 'feed.xml', 'sitemap.xml', 'decisions.json', 'files/adr/plot.png']));
    expect(result.pages).toBe(result.files.filter((f) => f.endsWith('.html')).length);
    expect(result.pages).toBe(7); // home, 2 records, timeline, tags, tags/ml, graph
    expect(readFileSync(join(result.out, 'files/adr/plot.png'), 'utf8')).toBe('PNG');
    // Status history and dates come from the commits' fixed dates.
    const page = readFileSync(join(result.out, 'records/0001.html'), 'utf8');
    expect(page).toContain('<title>0001 · Use X</title>');
    expect(page).toContain('2024-01-02');
    const decisions = JSON.parse(readFileSync(join(result.out, 'decisions.json'), 'utf8'));
    expect(decisions.map((d: { title: string; created: string }) => [d.title, d.created.slice(0, 10)])).toEqual([
      ['Use X', '2024-01-01'],
      ['Use Y', '2024-01-03'],
    ]);
    // The image that does not exist is a problem (file:line:col), not a failure.
    expect(result.problems).toEqual([expect.stringMatching(/^adr\/0001-use-x\.md:\d+:\d+: image not found: missing\.png$/), expect.stringMatching(/^adr\/0002-use-y\.md:\d+:\d+: image not found: missing\.png$/)]);
    expect(result.warnings).toEqual([]);
  });

  it('writes the same files as `adrkit build`, which calls it, and the same bytes with its cache', async () => {
    const dir = repo();
    const first = await buildProject(dir.path, { out: 'one' });
    const second = await buildProject(dir.path, { out: join(dir.path, 'two') });
    const cli = await runCli(['build', '--out', 'three'], { cwd: dir.path });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout.trim()).toMatch(/^file:\/\/.*\/three\/index\.html$/);
    expect(cli.stderr).toContain('image not found: missing.png');
    expect(second.files).toEqual(first.files);
    expect(listTree(join(dir.path, 'three'))).toEqual(listTree(first.out));
    for (const file of first.files) {
      const bytes = readFileSync(join(first.out, file));
      expect(readFileSync(join(second.out, file)).equals(bytes), file).toBe(true);
      expect(readFileSync(join(dir.path, 'three', file)).equals(bytes), file).toBe(true);
    }
  });

  it('throws AdrkitError for a project without a log and for an output folder it did not write, and writes nothing', async () => {
    const empty = keep(testdir({ 'notes.txt': 'no records here\n' }));
    await expect(buildProject(empty.path, { cache: false })).rejects.toMatchObject({ name: 'AdrkitError', code: 'not-found' });
    expect(existsSync(empty.join('_site'))).toBe(false);

    const dir = repo();
    dir.write({ 'public/keep.txt': 'mine\n' });
    const error = await buildProject(dir.path, { cache: false, out: 'public' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrkitError);
    expect(error).toMatchObject({ code: 'unsafe' });
    expect(readdirSync(dir.join('public'))).toEqual(['keep.txt']);
  });

  it('names the theme template that does not compile', async () => {
    const dir = repo();
    dir.write({ 'adrkit.config.json': JSON.stringify({ dir: 'adr', site: { templates: 'theme' } }), 'theme/timeline.hbs': '<ol>\n  {{#each months}}<li>{{/if}}</ol>\n' });
    const error = await buildProject(dir.path, { cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrkitError);
    expect((error as AdrkitError).code).toBe('config');
    expect((error as AdrkitError).format()).toMatch(/^timeline\.hbs:2:\d+: site template "timeline\.hbs" cannot be rendered: each doesn't match if/);
    expect(existsSync(dir.join('_site'))).toBe(false);
  });
});
