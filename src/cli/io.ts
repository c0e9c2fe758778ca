/** Everything a command may touch of the process: the CLI's only window on the outside world. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  /** True when stdin is an interactive terminal (prompts allowed unless `CI` is set). */
  stdinIsTTY: boolean;
  /** Injected clock (ms since epoch); tests fix it. */
  now(): number;
  /** Injected random source in [0, 1) (short-id numbering); `Math.random` when absent. */
  random?(): number;
}

/** The real process as a {@link CliIo}. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    now: () => Date.now(),
  };
}

/** Exit codes: 0 ok, 1 findings, 2 usage / config / internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
