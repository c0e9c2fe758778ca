import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES, type Status } from '../../model/status.js';
import { openProject } from '../../workspace/project.js';
import { createRecordFile } from '../../scaffold/create.js';
import { renderRecord } from '../../scaffold/render.js';
import { loadRadars } from '../../radar/load.js';
import { optionsWithRings } from '../../radar/options.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import { isoDay } from '../../util/dates.js';
import { toPosix } from '../../workspace/read-log.js';

const TEMPLATES = ['algorithm', 'madr', 'nygard'] as const;
type TemplateName = (typeof TEMPLATES)[number];

interface NewOptions {
  dir?: string;
  template?: string;
  status: string;
  option: string[];
  tag: string[];
  decider: string[];
  date?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Reads a record template: the project's override (`<templates>/records/<name>.md.hbs`) or adrkit's. */
export function readRecordTemplate(name: TemplateName): string {
  return readFileSync(join(PACKAGE_ROOT, 'templates', 'records', `${name}.md.hbs`), 'utf8');
}

const newCommand: CommandModule = (program, ctx) => {
  program
    .command('new')
    .description('create the next decision record from a template (never overwrites)')
    .argument('<title...>', 'title of the decision')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-t, --template <name>', `template: ${TEMPLATES.join(' | ')}`)
    .option('-s, --status <status>', `initial status: ${STATUSES.join(' | ')}`, 'proposed')
    .option('-o, --option <name>', 'an option considered, `Name` or `Name@blip-id` (repeatable)', collect, [])
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--decider <name>', 'a decider (repeatable)', collect, [])
    .option('--date <YYYY-MM-DD>', 'decision date (default: today)')
    .action(async (titleWords: string[], opts: NewOptions) => {
      const title = titleWords.join(' ').trim();
      if (!title) throw new AdrkitError('usage', 'a title is required', { hint: 'adrkit new "Choose an embedding model"' });
      if (!(STATUSES as readonly string[]).includes(opts.status)) throw new AdrkitError('usage', `unknown status "${opts.status}"`, { hint: `use one of ${STATUSES.join(', ')}` });
      const project = await openProject(ctx.cwd(), opts.dir);
      const template = (opts.template ?? project.config.config.template ?? 'algorithm') as TemplateName;
      if (!TEMPLATES.includes(template)) throw new AdrkitError('usage', `unknown template "${template}"`, { hint: `use one of ${TEMPLATES.join(', ')}` });
      const date = opts.date ?? isoDay(ctx.io.now());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AdrkitError('usage', `--date must be YYYY-MM-DD, got "${date}"`);
      const options = opts.option.some((o) => o.lastIndexOf('@') > 0) ? optionsWithRings(loadRadars(ctx.cwd(), project.config.config.radars), opts.option) : opts.option;
      const source = readRecordTemplate(template);
      const dir = project.dirs[0];
      const created = createRecordFile(dir, title, (number) =>
        renderRecord(source, {
          title,
          number,
          date,
          status: opts.status as Status,
          template,
          deciders: opts.decider,
          tags: opts.tag,
          options,
          supersedes: [],
        }),
      { digits: project.config.config.digits });
      ctx.io.stdout.write(`${toPosix(relative(ctx.cwd(), created.path))}\n`);
    });
};
export default newCommand;
