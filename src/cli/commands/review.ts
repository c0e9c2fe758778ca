import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { reviewRefs } from '../../workspace/review-refs.js';
import { renderReviewMarkdown } from '../../render/review-markdown.js';
import { renderReviewJson } from '../../render/review-json.js';
import { isoDay } from '../../util/dates.js';
import { checkFormat } from '../helpers.js';

interface ReviewOptions {
  base: string;
  head?: string;
  format: string;
  dir?: string;
}

const FORMATS = ['markdown', 'json'];

const reviewCommand: CommandModule = (program, ctx) => {
  program
    .command('review')
    .description('review what a branch changes in the decision log: records, statuses, options, HOLD blips, number collisions, lint')
    .requiredOption('--base <ref>', 'base of the comparison (e.g. origin/main)')
    .option('--head <ref>', 'head of the comparison (default: the working tree)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'markdown')
    .option('-d, --dir <dir>', 'decision log folder')
    .action(async (opts: ReviewOptions) => {
      checkFormat(opts.format, FORMATS);
      const report = await reviewRefs(ctx.cwd(), {
        base: opts.base,
        head: opts.head,
        dir: opts.dir,
        today: isoDay(ctx.io.now()),
        env: ctx.io.env,
        warn: (message) => ctx.io.stderr.write(`adrkit: warning: ${message}\n`),
      });
      ctx.io.stdout.write(opts.format === 'json' ? renderReviewJson(report) : renderReviewMarkdown(report));
      if (!report.ok) ctx.exit(EXIT.findings);
    });
};
export default reviewCommand;
