import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

// knip (knip.json): no unused files, no unused or unlisted dependencies, no unresolved imports.
// Unused exports are listed by `npm run knip`, not failed here (several are kept for branches
// that use them).
describe('knip', () => {
  it('finds no unused files or dependencies and no unlisted or unresolved imports', () => {
    const bin = join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
    const result = spawnSync(process.execPath, [bin, '--no-progress', '--no-config-hints', '--include', 'files,dependencies,unlisted,unresolved,binaries'], { cwd: ROOT, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
