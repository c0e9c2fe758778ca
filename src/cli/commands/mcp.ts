import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { isRealIsoDate } from '../../util/dates.js';
import { openProject } from '../../workspace/project.js';

const mcpCommand: CommandModule = (program, ctx) => {
  program
    .command('mcp')
    .description('serve the decision log to coding assistants: a Model Context Protocol server on stdio (tools, resources, prompts)')
    .option('--today <YYYY-MM-DD>', 'the day treated as today by stale decisions, lint and new records (default: the clock)')
    .action(async (opts: { today?: string }) => {
      if (opts.today !== undefined && !isRealIsoDate(opts.today)) throw new AdrkitError('usage', `--today must be a real date YYYY-MM-DD, got "${opts.today}"`);
      const cwd = ctx.cwd();
      // Fail at start, with the CLI's message, when there is no decision log here.
      await openProject(cwd);
      const { serveMcp } = await import('../../mcp/server.js');
      const fixed = opts.today ? Date.parse(`${opts.today}T12:00:00Z`) : undefined;
      serveMcp(cwd, {
        now: fixed === undefined ? () => ctx.io.now() : () => fixed,
        onerror: (error) => ctx.io.stderr.write(`adrkit mcp: ${error.message}\n`),
      });
      ctx.io.stderr.write(`adrkit mcp: serving the decision log of ${cwd} on stdio\n`);
    });
};
export default mcpCommand;
