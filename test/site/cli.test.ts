import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { fakeIo, nygard } from '../history/gitdir.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('adrkit build settings', () => {
  it('reads title, output folder and template overrides from the config; --base-url adds a sitemap', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'adrkit-cli-'));
    dirs.push(cwd);
    mkdirSync(join(cwd, 'adr'));
    writeFileSync(join(cwd, 'adr', '0001-a.md'), nygard(1, 'A', 'Accepted'));
    mkdirSync(join(cwd, 'theme', 'partials'), { recursive: true });
    writeFileSync(join(cwd, 'theme', 'partials', 'row.hbs'), '<tr><td colspan="6">custom row {{title}}</td></tr>\n');
    writeFileSync(join(cwd, 'adrkit.config.json'), JSON.stringify({ dir: 'adr', site: { title: 'Our <log>', out: 'public', templates: 'theme' } }));
    const io = fakeIo(cwd);
    expect(await run(['build', '--base-url', 'https://example.org/log/'], io), io.err()).toBe(0);
    const index = readFileSync(join(cwd, 'public', 'index.html'), 'utf8');
    expect(index).toContain('<title>Our &lt;log&gt;</title>');
    expect(index).toContain('custom row A');
    expect(readFileSync(join(cwd, 'public', 'sitemap.xml'), 'utf8')).toContain('https://example.org/log/records/0001.html');
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('exits 2 with a clear message when the template override folder is missing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'adrkit-cli-'));
    dirs.push(cwd);
    mkdirSync(join(cwd, 'adr'));
    writeFileSync(join(cwd, 'adr', '0001-a.md'), nygard(1, 'A', 'Accepted'));
    writeFileSync(join(cwd, 'adrkit.config.json'), JSON.stringify({ dir: 'adr', site: { templates: 'nope' } }));
    const io = fakeIo(cwd);
    expect(await run(['build'], io)).toBe(2);
    expect(io.err()).toMatch(/site templates folder .*nope does not exist/);
  });
});
