import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testdir, type CliResult, type TestDir } from '../helpers/index.js';
import { RULES } from '../../src/rules/index.js';

/** One expected finding of a corpus case; `line: null` means any line. */
interface ExpectedFinding {
  file: string;
  line: number | null;
  rule: string;
  message?: string;
}

interface CommandExpectation {
  exit: number;
  findings?: ExpectedFinding[];
  /** Substrings that stderr must contain (whole-command errors, exit 2). */
  stderr?: string[];
}

interface BadCase {
  id: string;
  description: string;
  files: string[];
  rules: string[];
  /** `build` defaults to list's exit class (0-1 when list works, 2 when it does not). */
  expected: { lint: CommandExpectation; list: CommandExpectation; build?: CommandExpectation };
  /** Known bugs outside this suite's scope, by command: the assertion is skipped with the note. */
  knownBug?: Record<string, string>;
  pending?: string;
  noControl?: boolean;
  /** Only the exit code is asserted (the exact finding depends on the parser's recovery). */
  expectExitOnly?: boolean;
}

const CORPUS = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const { cases } = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as { cases: BadCase[] };
const KNOWN_RULES = new Set(['parse', ...RULES.map((r) => r.meta.id)]);
const CONTROL = 'adr/0999-control-record.md';
const CONTROL_TEXT = '# 999. Control record\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nA valid record next to the bad one.\n\n## Decision\n\nKeep it.\n\n## Consequences\n\nNone.\n';

/** A stack frame line (`    at fn (file.js:1:2)`) anywhere in the output. */
const STACK = /^\s+at .+[:(].*\d+:\d+\)?$/m;

function assertNoCrash(result: CliResult): void {
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stdout).not.toMatch(STACK);
  expect(result.stderr).not.toMatch(/internal error|TypeError|ReferenceError/);
  expect([0, 1, 2]).toContain(result.code);
}

const dirs: TestDir[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));

function materialise(c: BadCase): TestDir {
  const dir = testdir({}, `adrkit-bad-${c.id}-`);
  dirs.push(dir);
  cpSync(join(CORPUS, c.id), dir.path, { recursive: true });
  if (!c.noControl) writeFileSync(dir.join(CONTROL), CONTROL_TEXT);
  return dir;
}

describe('corpus of bad inputs (test/fixtures/bad)', () => {
  it('has at least 60 cases, each with its files on disk', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) for (const f of c.files) expect(existsSync(join(CORPUS, c.id, f)), `${c.id}/${f}`).toBe(true);
  });

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const dir = materialise(c);
    const pendingRules = c.rules.filter((r) => !KNOWN_RULES.has(r));
    const skipReason = c.pending ?? (pendingRules.length ? `rule(s) ${pendingRules.join(', ')} not registered yet` : undefined);

    it(`lint: ${c.description}`, async (ctx) => {
      const result = await runCli(['lint', '--format', 'json', ...c.rules.filter((r) => KNOWN_RULES.has(r)).flatMap((r) => ['--rule', r])], { cwd: dir.path });
      assertNoCrash(result);
      if (skipReason) ctx.skip(`pending: ${skipReason}`);
      const want = c.expected.lint;
      expect(result.code, result.stderr).toBe(want.exit);
      for (const text of want.stderr ?? []) expect(result.stderr).toContain(text);
      if (want.exit === 2) {
        expect(result.stderr.trim().split('\n').length, 'one clear error (plus a hint)').toBeLessThanOrEqual(3);
        return;
      }
      const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }> };
      for (const f of report.findings) {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.column).toBeGreaterThanOrEqual(1);
      }
      if (!c.noControl) expect(report.findings.filter((f) => f.file === CONTROL), 'control record is clean').toEqual([]);
      if (c.expectExitOnly) return;
      for (const e of want.findings ?? []) {
        const hit = report.findings.find((f) => f.file === e.file && f.ruleId === e.rule && (e.line === null || f.line === e.line) && (!e.message || f.message.includes(e.message)));
        expect(hit, `expected ${e.rule} at ${e.file}:${e.line ?? '*'}${e.message ? ` ("${e.message}")` : ''}; got ${JSON.stringify(report.findings)}`).toBeDefined();
      }
    });

    it('list: other records still listed, no crash', async () => {
      const result = await runCli(['list', '--format', 'json'], { cwd: dir.path });
      assertNoCrash(result);
      expect(result.code, result.stderr).toBe(c.expected.list.exit);
      for (const text of c.expected.list.stderr ?? []) expect(result.stderr).toContain(text);
      if (result.code === 0 && !c.noControl) {
        const rows = JSON.parse(result.stdout) as Array<{ path: string; title: string }>;
        expect(rows.find((r) => r.path === CONTROL)?.title).toBe('Control record');
      }
    });

    it('lint with every rule: no crash, file and position on each finding', async () => {
      const result = await runCli(['lint', '--format', 'json'], { cwd: dir.path });
      assertNoCrash(result);
      if (result.code === 2) {
        expect(c.expected.lint.exit, result.stderr).toBe(2);
        return;
      }
      const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; line: number; column: number }> };
      for (const f of report.findings) {
        expect(f.file).toMatch(/\S/);
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.column).toBeGreaterThanOrEqual(1);
      }
    });

    it('build: no crash, the site is still built from the other records', async (ctx) => {
      const result = await runCli(['build', '--out', '_site'], { cwd: dir.path });
      if (c.knownBug?.build) ctx.skip(`known bug: ${c.knownBug.build}`);
      assertNoCrash(result);
      const want = c.expected.build ?? (c.expected.list.exit === 2 ? { exit: 2 } : undefined);
      if (want) {
        expect(result.code, result.stderr).toBe(want.exit);
        for (const text of want.stderr ?? []) expect(result.stderr).toContain(text);
        if (want.exit === 2) return;
      }
      expect(result.code, result.stderr).toBeLessThanOrEqual(1);
      expect(existsSync(dir.join('_site/index.html'))).toBe(true);
      if (!c.noControl) expect(readFileSync(dir.join('_site/index.html'), 'utf8')).toContain('Control record');
    });

    it('export: no crash', async (ctx) => {
      const result = await runCli(['export', '--format', 'json'], { cwd: dir.path });
      if (/unknown command/.test(result.stderr)) ctx.skip('export is not registered');
      assertNoCrash(result);
      expect(result.code).toBe(c.expected.list.exit === 2 ? 2 : 0);
    });
  });
});
