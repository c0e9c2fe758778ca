import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';
import { planRenumber, renumberedName } from '../../src/review/renumber.js';
import { config, record } from './fixtures.js';

const REDIS = `${record('Use redis', 'accepted', { relates: 1 })}See [1. Use postgres](0001-use-postgres.md).\n`;
const POSTGRES = `${record('Use postgres', 'superseded')}`.replace('status: superseded\n', 'status: superseded\nsuperseded-by: [3, 2]\n') + 'Superseded by [3. Use redis](0003-use-redis.md) and [the cache](./0003-use-redis.md#decision).\n';
const NYGARD = '# 2. Use a cache\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\nAmended by [3. Use redis](0003-use-redis.md)\n\n## Context\n\nADR 0003-use-redis and 30. Other stay.\n';
const README = '# Log\n\n* [3. Use redis](0003-use-redis.md)\n* [30. Thirty](0030-thirty.md)\n';

function snapshot(dir: TestDir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir.join('adr')).sort()) out[name] = readFileSync(dir.join('adr', name), 'utf8');
  return out;
}

describe('adrkit renumber', () => {
  let dir: TestDir;
  afterEach(() => dir?.remove());

  it('renames the file, keeps the slug and rewrites every link to it; never loses a file', async () => {
    dir = testdir({
      'adrkit.config.json': config(),
      'adr/0001-use-postgres.md': POSTGRES,
      'adr/0002-use-a-cache.md': NYGARD,
      'adr/0003-use-redis.md': REDIS,
      'adr/0030-thirty.md': '# 30. Thirty\n',
      'adr/README.md': README,
    });
    const before = snapshot(dir);
    const { code, stdout, stderr } = await runCli(['renumber', '3', '7'], { cwd: dir.path });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('adr/0003-use-redis.md -> adr/0007-use-redis.md');
    const after = snapshot(dir);
    expect(Object.keys(after)).toEqual(['0001-use-postgres.md', '0002-use-a-cache.md', '0007-use-redis.md', '0030-thirty.md', 'README.md']);
    expect(after['0007-use-redis.md']).toBe(before['0003-use-redis.md']);
    expect(after['0001-use-postgres.md']).toBe(
      before['0001-use-postgres.md']
        .replace('superseded-by: [3, 2]', 'superseded-by: [7, 2]')
        .replace('[3. Use redis](0003-use-redis.md)', '[7. Use redis](0007-use-redis.md)')
        .replace('(./0003-use-redis.md#decision)', '(./0007-use-redis.md#decision)'),
    );
    expect(after['0002-use-a-cache.md']).toBe(before['0002-use-a-cache.md'].replace('[3. Use redis](0003-use-redis.md)', '[7. Use redis](0007-use-redis.md)').replace('ADR 0003-use-redis', 'ADR 0007-use-redis'));
    expect(after['README.md']).toBe(README.replace('[3. Use redis](0003-use-redis.md)', '[7. Use redis](0007-use-redis.md)'));
    expect(after['0030-thirty.md']).toBe(before['0030-thirty.md']);
    // no temp or lock file left behind
    expect(readdirSync(dir.join('adr')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('updates the own "# N. Title" heading of a Nygard record', async () => {
    dir = testdir({ 'adrkit.config.json': config(), 'adr/0002-use-a-cache.md': NYGARD, 'adr/0003-use-redis.md': REDIS });
    expect(await runCli(['renumber', '2', '5'], { cwd: dir.path })).toMatchObject({ code: 0 });
    expect(snapshot(dir)['0005-use-a-cache.md'].split('\n')[0]).toBe('# 5. Use a cache');
  });

  it('refuses to reuse a number or overwrite a file, and changes nothing', async () => {
    dir = testdir({ 'adrkit.config.json': config(), 'adr/0001-use-postgres.md': POSTGRES, 'adr/0003-use-redis.md': REDIS, 'adr/0005-diagram.png': 'png' });
    const before = snapshot(dir);
    const taken = await runCli(['renumber', '3', '1'], { cwd: dir.path });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('number 1 is already used by 0001-use-postgres.md');
    expect((await runCli(['renumber', '3', '5'], { cwd: dir.path })).stderr).toContain('number 5 is already used by 0005-diagram.png');
    expect((await runCli(['renumber', '9', '10'], { cwd: dir.path })).stderr).toContain('no record 9 in the decision log');
    expect((await runCli(['renumber', '3', 'x'], { cwd: dir.path })).code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('with two records sharing a number, asks for the file name and leaves ambiguous numeric references alone', async () => {
    dir = testdir({
      'adrkit.config.json': config(),
      'adr/0001-use-postgres.md': POSTGRES,
      'adr/0003-use-redis.md': REDIS,
      'adr/0003-use-kafka.md': record('Use kafka', 'proposed'),
    });
    const ambiguous = await runCli(['renumber', '3', '4'], { cwd: dir.path });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('several records use number 3: 0003-use-kafka.md, 0003-use-redis.md');
    const { code } = await runCli(['renumber', '0003-use-kafka.md', '4'], { cwd: dir.path });
    expect(code).toBe(0);
    const after = snapshot(dir);
    expect(Object.keys(after)).toEqual(['0001-use-postgres.md', '0003-use-redis.md', '0004-use-kafka.md']);
    expect(after['0001-use-postgres.md']).toBe(POSTGRES);
  });

  it('keeps padding and prefixes of the number', () => {
    expect(renumberedName('adr-003-x.md', 12)).toBe('adr-012-x.md');
    expect(renumberedName('0003-x.md', 12)).toBe('0012-x.md');
    expect(renumberedName('7-x.md', 12)).toBe('12-x.md');
    expect(() => renumberedName('20240101-x.md', 2)).toThrow(/no record number/);
    // Every naming scheme the log reader knows keeps its prefix and padding.
    expect(renumberedName('ODH-ADR-Operator-0007-components-version-mapping.md', 13)).toBe('ODH-ADR-Operator-0013-components-version-mapping.md');
    expect(renumberedName('DR003 - queries.md', 24)).toBe('DR024 - queries.md');
    expect(renumberedName('ADR-7.md', 8)).toBe('ADR-8.md');
    expect(() => renumberedName('README.md', 2)).toThrow(/no record number/);
    const plan = planRenumber([{ path: '0001-a.md', text: '---\ntitle: A\nstatus: accepted\ndate: 2024-01-01\nrelates-to:\n  - 2\n  - 12\n---\n' }, { path: '0002-b.md', text: '# 2. B\n' }], '2', 4);
    expect(plan.edits[0].after).toContain('relates-to:\n  - 4\n  - 12\n');
  });
});
