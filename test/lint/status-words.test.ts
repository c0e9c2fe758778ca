import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

// A team's own status words: lint suggests the mapping, the configuration makes them known.
const RECORD = '# 1. Use X\n\nDate: 2024-01-01\n\n## Status\n\nShipped\n\n## Context\n\nA.\n\n## Decision\n\nB.\n\n## Consequences\n\nC.\n';
let dirs: TestDir[] = [];
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});
const project = (config: object) => {
  const dir = testdir({ 'adrkit.config.json': JSON.stringify({ dir: 'adr', ...config }), 'adr/0001-use-x.md': RECORD });
  dirs.push(dir);
  return dir;
};
const now = Date.UTC(2024, 5, 1);

describe('"statuses" in the configuration', () => {
  it('lint suggests mapping an unknown word', async () => {
    const result = await runCli(['lint', '--rule', 'known-status', '--no-cache'], { cwd: project({}).path, now });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown status "Shipped"');
    expect(result.stdout).toContain('"statuses": { "Shipped": "accepted" }');
  });

  it('maps the word for lint and list', async () => {
    const dir = project({ statuses: { Shipped: 'accepted' } });
    expect(await runCli(['lint', '--rule', 'known-status', '--no-cache'], { cwd: dir.path, now })).toMatchObject({ code: 0 });
    const list = await runCli(['list', '--format', 'json'], { cwd: dir.path, now });
    expect(JSON.parse(list.stdout)[0]).toMatchObject({ status: 'accepted', statusText: 'Shipped' });
  });

  it('rejects a mapping to a status that does not exist', async () => {
    const result = await runCli(['list'], { cwd: project({ statuses: { Shipped: 'done' } }).path, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/statuses/);
  });
});
