import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES, type Status } from '../../model/status.js';
import { openProject } from '../../workspace/project.js';
import { createPrefixedRecordFile, createRecordFile } from '../../workspace/create-record.js';
import { datePrefix, nextNumber, shortId } from '../../decision/numbering.js';
import { listLogNamesOnBranches } from '../../history/refs.js';
import { renderRecord } from '../../scaffold/render.js';
import { loadRadars } from '../../radar/load.js';
import { optionsWithRings } from '../../scaffold/options.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import { isoDay } from '../../util/dates.js';
import { toPosix } from '../../workspace/read-log.js';
import { readProjectLogs } from '../../workspace/project.js';
import { resolveRecord } from '../../decision/resolve.js';
import { canPrompt, completeNewInput, type BlipChoice } from '../prompts/new-record.js';
import { allBlips, newestEdition, ringById } from '../../radar/editions.js';
import type { RadarSet } from '../../radar/resolve.js';
import { supersedeWithNewRecord } from './supersede.js';

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
  criterion: string[];
  supersedes?: string;
  input: boolean;
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
      if (!TEMPLATES.includes(template)) throw new AdrkitError('usage', `unknown template "${template}"`, { hint: `use one of ${TEMPLATES.join(', ')}` });
      const date = opts.date ?? isoDay(ctx.io.now());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AdrkitError('usage', `--date must be YYYY-MM-DD, got "${date}"`);
      const options = answers.options.some((o) => o.lastIndexOf('@') > 0) ? optionsWithRings(loadRadars(ctx.cwd(), project.config.config.radars), answers.options) : answers.options;
      const source = readRecordTemplate(template);
      const dir = project.dirs[0];
      const renderFor = (number: number | undefined) =>
        renderRecord(source, {
          title,
          number,
          date,
          status: opts.status as Status,
          template,
          deciders: answers.deciders,
          criteria: answers.criteria,
          tags: opts.tag,
          options,
          supersedes: [],
        });
      const numbering = project.config.config.numbering ?? 'sequential';
      let created: { path: string };
      if (numbering === 'sequential') {
        const minNumber = await numberFreeOnBranches(dir, (text) => ctx.io.stderr.write(text));
        created = createRecordFile(dir, title, renderFor, { digits: project.config.config.digits, minNumber });
      } else {
        const random = ctx.io.random ?? Math.random;
        const prefix = numbering === 'date' ? () => datePrefix(date) : () => shortId(random);
        created = createPrefixedRecordFile(dir, title, prefix, () => renderFor(undefined));
      }
      if (superseded) supersedeWithNewRecord(superseded, created.path, ctx.cwd(), date);
      ctx.io.stdout.write(`${toPosix(relative(ctx.cwd(), created.path))}\n`);
    });
};
export default newCommand;

/**
 * The lowest number free on every local and remote-tracking branch (see `listLogNamesOnBranches`:
 * three git processes whatever the number of branches), reported on stderr. Outside git, or when
 * git fails: undefined (the folder alone decides, as before).
 */
async function numberFreeOnBranches(dir: string, log: (text: string) => void): Promise<number | undefined> {
  let onRefs;
  try {
    onRefs = await listLogNamesOnBranches(dir);
  } catch {
    return undefined;
  }
  if (onRefs.length === 0) return undefined;
  const min = Math.max(...onRefs.map((r) => nextNumber(r.names)));
  log(`adrkit: numbers checked on ${onRefs.length} branch${onRefs.length === 1 ? '' : 'es'}: ${onRefs.map((r) => r.ref.short).join(', ')} (next free: ${min})\n`);
  return min;
}

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
