import { relative } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES } from '../../model/status.js';
import { openProject } from '../../workspace/project.js';
import { TEMPLATES, planNewRecord } from '../../workspace/new-record.js';
import { loadRadars } from '../../radar/load.js';
import { isoDay } from '../../util/dates.js';
import { toPosix } from '../../workspace/read-log.js';
import { readProjectLogs } from '../../workspace/project.js';
import { resolveRecord } from '../../lifecycle/resolve.js';
import { canPrompt, completeNewInput, type BlipChoice } from '../prompts/new-record.js';
import { allBlips, newestEdition, ringById } from '../../radar/editions.js';
import type { RadarSet } from '../../radar/resolve.js';
import { supersedeWithNewRecord } from './supersede.js';

interface NewOptions {
  dir?: string;
  template?: string;
  status: string;
  option: string[];
  tag: string[];
  decider: string[];
  date?: string;
  criterion: string[];
  supersedes?: string;
  input: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export { readRecordTemplate } from '../../workspace/new-record.js';

const newCommand: CommandModule = (program, ctx) => {
  program
    .command('new')
    .description('create the next decision record from a template (never overwrites)')
    .argument('[title...]', 'title of the decision (asked on a terminal when missing)')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-t, --template <name>', `template: ${TEMPLATES.join(' | ')}`)
    .option('-s, --status <status>', `initial status: ${STATUSES.join(' | ')}`, 'proposed')
    .option('-o, --option <name>', 'an option considered, `Name` or `Name@blip-id` (repeatable)', collect, [])
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--decider <name>', 'a decider (repeatable)', collect, [])
    .option('--date <YYYY-MM-DD>', 'decision date (default: today)')
    .option('-c, --criterion <spec>', 'a decision criterion: default id (`quality`) or `Name`, optionally `:weight` (repeatable)', collect, [])
    .option('--supersedes <record>', 'record this one supersedes (number, slug or path); both files are updated')
    .option('--no-input', 'never prompt (also without a terminal or when CI is set)')
    .action(async (titleWords: string[], opts: NewOptions) => {
      if (!(STATUSES as readonly string[]).includes(opts.status)) throw new AdrkitError('usage', `unknown status "${opts.status}"`, { hint: `use one of ${STATUSES.join(', ')}` });
      const project = await openProject(ctx.cwd(), opts.dir);
      const answers = await completeNewInput(
        { title: titleWords.join(' ').trim(), template: opts.template, criterion: opts.criterion, option: opts.option, decider: opts.decider },
        {
          interactive: canPrompt(ctx.io, opts.input),
          defaultTemplate: project.config.config.template,
          blips: () => blipChoices(loadRadars(ctx.cwd(), project.config.config.radars)),
        },
      );
      const { title, template } = answers;
      const superseded = opts.supersedes ? resolveRecord(readProjectLogs(project).flatMap((log) => log.records), opts.supersedes) : undefined;
      const date = opts.date ?? isoDay(ctx.io.now());
      const plan = await planNewRecord(
        project,
        { title, template, status: opts.status, date, options: answers.options, criteria: answers.criteria, tags: opts.tag, deciders: answers.deciders },
        { log: (text) => ctx.io.stderr.write(text), random: ctx.io.random },
      );
      const created = plan.create();
      if (superseded) supersedeWithNewRecord(superseded, created.path, ctx.cwd(), date);
      ctx.io.stdout.write(`${toPosix(relative(ctx.cwd(), created.path))}\n`);
    });
};
export default newCommand;

/** Blips of the configured radars for completion; qualified with the radar id when there are several. */
function blipChoices(set: RadarSet): BlipChoice[] {
  return set.radars.flatMap((radar) => {
    const current = new Map(newestEdition(radar).blips.map((b) => [b.id, b.ring]));
    return allBlips(radar).map((blip) => ({
      ref: set.radars.length > 1 ? `${radar.id}/${blip.id}` : blip.id,
      name: blip.name,
      ring: current.has(blip.id) ? ringById(radar, current.get(blip.id)!)?.name ?? current.get(blip.id)! : 'dropped',
    }));
  });
}
