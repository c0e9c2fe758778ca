import type { Command } from 'commander';
import type { CliIo } from './io.js';

/** What every command module receives. */
export interface CommandContext {
  io: CliIo;
  /** Sets the process exit code (the highest wins: 2 > 1 > 0). */
  exit(code: number): void;
  /** Working directory after `-C/--cwd`. */
  cwd(): string;
}

/** A command module: `src/cli/commands/<name>.ts` default-exports one. */
export type CommandModule = (program: Command, ctx: CommandContext) => void;
