import type { CliIo } from '../../src/cli/io.js';

/** A {@link CliIo} that records what the CLI writes. */
export interface FakeIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

/** 2024-06-01T12:00:00Z: the fixed clock of tests, in ms since the epoch. */
export const FIXED_NOW = Date.UTC(2024, 5, 1, 12, 0, 0);

/**
 * A fake process facade for in-process CLI tests (`run(argv, fakeIo({ cwd }))`): captures stdout
 * and stderr, fixes the clock ({@link FIXED_NOW}), no TTY, and an environment without CI or
 * GITHUB_ACTIONS unless given.
 */
export function fakeIo(options: { cwd?: string; env?: Record<string, string | undefined>; now?: number; tty?: boolean } = {}): FakeIo {
  let out = '';
  let err = '';
  return {
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdout: { write: (text: string) => void (out += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => void (err += text), isTTY: options.tty ?? false },
    stdinIsTTY: options.tty ?? false,
    now: () => options.now ?? FIXED_NOW,
    out: () => out,
    err: () => err,
  };
}

/** Result of {@link runCli}. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with a {@link fakeIo} and returns exit code and output.
 * Imported lazily so helpers stay usable before `src/cli` compiles.
 */
export async function runCli(argv: string[], options: Parameters<typeof fakeIo>[0] = {}): Promise<CliResult> {
  const { run } = await import('../../src/cli/program.js');
  const io = fakeIo(options);
  const code = await run(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
