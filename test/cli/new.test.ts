import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gitdir, runCli, testdir, type TestDir } from '../helpers/index.js';

const NOW = Date.UTC(2026, 10, 21, 12);
const CONFIG = '{"dir":"adr"}\n';
const RECORD = (n: number) => `---\ntitle: Record ${n}\nstatus: accepted\ndate: 2026-01-0${n}\n---\n\n# Record ${n}\n`;
const three = ['--option', 'A', '--option', 'B', '--option', 'C'];

describe('adrkit new without a terminal: never writes a record lint would reject', () => {
  let dir: TestDir;
  afterEach(() => dir?.remove());
  const records = () => readdirSync(dir.join('adr')).filter((n) => n.endsWith('.md'));

  it.each([
    [['--date', '2026-13-01', ...three], '--date "2026-13-01" is not a real date YYYY-MM-DD'],
    [['--date', '2026-12-24', ...three], '--date 2026-12-24 is in the future (today is 2026-11-21)'],
    [['--no-input'], 'missing options: the algorithm template compares at least 3 options, 0 given (--option)'],
    [['--option', 'A', '--option', 'B'], 'missing options: the algorithm template compares at least 3 options, 2 given (--option)'],
    [['--criterion', 'qualty', ...three], 'unknown criterion id "qualty" (did you mean "quality"?)'],
    [['--option', 'Isolation Forest@isolation-forestt', '--option', 'B', '--option', 'C'], 'unknown blip "isolation-forestt"'],
  ])('new %j exits 2 naming what is wrong, and writes nothing', async (args, message) => {
    dir = testdir({ 'adrkit.config.json': CONFIG, 'adr/': '' });
    const r = await runCli(['new', 'Pick a detector', ...args], { cwd: dir.path, now: NOW });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(records()).toEqual([]);
  });

  it('zero options are fine with the madr and nygard templates', async () => {
    dir = testdir({ 'adrkit.config.json': CONFIG, 'adr/': '' });
    expect((await runCli(['new', 'Pick', '-t', 'madr', '--no-input'], { cwd: dir.path, now: NOW })).code).toBe(0);
    expect((await runCli(['new', 'Pick', '-t', 'nygard', '--no-input'], { cwd: dir.path, now: NOW })).code).toBe(0);
    expect(records()).toHaveLength(2);
  });

  it('new --help lists the default criterion ids', async () => {
    dir = testdir({ 'adrkit.config.json': CONFIG, 'adr/': '' });
    const r = await runCli(['new', '--help'], { cwd: dir.path, now: NOW });
    expect(r.stdout).toMatch(/quality,\s+implementation,\s+hardware,\s+data,\s+cost/);
  });

  it('"numbers checked on 1 branch" prints the number actually written (the folder holds a higher one)', async () => {
    const repo = gitdir([{ files: { 'adrkit.config.json': CONFIG, 'adr/0001-record-1.md': RECORD(1) } }], { 'adr/0002-record-2.md': RECORD(2) });
    dir = repo;
    const r = await runCli(['new', 'Third', ...three], { cwd: repo.path, now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('adr/0003-third.md');
    expect(r.stderr).toContain('numbers checked on 1 branch: main and the folder (next free: 3)');
  });
});

describe('one meaning per flag', () => {
  it('-o is --output everywhere it exists (lint, build, export); old long names still work; new has no -o', async () => {
    const { run } = await import('../../src/cli/program.js');
    const { fakeIo } = await import('../helpers/index.js');
    const help = async (cmd: string) => {
      const io = fakeIo();
      await run([cmd, '--help'], io);
      return io.out();
    };
    for (const cmd of ['lint', 'build', 'preview', 'export']) expect(await help(cmd), cmd).toMatch(/-o, --output <\w+>/);
    expect(await help('new')).not.toMatch(/-o,/);
    expect(await help('lint')).not.toContain('--output-file');
    const dir = testdir({ 'adrkit.config.json': CONFIG, 'adr/': '' });
    try {
      await runCli(['new', 'Pick', '-t', 'nygard'], { cwd: dir.path, now: NOW });
      expect((await runCli(['lint', '-o', 'a.txt'], { cwd: dir.path, now: NOW })).code).toBe(0);
      expect((await runCli(['lint', '--output-file', 'b.txt'], { cwd: dir.path, now: NOW })).code).toBe(0);
      expect(readdirSync(dir.path).filter((n) => n.endsWith('.txt')).sort()).toEqual(['a.txt', 'b.txt']);
    } finally {
      dir.remove();
    }
  });
});
