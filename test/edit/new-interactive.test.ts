import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';
import { cli, testdir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');

/** Drives `adrkit new` in a real pseudo-terminal (python3 pty): waits for each prompt, then types. */
function runInPty(cwd: string, args: string[], script: Array<[RegExp, string]>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, TERM: 'xterm', COLUMNS: '120' } as Record<string, string | undefined>;
    delete env.CI;
    delete env.GITHUB_ACTIONS;
        // `stty` gives the pseudo-terminal a size (a pty opened from a pipe has 0 columns)
    const command = `stty cols 120 rows 40; exec "$0" "$@"`;
    const child = spawn('python3', ['-c', 'import pty,sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', 'sh', '-c', command, process.execPath, BIN, ...args], { cwd, env: env as NodeJS.ProcessEnv });
    let output = '';
    let step = 0;
    let searchFrom = 0;
    const advance = () => {
      while (step < script.length) {
        const [pattern, keys] = script[step];
        const plain = output.slice(searchFrom).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
        if (!pattern.test(plain)) return;
        searchFrom = output.length;
        step++;
        child.stdin.write(keys);
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      advance();
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('adrkit new, interactive', () => {
  it('asks for title, template, criteria, options with blip completion and deciders on a terminal', async () => {
    const dir = testdir();
    const { code, output } = await runInPty(dir, ['new'], [
      [/Title of the decision/, 'Choose a dataframe library\r'],
      [/Template/, '\r'],
      [/Decision criteria/, '\r'],
      [/Other criteria/, '\r'],
      [/Option 1/, 'Polars@polars\r'],
      [/Option 2/, 'pandas@pandas-numpy-backend\r'],
      [/Option 3/, 'Apache Parquet\r'],
      [/Radar blip for Apache Parquet/, 'parq'],
      [/Apache Parquet \(apache-parquet\)/, '\r'],
      [/Option 4/, 'DuckDB\r'],
      [/Radar blip for DuckDB/, '\r'],
      [/Option 5/, '\r'],
      [/Deciders/, 'Ana Lima, Bo Chen\r'],
      [/Tags/, 'data, tabular\r'],
      [/Status/, '\r'],
      [/Decision date/, '\r'],
    ]);
    expect(output).toContain('adr/0001-choose-a-dataframe-library.md');
    expect(code).toBe(0);
    const name = readdirSync(join(dir, 'adr')).find((n) => n.endsWith('.md'))!;
    const { record } = parseRecord(name, readFileSync(join(dir, 'adr', name), 'utf8'));
    expect(record.title).toBe('Choose a dataframe library');
    expect(record.options.map((o) => [o.id, o.blip])).toEqual([['polars', 'polars'], ['pandas', 'pandas-numpy-backend'], ['apache-parquet', 'apache-parquet'], ['duckdb', undefined]]);
    expect(record.deciders).toEqual(['Ana Lima', 'Bo Chen']);
    expect(record.criteria.map((c) => c.id)).toEqual(['quality', 'implementation', 'hardware', 'data', 'cost']);
    expect(record.tags).toEqual(['data', 'tabular']);
    expect(record.status).toBe('proposed');
  });

  const BACKSPACES = '\x7f'.repeat(40);

  it('checks each answer as it is typed and asks again: an unknown blip, a bad date, a criterion typo', async () => {
    const dir = testdir();
    const { code, output } = await runInPty(dir, ['new', 'Detect fraud', '-t', 'algorithm', '--decider', 'Ana', '--tag', 'fraud'], [
      [/Decision criteria/, '\r'],
      [/Other criteria/, 'qualty\r'],
      [/unknown criterion id "qualty" \(did you mean "quality"\?\)/, `${BACKSPACES}Latency:2\r`],
      [/Option 1/, 'Isolation Forest@isolation-forest\r'],
      [/unknown blip "isolation-forest"/, `${BACKSPACES}Polars@polars\r`],
      [/Option 2/, 'Rules@pandas-numpy-backend\r'],
      [/Option 3/, '\r'],
      [/at least 3 options are needed \(2 so far\)/, 'Autoencoder\r'],
      [/Radar blip for Autoencoder/, '\r'],
      [/Option 4/, '\r'],
      [/Status/, '\r'],
      [/Decision date/, `${BACKSPACES}2026-13-01\r`],
      [/"2026-13-01" is not a real date/, `${BACKSPACES}2026-12-30\r`],
      [/2026-12-30 is in the future/, `${BACKSPACES}2026-11-02\r`],
    ]);
    expect(code, output).toBe(0);
    const name = readdirSync(join(dir, 'adr')).find((n) => n.endsWith('.md'))!;
    const { record } = parseRecord(name, readFileSync(join(dir, 'adr', name), 'utf8'));
    expect(record.options.map((o) => o.name)).toEqual(['Polars', 'Rules', 'Autoencoder']);
    expect(record.criteria.map((c) => c.id)).toEqual(['quality', 'implementation', 'hardware', 'data', 'cost', 'latency']);
    expect(record.date).toBe('2026-11-02');
  });

  it('goes back a step with "<" and keeps the answers of a cancelled session in a draft it offers to resume', async () => {
    const dir = testdir();
    const first = await runInPty(dir, ['new', '-t', 'nygard'], [
      [/Title of the decision/, 'Pick a queue\r'],
      [/Deciders/, '<\r'],
      [/Title of the decision/, `${BACKSPACES}Pick a message queue\r`],
      [/Deciders/, 'Ana\r'],
      [/Tags/, '\x03'],
    ]);
    expect(first.code).toBe(2);
    expect(first.output).toContain('answers are kept in .adrkit/new-draft.json');
    expect(readdirSync(join(dir, 'adr'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, '.adrkit/new-draft.json'), 'utf8'))).toMatchObject({ title: 'Pick a message queue', deciders: ['Ana'] });
    const second = await runInPty(dir, ['new', '-t', 'nygard'], [
      [/Resume the answers kept in \.adrkit\/new-draft\.json/, '\r'],
      [/Title of the decision/, '\r'],
      [/Deciders/, '\r'],
      [/Tags/, 'messaging\r'],
      [/Status/, '\r'],
      [/Decision date/, '\r'],
    ]);
    expect(second.code, second.output).toBe(0);
    const { record } = parseRecord('0001-pick-a-message-queue.md', readFileSync(join(dir, 'adr', '0001-pick-a-message-queue.md'), 'utf8'));
    expect(record.title).toBe('Pick a message queue');
    expect(existsSync(join(dir, '.adrkit/new-draft.json'))).toBe(false);
  });

  it('never waits without a terminal: a missing title is exit 2 naming it', async () => {
    const dir = testdir();
    const { code, stderr } = await cli(dir, ['new']);
    expect(code).toBe(2);
    expect(stderr).toContain('missing title');
    expect(readdirSync(join(dir, 'adr'))).toEqual([]);
  });

  it('never waits with CI set, even on a terminal', async () => {
    const dir = testdir();
    const { code, stderr } = await cli(dir, ['new'], { stdinIsTTY: true, env: { CI: 'true' } });
    expect(code).toBe(2);
    expect(stderr).toContain('missing title');
  });

  it('takes every answer from flags without prompting', async () => {
    const dir = testdir();
    const { code } = await cli(dir, ['new', 'Pick', '-t', 'algorithm', '--criterion', 'quality:5', '--criterion', 'Latency:2', '--option', 'A', '--option', 'B', '--option', 'C', '--decider', 'Ana', '--tag', 'x', '--status', 'proposed', '--date', '2026-11-01'], { stdinIsTTY: true });
    expect(code).toBe(0);
    const { record } = parseRecord('0001-pick.md', readFileSync(join(dir, 'adr', '0001-pick.md'), 'utf8'));
    expect(record.criteria).toEqual([{ ...record.criteria[0], id: 'quality', weight: 5 }, { id: 'latency', name: 'Latency', weight: 2 }]);
  });
});
