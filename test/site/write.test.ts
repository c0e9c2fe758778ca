import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdrkitError } from '../../src/model/errors.js';
import { SITE_MARKER, updateSite, writeSite } from '../../src/site/io/write.js';
import { run } from '../../src/cli/program.js';
import { fakeIo, nygard } from '../history/gitdir.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'adrkit-write-'));
  dirs.push(d);
  return d;
}

describe('writeSite', () => {
  it('writes the files and the marker, then replaces a previous site atomically', () => {
    const out = join(temp(), 'site');
    writeSite(out, new Map([['index.html', 'one'], ['records/0001.html', 'r']]));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('one');
    expect(existsSync(join(out, SITE_MARKER))).toBe(true);
    writeSite(out, new Map([['index.html', 'two']]));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('two');
    expect(existsSync(join(out, 'records'))).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual(['site']);
  });

  it('refuses to replace a non-empty folder without the marker', () => {
    const out = temp();
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    expect(() => writeSite(out, new Map([['index.html', 'x']]))).toThrow(/not empty and was not written by adrkit/);
    try {
      writeSite(out, new Map([['index.html', 'x']]));
    } catch (error) {
      expect((error as AdrkitError).code).toBe('unsafe');
    }
    expect(readdirSync(out)).toEqual(['precious.txt']);
  });

  it('never writes outside the output folder', () => {
    const root = temp();
    const out = join(root, 'site');
    for (const bad of ['../escape.html', 'a/../../escape.html', '/etc/x', 'a//b', './x']) {
      expect(() => writeSite(out, new Map([[bad, 'x']])), bad).toThrow(AdrkitError);
    }
    expect(readdirSync(root)).toEqual([]);
    expect(() => updateSite(out, new Map([['index.html', 'x']]))).toThrow(/not a site written by adrkit/);
  });

  it('reports a read-only destination clearly', () => {
    // root ignores file modes: use sysfs, where even root may not create folders.
    const root = process.getuid?.() === 0;
    const parent = root ? '/sys' : temp();
    if (!root) chmodSync(parent, 0o555);
    expect(() => writeSite(join(parent, 'site'), new Map([['index.html', 'x']]))).toThrow(/read-only or not writable/);
  });

  it('exits 2 from `adrkit build` when --out is a foreign folder, and keeps it', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'adr'));
    writeFileSync(join(cwd, 'adr', '0001-a.md'), nygard(1, 'A', 'Accepted'));
    const io = fakeIo(cwd);
    expect(await run(['build', '--dir', 'adr', '--out', 'adr'], io)).toBe(2);
    expect(io.err()).toMatch(/not empty and was not written by adrkit/);
    expect(readdirSync(join(cwd, 'adr'))).toEqual(['0001-a.md']);
  });

  it('reports unreadable records as file:line:col and builds the rest', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'adr'));
    writeFileSync(join(cwd, 'adr', '0001-a.md'), nygard(1, 'A', 'Accepted'));
    writeFileSync(join(cwd, 'adr', '0002-b.md'), '---\ntitle: [unclosed\n---\n# B\n');
    writeFileSync(join(cwd, 'adr', '0003-c.md'), Buffer.from([0, 1, 2, 3]));
    const io = fakeIo(cwd);
    expect(await run(['build', '--dir', 'adr'], io)).toBe(0);
    expect(io.err()).toMatch(/^adr\/0002-b\.md:\d+:\d+: /m);
    expect(io.err()).toMatch(/^adr\/0003-c\.md:1:1: file is binary/m);
    const entries = JSON.parse(readFileSync(join(cwd, '_site', 'decisions.json'), 'utf8'));
    expect(entries.map((e: { path: string }) => e.path)).toEqual(['adr/0001-a.md', 'adr/0002-b.md']);
  });
});
