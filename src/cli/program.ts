import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import type { CommandContext, CommandModule } from './context.js';
import { EXIT, type CliIo } from './io.js';
import { VERSION } from '../version.js';
/**
 * Command modules by name, in help order; each lives in `src/cli/commands/<name>.ts` and is
 * imported only when needed, so `adrkit lint` in a pre-commit hook does not load the site builder.
 */
const COMMANDS: Record<string, () => Promise<{ default: CommandModule }>> = {
  init: () => import('./commands/init.js'),
  'new': () => import('./commands/new.js'),
  lint: () => import('./commands/lint.js'),
  list: () => import('./commands/list.js'),
  show: () => import('./commands/show.js'),
  build: () => import('./commands/build.js'),
  preview: () => import('./commands/preview.js'),
  review: () => import('./commands/review.js'),
  renumber: () => import('./commands/renumber.js'),
  status: () => import('./commands/status.js'),
  supersede: () => import('./commands/supersede.js'),
  link: () => import('./commands/link.js'),
  matrix: () => import('./commands/matrix.js'),
  evidence: () => import('./commands/evidence.js'),
  stale: () => import('./commands/stale.js'),
  index: () => import('./commands/index.js'),
  'export': () => import('./commands/export.js'),
  'import': () => import('./commands/import.js'),
  radar: () => import('./commands/radar.js'),
  governs: () => import('./commands/governs.js'),
  mcp: () => import('./commands/mcp.js'),
};

/** Name of the command `argv` invokes (first word that is not a global option or its value). */
function invokedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-C' || arg === '--cwd') {
      i++;
      continue;
    }
    if (arg === '--') return undefined;
    if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

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
  const invoked = invokedCommand(argv);
  const wanted = invoked && invoked in COMMANDS ? [invoked] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]()).default(program, ctx);
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
