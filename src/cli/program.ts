import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import type { CommandContext, CommandModule } from './context.js';
import { EXIT, type CliIo } from './io.js';
import { VERSION } from '../version.js';
import initCommand from './commands/init.js';
import newCommand from './commands/new.js';
import lintCommand from './commands/lint.js';
import listCommand from './commands/list.js';
import buildCommand from './commands/build.js';
import previewCommand from './commands/preview.js';
import statusCommand from './commands/status.js';
import supersedeCommand from './commands/supersede.js';
import linkCommand from './commands/link.js';
import matrixCommand from './commands/matrix.js';
import staleCommand from './commands/stale.js';
import indexCommand from './commands/index.js';
import exportCommand from './commands/export.js';
import importCommand from './commands/import.js';
import reviewCommand from './commands/review.js';
import renumberCommand from './commands/renumber.js';
import radarCommand from './commands/radar.js';

/** Command modules, in help order. Each lives in `src/cli/commands/<name>.ts`. */
const COMMANDS: CommandModule[] = [initCommand, newCommand, lintCommand, listCommand, buildCommand, previewCommand, reviewCommand, renumberCommand, statusCommand, supersedeCommand, linkCommand, matrixCommand, staleCommand, indexCommand, exportCommand, importCommand, radarCommand];

/**
 * Runs the adrkit CLI in-process.
 *
 * @param argv - arguments after `adrkit` (no node / script path).
 * @param io - process facade; tests pass a fake.
 * @returns exit code: 0 ok, 1 findings, 2 usage, config or internal error.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  let cwdOption: string | undefined;
  const ctx: CommandContext = {
    io,
    exit: (c) => {
      code = Math.max(code, c);
    },
    cwd: () => (cwdOption ? resolve(io.cwd, cwdOption) : io.cwd),
  };
  const program = new Command('adrkit')
    .description('Algorithm Decision Records: scaffold, lint, link to a technology radar, publish a decision log')
    .version(VERSION, '-v, --version')
    .option('-C, --cwd <dir>', 'run as if adrkit was started in <dir>')
    .showHelpAfterError('(run `adrkit --help` for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .hook('preAction', (thisCommand) => {
      cwdOption = thisCommand.opts().cwd as string | undefined;
    });
  for (const register of COMMANDS) register(program, ctx);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.error;
    }
    if (error instanceof AdrkitError) {
      io.stderr.write(`adrkit: ${error.format()}\n`);
      return EXIT.error;
    }
    const err = error as Error;
    io.stderr.write(`adrkit: internal error: ${err?.message ?? String(error)}\n  please report it with the command you ran (set ADRKIT_DEBUG=1 for a stack trace)\n`);
    if (io.env.ADRKIT_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
    return EXIT.error;
  }
  return code;
}
