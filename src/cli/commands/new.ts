import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { CommandContext, CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES } from '../../model/status.js';
import { openProject, type Project } from '../../workspace/project.js';
import { TEMPLATES, planNewRecord } from '../../workspace/new-record.js';
import { loadRadars } from '../../radar/load.js';
import { isoDay } from '../../util/dates.js';
import { toPosix } from '../../workspace/read-log.js';
import { readProjectLogs } from '../../workspace/project.js';
import { resolveRecord } from '../../decision/resolve.js';
import { canPrompt, completeNewInput, DEFAULT_CRITERION_IDS, keepDraft, type BlipChoice, type DraftStore, type NewAnswers, type NewDraft } from '../prompts/new-record.js';
import { allBlips, newestEdition, ringById } from '../../radar/editions.js';
import { describeUnresolved, resolveBlip, type RadarSet } from '../../radar/resolve.js';
import { supersedeWithNewRecord } from './supersede.js';

interface NewOptions {
  dir?: string;
  template?: string;
  status?: string;
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
    .option('-s, --status <status>', `initial status: ${STATUSES.join(' | ')} (default: proposed)`)
    .option('--option <name>', 'an option considered, `Name` or `Name@blip-id` (repeatable)', collect, [])
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--decider <name>', 'a decider (repeatable)', collect, [])
    .option('--date <YYYY-MM-DD>', 'decision date, not in the future (default: today)')
    .option('-c, --criterion <spec>', `a decision criterion: a default id (${DEFAULT_CRITERION_IDS}) or a new \`Name\`, optionally \`:weight\` (repeatable; default: all default ids)`, collect, [])
    .option('--supersedes <record>', 'record this one supersedes (number, slug or path); both files are updated')
    .option('--no-input', 'never prompt (also without a terminal or when CI is set)')
    .action(async (titleWords: string[], opts: NewOptions) => {
      const project = await openProject(ctx.cwd(), opts.dir);
      const radars = () => loadRadars(ctx.cwd(), project.config.config.radars);
      const interactive = canPrompt(ctx.io, opts.input);
      const draft = draftStore(ctx.cwd());
      const answers = await completeNewInput(
        { title: titleWords.join(' ').trim(), template: opts.template, criterion: opts.criterion, option: opts.option, decider: opts.decider, tag: opts.tag, status: opts.status, date: opts.date },
        {
          interactive,
          today: isoDay(ctx.io.now()),
          defaultTemplate: project.config.config.template,
          blips: () => blipChoices(radars()),
          checkBlip: (ref) => {
            const resolution = resolveBlip(radars(), ref);
            return resolution.ok ? undefined : `${describeUnresolved(resolution)}; write Name@blip-id, or just Name to pick from the radar`;
          },
          draft: interactive ? draft : undefined,
        },
      );
      try {
        const created = await createNewRecord(ctx, project, answers, opts.supersedes);
        if (interactive) draft.clear();
        ctx.io.stdout.write(`${toPosix(relative(ctx.cwd(), created))}\n`);
      } catch (error) {
        if (interactive && error instanceof AdrkitError && keepDraft(draft, { ...answers, criteria: answers.criteria?.map((c) => c.id) })) {
          throw new AdrkitError(error.code, `${error.message}; your answers are kept in ${draft.where}`, { ...error.details, hint: `${error.details.hint ? `${error.details.hint}; ` : ''}run \`adrkit new\` again to resume them` });
        }
        throw error;
      }
    });
};
export default newCommand;

/** Writes the record for complete answers (through {@link planNewRecord}, as the MCP server does); returns its absolute path. */
async function createNewRecord(ctx: CommandContext, project: Project, answers: NewAnswers, supersedes: string | undefined): Promise<string> {
  const { title, template, date } = answers;
  const superseded = supersedes ? resolveRecord(readProjectLogs(project).flatMap((log) => log.records), supersedes) : undefined;
  const plan = await planNewRecord(
    project,
    { title, template, status: answers.status, date, options: answers.options, criteria: answers.criteria, tags: answers.tags, deciders: answers.deciders },
    { log: (text) => ctx.io.stderr.write(text), random: ctx.io.random },
  );
  const created = plan.create();
  if (superseded) supersedeWithNewRecord(superseded, created.path, ctx.cwd(), date);
  return created.path;
}

/** Unfinished answers of an interactive `adrkit new`, kept in `.adrkit/new-draft.json` of the working directory. */
function draftStore(cwd: string): DraftStore {
  const path = join(cwd, '.adrkit', 'new-draft.json');
  return {
    where: toPosix(relative(cwd, path)),
    load: () => {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as NewDraft;
      } catch {
        return undefined;
      }
    },
    save: (draft) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(draft, null, 2)}\n`);
    },
    clear: () => rmSync(path, { force: true }),
  };
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
