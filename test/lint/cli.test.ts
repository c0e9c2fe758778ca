import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/rules');
const NOW = Date.UTC(2025, 5, 1, 12);
const NAME = '0001-use-gradient-boosting-for-churn-scoring.md';
const fixture = (rule: string, kind: string, name = NAME) => readFileSync(join(FIXTURES, rule, kind, name), 'utf8');
const GOOD = fixture('min-options', 'good');

let dirs: TestDir[] = [];
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});
function project(files: Record<string, string | Uint8Array>): TestDir {
  const dir = testdir({ 'adrkit.config.json': '{"dir":"adr"}', ...files });
  dirs.push(dir);
  return dir;
}
const lint = (dir: TestDir, args: string[] = [], env: Record<string, string> = {}) => runCli(['lint', ...args], { cwd: dir.path, now: NOW, env });
const json = (stdout: string) => JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; severity: string }> };

describe('adrkit lint', () => {
  it('exits 0 and says so in one line for a clean log', async () => {
    const dir = project({ [`adr/${NAME}`]: GOOD });
    const result = await lint(dir);
    expect(result).toEqual({ code: 0, stdout: '✔ 1 record checked, no problems\n', stderr: '' });
  });

  it('a file that does not exist, or a glob that matches nothing, is exit 2 with the reason', async () => {
    const dir = project({ [`adr/${NAME}`]: fixture('valid-date', 'bad') });
    const missing = await lint(dir, ['nonexistent.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file: nonexistent.md');
    const none = await lint(dir, ['adr/*-nothing.md']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no file matches "adr/*-nothing.md"');
  });

  it('exits 1 on errors and reports file:line:col in the stylish format', async () => {
    const dir = project({ [`adr/${NAME}`]: fixture('valid-date', 'bad') });
    const result = await lint(dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    // grouped by file: the path once, then `line:col  severity  message  rule` lines
    expect(lines[0]).toBe(`adr/${NAME}`);
    expect(lines).toContain('  4:1   error  date "2024-14-02" is not a real ISO date YYYY-MM-DD (looks like YYYY-DD-MM: did you mean 2024-02-14?)  valid-date');
    expect(result.stdout.split(`adr/${NAME}`)).toHaveLength(2);
  });

  it('lints a subset of files while cross-record rules still see the whole log', async () => {
    const dir = project({ [`adr/${NAME}`]: GOOD, 'adr/0001-another.md': fixture('duplicate-number', 'bad', '0001-another.md') });
    const all = json((await lint(dir, ['-f', 'json'])).stdout).findings;
    expect(all.map((f) => f.file)).toEqual(['adr/0001-another.md', `adr/${NAME}`]);
    const one = await lint(dir, ['-f', 'json', 'adr/0001-another.md']);
    expect(json(one.stdout).findings.map((f) => [f.ruleId, f.file])).toEqual([['duplicate-number', 'adr/0001-another.md']]);
    const glob = await lint(dir, ['-f', 'json', 'adr/*-another.md']);
    expect(json(glob.stdout).findings).toHaveLength(1);
  });

  it('the duplicate-number hint names the file and a free number, and that renumber command works', async () => {
    const dir = project({ [`adr/${NAME}`]: GOOD, 'adr/0001-another.md': fixture('duplicate-number', 'bad', '0001-another.md') });
    const found = json((await lint(dir, ['-f', 'json', '--rule', 'duplicate-number'])).stdout).findings as Array<{ file: string; message: string }>;
    const hint = found.find((f) => f.file === 'adr/0001-another.md')!.message;
    expect(hint).toContain('`adrkit renumber 0001-another.md 2`');
    const renumber = await runCli(['renumber', '0001-another.md', '2'], { cwd: dir.path, now: NOW });
    expect(renumber.code, renumber.stderr).toBe(0);
    expect((await lint(dir, ['--rule', 'duplicate-number'])).code).toBe(0);
  });

  it('parse is configured like a rule: "parse": "warn" lowers it', async () => {
    const dir = testdir({ 'adrkit.config.json': '{"dir":"adr","rules":{"parse":"warn"}}', 'adr/0002-bad.md': '---\ntitle: [unclosed\n---\n# X\n' });
    dirs.push(dir);
    const found = json((await lint(dir, ['-f', 'json'])).stdout).findings;
    expect(found.filter((f) => f.ruleId === 'parse').map((f) => f.severity)).toEqual(['warn']);
  });

  it('--max-warnings, --quiet and --rule', async () => {
    const dir = project({ [`adr/${NAME}`]: fixture('status-format', 'bad') });
    expect((await lint(dir)).code).toBe(0);
    const over = await lint(dir, ['--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warnings, more than --max-warnings 0');
    expect((await lint(dir, ['--max-warnings', '1'])).code).toBe(0);
    expect((await lint(dir, ['--quiet'])).stdout).toBe('');
    expect((await lint(dir, ['--rule', 'valid-date'])).stdout).toBe('✔ 1 record checked, no problems\n');
    const unknown = await lint(dir, ['--rule', 'no-such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown rule "no-such-rule"');
    expect((await lint(dir, ['--max-warnings', 'x'])).code).toBe(2);
  });

  it('-o writes the report to a file; --format sarif and github; GITHUB_ACTIONS selects github', async () => {
    const dir = project({ [`adr/${NAME}`]: fixture('valid-date', 'bad') });
    const written = await lint(dir, ['-f', 'sarif', '-o', 'report.sarif']);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(dir.join('report.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`adr/${NAME}`);
    const gh = await lint(dir, [], { GITHUB_ACTIONS: 'true' });
    expect(gh.stdout.split('\n')[0]).toBe(`::error file=adr/${NAME},line=4,col=1,title=adrkit valid-date::date "2024-14-02" is not a real ISO date YYYY-MM-DD (looks like YYYY-DD-MM: did you mean 2024-02-14?)`);
    expect((await lint(dir, ['-f', 'nope'])).code).toBe(2);
  });

  it('--fix applies fixes atomically and reports what is left', async () => {
    const dir = project({
      [`adr/${NAME}`]: fixture('supersede-reciprocal', 'bad'),
      'adr/0002-use-lightgbm.md': fixture('supersede-reciprocal', 'bad', '0002-use-lightgbm.md').replace('status: accepted', 'status: Accepted'),
    });
    const result = await lint(dir, ['--fix']);
    expect(result.stderr).toContain('fixed 2 files');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ 2 records checked, no problems\n');
    const older = readFileSync(dir.join('adr', NAME), 'utf8');
    expect(older).toContain('status: superseded');
    expect(older).toContain('superseded-by: 2');
    expect(readFileSync(dir.join('adr/0002-use-lightgbm.md'), 'utf8')).toContain('status: accepted\n');
  });

  it('invalid rule options in the configuration exit 2 naming the rule', async () => {
    const dir = project({ [`adr/${NAME}`]: GOOD, 'adrkit.config.json': '{"dir":"adr","rules":{"min-options":["error",{"min":"three"}]}}' });
    const result = await lint(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid options for rule min-options');
  });

  it('configured severities and options apply', async () => {
    const dir = project({ [`adr/${NAME}`]: GOOD, 'adrkit.config.json': '{"dir":"adr","rules":{"min-options":["warn",{"min":4}],"stale-proposed":"off"}}' });
    const findings = json((await lint(dir, ['-f', 'json'])).stdout).findings;
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['min-options', 'warn']]);
  });

  describe('bad input never crashes: each gives a finding at a position', () => {
    const cases: Array<[string, string | Uint8Array, string, number]> = [
      // the YAML parser notices the unclosed flow sequence on the following line
      ['unreadable YAML (at the cause: the unclosed bracket)', '---\ntitle: [unclosed\nstatus: accepted\n---\n# X\n', 'parse', 2],
      ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), 'parse', 1],
      ['a 10 MB file', `---\ntitle: Big\nstatus: accepted\ndate: 2025-01-01\ndeciders: [ana]\n---\n\n# Big\n\n${'word '.repeat(2_100_000)}\n`, 'parse', 7],
      ['a BOM', `\uFEFF${GOOD}`, 'parse', 1],
    ];
    for (const [label, content, rule, line] of cases) {
      it(label, async () => {
        const dir = project({ 'adr/0002-bad.md': content });
        const result = await lint(dir, ['-f', 'json']);
        expect(result.code, result.stderr).toBeLessThan(2);
        const hit = json(result.stdout).findings.find((f) => f.ruleId === rule && f.file === 'adr/0002-bad.md');
        expect(hit, result.stdout.slice(0, 500)).toBeDefined();
        expect(hit!.line).toBe(line);
        expect(hit!.column).toBeGreaterThanOrEqual(1);
      });
    }

    it('CRLF line endings read like LF (same findings, same lines)', async () => {
      const bad = fixture('valid-date', 'bad');
      const lf = json((await lint(project({ [`adr/${NAME}`]: bad }), ['-f', 'json'])).stdout).findings;
      const crlf = json((await lint(project({ [`adr/${NAME}`]: bad.replace(/\n/g, '\r\n') }), ['-f', 'json'])).stdout).findings;
      expect(crlf.map((f) => [f.ruleId, f.line])).toEqual(lf.map((f) => [f.ruleId, f.line]));
      expect(lf.length).toBeGreaterThan(0);
    });
  });
});
