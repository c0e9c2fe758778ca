import { autocomplete, cancel, confirm, isCancel, multiselect, select, text } from '@clack/prompts';
import type { CliIo } from '../io.js';
import { AdrkitError } from '../../model/errors.js';
import type { Criterion } from '../../model/record.js';
import { STATUSES, type Status } from '../../model/status.js';
import { DEFAULT_CRITERIA } from '../../scaffold/render.js';

import { TEMPLATES as TEMPLATE_NAMES, MIN_OPTIONS, DEFAULT_CRITERION_IDS, parseCriterionSpec, checkCriterionSpec, checkDecisionDate, type TemplateName } from '../../scaffold/new-input.js';

export { MIN_OPTIONS, DEFAULT_CRITERION_IDS, parseCriterionSpec, checkCriterionSpec, checkDecisionDate, type TemplateName };

/** What `adrkit new` got from flags (each question has one). */
export interface NewFlags {
  title: string;
  template?: string;
  criterion: string[];
  option: string[];
  decider: string[];
  tag: string[];
  /** `--status`; undefined when not given (asked on a terminal, else `proposed`). */
  status?: string;
  /** `--date`; undefined when not given (asked on a terminal, else today). */
  date?: string;
}

/** Everything `adrkit new` needs, after flags and answers. */
export interface NewAnswers {
  title: string;
  template: TemplateName;
  /** Undefined: the template's default criteria. */
  criteria: Criterion[] | undefined;
  /** `Name` or `Name@blip` specs. */
  options: string[];
  deciders: string[];
  tags: string[];
  status: Status;
  /** Decision date `YYYY-MM-DD`. */
  date: string;
}

/** Answers given so far (what a draft keeps). */
export type NewDraft = Partial<Omit<NewAnswers, 'criteria'>> & { criteria?: string[] };

/** Where unfinished answers are kept, so a cancelled or failed `adrkit new` loses nothing. */
export interface DraftStore {
  /** Path shown to the user. */
  where: string;
  load(): NewDraft | undefined;
  save(draft: NewDraft): void;
  clear(): void;
}

/** A radar blip offered for completion when an option is typed without `@blip`. */
export interface BlipChoice {
  /** Reference stored in the record (`blip-id` or `radar-id/blip-id`). */
  ref: string;
  name: string;
  /** Ring name in the newest edition, shown as a hint. */
  ring: string;
}

/** Settings of {@link completeNewInput}. */
export interface NewInputSettings {
  interactive: boolean;
  defaultTemplate?: TemplateName;
  /** Today `YYYY-MM-DD` (UTC, injected clock): the default date and the latest allowed. */
  today: string;
  /** Minimum number of options of the algorithm template (the `min-options` rule). */
  minOptions?: number;
  blips?: () => BlipChoice[];
  /** Checks the blip of a `Name@blip` option against the radars: an error message, or undefined when it resolves. */
  checkBlip?: (ref: string) => string | undefined;
  draft?: DraftStore;
}

/** Prompts are allowed only on an interactive terminal, outside CI, and without `--no-input`. */
export function canPrompt(io: CliIo, input: boolean): boolean {
  return input && io.stdinIsTTY && !io.env.CI;
}

/** What is wrong with the blip of an option spec (`Name@blip`), or undefined. */
function checkOptionSpec(spec: string, settings: NewInputSettings): string | undefined {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return undefined;
  const ref = spec.slice(at + 1).trim();
  if (!ref) return 'nothing after "@": write Name@blip-id, or just Name';
  return settings.checkBlip?.(ref);
}

class Cancelled extends Error {}
const BACK = '<';

function answered<T>(value: T | symbol): Exclude<T, symbol> {
  if (isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/**
 * Completes the input of `adrkit new`: flags first; on a terminal (see {@link canPrompt}) asks
 * with @clack/prompts for what is missing — title, template, criteria, options (blips checked
 * against the radar as they are typed, with completion), deciders, tags, status, date — and
 * checks each answer when it is given, asking again with the reason. Typing `<` (or choosing
 * "back") returns to the previous question. A cancelled session keeps its answers in the draft
 * store and the next run offers to resume them.
 *
 * Without prompts it never waits and never writes a record lint would reject: a missing title,
 * a bad or future `--date`, a bad `--criterion`, or fewer than 3 options with the algorithm
 * template is a usage error naming the flag.
 *
 * @throws AdrkitError `usage` (exit 2) for missing or bad input without a terminal, or a cancelled prompt.
 */
export async function completeNewInput(flags: NewFlags, settings: NewInputSettings): Promise<NewAnswers> {
  if (flags.template !== undefined && !(TEMPLATE_NAMES as readonly string[]).includes(flags.template)) {
    throw new AdrkitError('usage', `unknown template "${flags.template}"`, { hint: `use one of ${TEMPLATE_NAMES.join(', ')}` });
  }
  if (flags.status !== undefined && !(STATUSES as readonly string[]).includes(flags.status)) {
    throw new AdrkitError('usage', `unknown status "${flags.status}"`, { hint: `use one of ${STATUSES.join(', ')}` });
  }
  if (flags.date !== undefined) {
    const problem = checkDecisionDate(flags.date, settings.today);
    if (problem) throw new AdrkitError('usage', `--date ${problem}`, { hint: 'give the day the decision was made, YYYY-MM-DD (default: today)' });
  }
  const criteriaFlags = flags.criterion.map(parseCriterionSpec);
  for (const spec of flags.option) {
    const problem = checkOptionSpec(spec, settings);
    if (problem) throw new AdrkitError('usage', `--option "${spec}": ${problem}`, { hint: 'list the blips with `adrkit radar`; write `Name@blip-id` or `Name@radar-id/blip-id`' });
  }
  const min = settings.minOptions ?? MIN_OPTIONS;
  if (!settings.interactive) {
    if (!flags.title) {
      throw new AdrkitError('usage', 'missing title: pass it as the argument (no prompts without a terminal or with CI set)', { hint: 'adrkit new "Choose an embedding model" [--template algorithm] [--option "Name@blip" …] [--criterion quality:3 …] [--decider "Name" …]' });
    }
    const template = (flags.template as TemplateName | undefined) ?? settings.defaultTemplate ?? 'algorithm';
    if (template === 'algorithm' && flags.option.length < min) {
      const given = flags.option.length;
      throw new AdrkitError('usage', `missing options: the algorithm template compares at least ${min} options, ${given} given (--option)`, {
        hint: `add ${min - given} more --option "Name[@blip-id]", or choose --template madr or nygard (no prompts without a terminal or with CI set)`,
      });
    }
    return {
      title: flags.title,
      template,
      criteria: criteriaFlags.length ? criteriaFlags : undefined,
      options: flags.option,
      deciders: flags.decider,
      tags: flags.tag,
      status: (flags.status as Status | undefined) ?? 'proposed',
      date: flags.date ?? settings.today,
    };
  }
  return interview(flags, criteriaFlags, settings, min);
}

/** The interactive questions, as steps that can be gone back through. */
async function interview(flags: NewFlags, criteriaFlags: Criterion[], settings: NewInputSettings, min: number): Promise<NewAnswers> {
  const draft = settings.draft;
  let a: NewDraft = {};
  const saved = draft?.load();
  if (saved && answered(await confirm({ message: `Resume the answers kept in ${draft!.where}?`, initialValue: true }))) a = saved;
  else if (saved) draft!.clear();
  const fixed = {
    title: flags.title || undefined,
    template: (flags.template as TemplateName | undefined) ?? settings.defaultTemplate,
  };
  const template = () => (fixed.template ?? a.template ?? 'algorithm') as TemplateName;
  let otherCriteria = a.criteria?.filter((id) => !DEFAULT_CRITERIA.some((c) => c.id === id)).join(', ') ?? '';

  const steps: Array<{ skip?: () => boolean; ask: (canBack: boolean) => Promise<boolean> }> = [
    {
      skip: () => fixed.title !== undefined,
      ask: async (canBack) => {
        const v = await ask({ message: 'Title of the decision', placeholder: 'Choose an embedding model', initialValue: a.title, validate: (v) => (v.trim() ? undefined : 'a title is required') }, canBack);
        if (v === BACK) return false;
        a.title = v.trim();
        return true;
      },
    },
    {
      skip: () => fixed.template !== undefined,
      ask: async (canBack) => {
        const v = answered(await select<string>({
          message: 'Template',
          initialValue: a.template ?? 'algorithm',
          options: [
            { value: 'algorithm', label: 'algorithm', hint: 'Algorithm Decision Record: criteria, ≥3 options with radar blips' },
            { value: 'madr', label: 'madr', hint: 'MADR 4' },
            { value: 'nygard', label: 'nygard', hint: 'Nygard / adr-tools' },
            ...(canBack ? [{ value: BACK, label: '← back' }] : []),
          ],
        }));
        if (v === BACK) return false;
        a.template = v as TemplateName;
        return true;
      },
    },
    {
      skip: () => criteriaFlags.length > 0 || template() !== 'algorithm',
      ask: async () => {
        const ids = answered(await multiselect<string>({
          message: 'Decision criteria (space toggles, enter confirms)',
          options: DEFAULT_CRITERIA.map((c) => ({ value: c.id, label: c.name, hint: `${c.id}, weight ${c.weight}` })),
          initialValues: a.criteria?.filter((id) => DEFAULT_CRITERIA.some((c) => c.id === id)) ?? DEFAULT_CRITERIA.map((c) => c.id),
          required: false,
        }));
        a.criteria = [...ids, ...splitList(otherCriteria)];
        return true;
      },
    },
    {
      skip: () => criteriaFlags.length > 0 || template() !== 'algorithm',
      ask: async (canBack) => {
        const v = await ask({
          message: 'Other criteria (Name or Name:weight, comma-separated; empty for none)',
          placeholder: 'Latency:2',
          initialValue: otherCriteria,
          validate: (v) => {
            const specs = splitList(v);
            for (const spec of specs) {
              const problem = checkCriterionSpec(spec);
              if (problem) return `"${spec}": ${problem}`;
            }
            const chosen = (a.criteria ?? []).filter((id) => DEFAULT_CRITERIA.some((c) => c.id === id));
            if (chosen.length + specs.length === 0) return 'choose at least one criterion (go back with <) or add one here';
            return undefined;
          },
        }, canBack);
        if (v === BACK) return false;
        otherCriteria = v.trim();
        a.criteria = [...(a.criteria ?? []).filter((id) => DEFAULT_CRITERIA.some((c) => c.id === id)), ...splitList(otherCriteria)];
        return true;
      },
    },
    {
      skip: () => flags.option.length > 0 || template() === 'nygard',
      ask: async (canBack) => {
        const need = template() === 'algorithm' ? min : 0;
        const options = [...(a.options ?? [])];
        const previous = [...options];
        options.length = 0;
        for (;;) {
          const n = options.length + 1;
          const back = canBack || n > 1;
          const v = await ask({
            message: `Option ${n} (Name or Name@radar-blip-id${n > need ? '; empty to finish' : ''})`,
            placeholder: n === 1 ? 'DINOv2@dinov2' : undefined,
            initialValue: previous[n - 1],
            validate: (v) => (!v.trim() && n <= need ? `at least ${need} options are needed (${n - 1} so far)` : checkOptionSpec(v.trim(), settings)),
          }, back);
          if (v === BACK) {
            if (n === 1) return false;
            options.pop();
            a.options = [...options];
            continue;
          }
          if (!v.trim()) break;
          const name = v.trim();
          const blips = template() === 'algorithm' && name.lastIndexOf('@') <= 0 ? settings.blips?.() ?? [] : [];
          if (blips.length > 0) {
            // Blip completion: type to filter the radar's blips by name or id.
            const ref = answered(await autocomplete<string>({
              message: `Radar blip for ${name} (type to filter)`,
              maxItems: 8,
              options: [{ value: '', label: '(no radar blip)' }, ...blips.map((b) => ({ value: b.ref, label: `${b.name} (${b.ref})`, hint: b.ring }))],
            }));
            options.push(ref ? `${name}@${ref}` : name);
          } else {
            options.push(name);
          }
          a.options = [...options];
        }
        a.options = options;
        return true;
      },
    },
    {
      skip: () => flags.decider.length > 0,
      ask: async (canBack) => {
        const v = await ask({ message: 'Deciders (comma-separated, empty for none)', placeholder: 'Ana Lima, Bo Chen', initialValue: a.deciders?.join(', ') }, canBack);
        if (v === BACK) return false;
        a.deciders = splitList(v);
        return true;
      },
    },
    {
      skip: () => flags.tag.length > 0,
      ask: async (canBack) => {
        const v = await ask({ message: 'Tags (comma-separated, empty for none)', placeholder: 'search, ranking', initialValue: a.tags?.join(', ') }, canBack);
        if (v === BACK) return false;
        a.tags = splitList(v);
        return true;
      },
    },
    {
      skip: () => flags.status !== undefined,
      ask: async (canBack) => {
        const v = answered(await select<string>({
          message: 'Status',
          initialValue: a.status ?? 'proposed',
          options: [...STATUSES.map((s) => ({ value: s, label: s })), ...(canBack ? [{ value: BACK, label: '← back' }] : [])],
        }));
        if (v === BACK) return false;
        a.status = v as Status;
        return true;
      },
    },
    {
      skip: () => flags.date !== undefined,
      ask: async (canBack) => {
        const v = await ask({ message: 'Decision date (YYYY-MM-DD)', initialValue: a.date ?? settings.today, validate: (v) => checkDecisionDate(v.trim(), settings.today) }, canBack);
        if (v === BACK) return false;
        a.date = v.trim();
        return true;
      },
    },
  ];

  try {
    let i = 0;
    const history: number[] = [];
    while (i < steps.length) {
      if (steps[i].skip?.()) {
        i++;
        continue;
      }
      const forward = await steps[i].ask(history.length > 0);
      if (forward) {
        history.push(i);
        i++;
      } else {
        i = history.pop() ?? 0;
      }
    }
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    const kept = keepDraft(draft, a);
    cancel(kept ? `No record created; your answers are kept in ${draft!.where}.` : 'No record created.');
    throw new AdrkitError('usage', `cancelled: no record created${kept ? `; answers kept in ${draft!.where}` : ''}`, kept ? { hint: 'run `adrkit new` again to resume them' } : {});
  }
  const criteria = criteriaFlags.length ? criteriaFlags : template() === 'algorithm' && a.criteria ? a.criteria.map(parseCriterionSpec) : undefined;
  return {
    title: fixed.title ?? a.title ?? '',
    template: template(),
    criteria,
    options: flags.option.length ? flags.option : a.options ?? [],
    deciders: flags.decider.length ? flags.decider : a.deciders ?? [],
    tags: flags.tag.length ? flags.tag : a.tags ?? [],
    status: (flags.status as Status | undefined) ?? a.status ?? 'proposed',
    date: flags.date ?? a.date ?? settings.today,
  };
}

/** Saves the answers given so far; false when there is nothing to keep or nowhere to keep it. */
export function keepDraft(draft: DraftStore | undefined, answers: NewDraft): boolean {
  if (!draft || Object.values(answers).every((v) => v === undefined || (Array.isArray(v) && v.length === 0))) return false;
  try {
    draft.save(answers);
    return true;
  } catch {
    return false;
  }
}

/** A text question; `<` returns BACK when going back is possible. */
async function ask(opts: { message: string; placeholder?: string; initialValue?: string; validate?: (v: string) => string | undefined }, canBack: boolean): Promise<string> {
  const value = answered(await text({
    message: canBack ? `${opts.message}  ‹ < goes back ›` : opts.message,
    placeholder: opts.placeholder,
    initialValue: opts.initialValue,
    validate: (v) => (canBack && v?.trim() === BACK ? undefined : opts.validate?.(v ?? '')),
  }));
  return canBack && value.trim() === BACK ? BACK : value ?? '';
}

function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}
