import { Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { AdrkitError } from '../../model/errors.js';
import { REPORTERS } from '../../render/reporters/index.js';
import { lintProject } from '../../workspace/lint-project.js';
import { isoDay } from '../../util/dates.js';

interface LintOptions {
  dir?: string;
  format?: string;
  output?: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  fix?: boolean;
  rule?: string[];
  color?: boolean;
  cache?: boolean;
}

const lintCommand: CommandModule = (program, ctx) => {
  program
    .command('lint')
    .description('check decision records (frontmatter, structure, links, the log as a whole)')
    .argument('[files...]', 'files or globs to report on (cross-record rules still read the whole log)')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', `output format: ${Object.keys(REPORTERS).join(' | ')} (github when GITHUB_ACTIONS=true)`)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--output-file <file>').hideHelp())
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--fix', 'apply safe mechanical fixes')
    .option('--rule <id...>', 'only run these rules')
    .option('--no-color', 'no ANSI colours')
    .option('--no-cache', 'parse every record again (the cache keeps parsed records by content hash)')
    .action(async (files: string[], given: LintOptions) => {
      const opts = { ...given, outputFile: given.output ?? given.outputFile };
      const cwd = ctx.cwd();
      const format = opts.format ?? (ctx.io.env.GITHUB_ACTIONS === 'true' && REPORTERS.github ? 'github' : 'stylish');
      const reporter = REPORTERS[format];
      if (!reporter) throw new AdrkitError('usage', `unknown --format "${format}"`, { hint: `use one of ${Object.keys(REPORTERS).join(', ')}` });
      const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new AdrkitError('usage', `--max-warnings must be a whole number, got "${opts.maxWarnings}"`);
      const { findings, fileCount, fixed } = await lintProject(cwd, {
        dir: opts.dir,
        files,
        rules: opts.rule,
        cache: opts.cache,
        fix: opts.fix,
        today: isoDay(ctx.io.now()),
        warn: (warning) => ctx.io.stderr.write(`adrkit: warning: ${warning}\n`),
      });
      if (fixed.length > 0) ctx.io.stderr.write(`adrkit: fixed ${fixed.length} file${fixed.length === 1 ? '' : 's'}: ${fixed.join(', ')}\n`);
      const shown = opts.quiet ? findings.filter((f) => f.severity === 'error') : findings;
      const color = opts.color !== false && Boolean(ctx.io.stdout.isTTY) && !opts.outputFile && !ctx.io.env.NO_COLOR;
      // --quiet hides warnings; it must not then claim "no problems".
      const output = opts.quiet && shown.length === 0 && format === 'stylish' ? '' : reporter.render({ findings: shown, fileCount, cwd, color });
      if (opts.outputFile) writeFileSync(resolve(cwd, opts.outputFile), output);
      else ctx.io.stdout.write(output);
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warn').length;
      if (errors > 0) ctx.exit(EXIT.findings);
      if (maxWarnings !== undefined && warnings > maxWarnings) {
        ctx.io.stderr.write(`adrkit: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
        ctx.exit(EXIT.findings);
      }
    });
};
export default lintCommand;

