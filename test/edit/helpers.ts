import { fakeIo } from '../helpers/fake-io.js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { CORPUS } from '../helpers/corpus.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/lifecycle', import.meta.url));
export const NOW = Date.parse('2026-11-21T12:00:00Z');

/** A temp folder with `adr/` holding copies of the given fixture files (or inline files). */
export function testdir(files: Record<string, string> = {}, fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'adrkit-lifecycle-'));
  mkdirSync(join(dir, 'adr'));
  if (fixture) cpSync(join(FIXTURES, fixture), join(dir, 'adr'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'adr', name), text);
  return dir;
}

/** Clones a corpus bundle (../shared/corpus) into a temp folder. */
export function cloneCorpus(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `adrkit-corpus-${name}-`));
  execFileSync('git', ['clone', '-q', join(CORPUS, `${name}.bundle`), join(dir, 'log')]);
  return join(dir, 'log');
}

export const read = (dir: string, name: string) => readFileSync(join(dir, 'adr', name), 'utf8');

/** Runs the CLI in-process with a fake io (the shared helper, this suite's clock); returns exit code and captured output. */
export async function cli(cwd: string, argv: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { ...fakeIo({ cwd, now: NOW }), ...extra };
  const code = await run(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
