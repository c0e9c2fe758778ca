import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

const dirs: TestDir[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
const RECORD = '# 1. A\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n';

/** Every path under a folder, relative, sorted. */
function tree(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? [rel + '/', ...tree(root, rel)] : [rel];
  }).sort();
}

describe('path safety', () => {
  const titles = ['../../etc/passwd', '/etc/passwd', '..\\..\\windows\\system32', 'a/../../b', '....//....//x', '%2e%2e%2fescape', 'CON', '.hidden', '~/x', '\u0000null', '../'];
  it.each(titles)('new %j writes one safely named file inside the ADR folder', async (title) => {
    const dir = testdir({ 'work/adr/0001-a.md': RECORD, 'work/adrkit.config.json': '{"dir":"adr"}\n' });
    dirs.push(dir);
    const before = tree(dir.path);
    const r = await runCli(['new', title, '--date', '2024-01-10', '-t', 'nygard'], { cwd: dir.join('work') });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    const added = tree(dir.path).filter((p) => !before.includes(p));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^work\/adr\/0002-[a-z0-9-]+\.md$/);
  });

  it('build --out writes only inside the chosen folder, never next to it or above', async () => {
    const dir = testdir({ 'proj/adr/0001-a.md': RECORD, 'proj/adrkit.config.json': '{"dir":"adr"}\n', 'proj/adr/0002-b.md': RECORD.replace('1. A', '2. B').replace('x\n\n## Decision', '[up](../../../../../etc/passwd) [abs](/etc/passwd)\n\n## Decision') });
    dirs.push(dir);
    const before = tree(dir.path);
    const r = await runCli(['build', '--out', '../site'], { cwd: dir.join('proj') });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    const added = tree(dir.path).filter((p) => !before.includes(p));
    expect(added.length).toBeGreaterThan(0);
    for (const p of added) expect(p.startsWith('site/'), p).toBe(true);
    // no page leaks the content of a file outside the project
    for (const p of added.filter((f) => f.endsWith('.html'))) expect(readFileSync(dir.join(p), 'utf8')).not.toMatch(/root:x:0:0/);
  });

  it('build refuses an --out that would overwrite the project or the ADR folder', async () => {
    for (const out of ['.', 'adr', '..']) {
      const dir = testdir({ 'proj/adr/0001-a.md': RECORD, 'proj/adrkit.config.json': '{"dir":"adr"}\n', 'proj/keep.txt': 'keep' });
      dirs.push(dir);
      const r = await runCli(['build', '--out', out], { cwd: dir.join('proj') });
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(dir.join('proj/adr/0001-a.md'), 'utf8')).toBe(RECORD);
      expect(existsSync(dir.join('proj/keep.txt')), `--out ${out} deleted files`).toBe(true);
      if (r.code === 2) expect(r.stderr).toMatch(/out/i);
    }
  });

  it('YAML frontmatter keys __proto__ / constructor do not pollute prototypes', async () => {
    const dir = testdir({ 'adr/0001-a.md': '---\ntitle: A\nstatus: accepted\ndate: 2024-01-10\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n---\n# A\n' });
    dirs.push(dir);
    await runCli(['lint'], { cwd: dir.path });
    await runCli(['list', '--format', 'json'], { cwd: dir.path });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
