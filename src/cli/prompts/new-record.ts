import { autocomplete, cancel, isCancel, multiselect, select, text } from '@clack/prompts';
import type { CliIo } from '../io.js';
import { AdrkitError } from '../../model/errors.js';
import type { Criterion } from '../../model/record.js';
import { slugify } from '../../parse/filename.js';
import { DEFAULT_CRITERIA } from '../../scaffold/render.js';

export const TEMPLATE_NAMES = ['algorithm', 'madr', 'nygard'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** What `adrkit new` got from flags (each question has one). */
export interface NewFlags {
  title: string;
  template?: string;
  criterion: string[];
  option: string[];
  decider: string[];
}

/** Everything `adrkit new` needs, after flags and answers. */
export interface NewAnswers {
  title: string;
  template: TemplateName;
  /** Undefined: the template's default criteria. */
  criteria: Criterion[] | undefined;
  options: string[];
  deciders: string[];
}

/** Prompts are allowed only on an interactive terminal, outside CI, and without `--no-input`. */
export function canPrompt(io: CliIo, input: boolean): boolean {
  return input && io.stdinIsTTY && !io.env.CI;
}

/**
 * Parses `--criterion`: a default criterion id (`quality`, `hardware`, …, see DEFAULT_CRITERIA),
 * optionally with a weight (`quality:3`), or a new criterion `Name` / `Name:weight`.
 * @throws AdrkitError `usage` for a weight that is not a non-negative number.
 */
export function parseCriterionSpec(spec: string): Criterion {
  const m = /^(.*?)(?::\s*([^:]*))?$/.exec(spec.trim())!;
  const name = m[1].trim();
  const weight = m[2] === undefined ? undefined : Number(m[2]);
  if (weight !== undefined && (!Number.isFinite(weight) || weight < 0)) throw new AdrkitError('usage', `--criterion "${spec}": the weight after ":" must be a number ≥ 0`);
  const known = DEFAULT_CRITERIA.find((c) => c.id === name.toLowerCase());
  const criterion: Criterion = known ? { ...known } : { id: slugify(name), name };
  if (weight !== undefined) criterion.weight = weight;
  return criterion;
}

function answered<T>(value: T | symbol): Exclude<T, symbol> {
  if (isCancel(value)) {
    cancel('No record created.');
    throw new AdrkitError('usage', 'cancelled: no record created');
  }
  return value as Exclude<T, symbol>;
}

/** Minimum number of options of an Algorithm Decision Record. */
export const MIN_OPTIONS = 3;

/**
 * Completes the input of `adrkit new`: flags first; on a terminal (see {@link canPrompt}) asks
 * with @clack/prompts for what is missing (title, template, criteria, ≥3 options with radar
 * blips, deciders). Without prompts it never waits: a missing title is a usage error naming the
 * argument; the rest take defaults (template from config or `algorithm`, default criteria, no
 * options, no deciders).
 *
 * @throws AdrkitError `usage` (exit 2) for a missing title without a terminal, a bad flag, or a cancelled prompt.
 */
/** A radar blip offered for completion when an option is typed without `@blip`. */
export interface BlipChoice {
  /** Reference stored in the record (`blip-id` or `radar-id/blip-id`). */
  ref: string;
  name: string;
  /** Ring name in the newest edition, shown as a hint. */
  ring: string;
}

export async function completeNewInput(
  flags: NewFlags,
  settings: { interactive: boolean; defaultTemplate?: TemplateName; blips?: () => BlipChoice[] },
): Promise<NewAnswers> {
  const criteriaFlags = flags.criterion.map(parseCriterionSpec);
  if (flags.template !== undefined && !(TEMPLATE_NAMES as readonly string[]).includes(flags.template)) {
    throw new AdrkitError('usage', `unknown template "${flags.template}"`, { hint: `use one of ${TEMPLATE_NAMES.join(', ')}` });
  }
  if (!settings.interactive) {
    if (!flags.title) {
      throw new AdrkitError('usage', 'missing title: pass it as the argument (no prompts without a terminal or with CI set)', { hint: 'adrkit new "Choose an embedding model" [--template algorithm] [--option "Name@blip" …] [--criterion quality:3 …] [--decider "Name" …]' });
    }
    return {
      title: flags.title,
      template: (flags.template as TemplateName | undefined) ?? settings.defaultTemplate ?? 'algorithm',
      criteria: criteriaFlags.length ? criteriaFlags : undefined,
      options: flags.option,
      deciders: flags.decider,
    };
  }
  const title = flags.title || answered(await text({ message: 'Title of the decision', placeholder: 'Choose an embedding model', validate: (v) => (v && v.trim() ? undefined : 'a title is required') })).trim();
  const template = (flags.template as TemplateName | undefined) ?? settings.defaultTemplate ?? answered(await select<TemplateName>({
    message: 'Template',
    initialValue: 'algorithm',
    options: [
      { value: 'algorithm', label: 'algorithm', hint: 'Algorithm Decision Record: criteria, ≥3 options with radar blips' },
      { value: 'madr', label: 'madr', hint: 'MADR 4' },
      { value: 'nygard', label: 'nygard', hint: 'Nygard / adr-tools' },
    ],
  }));
  let criteria: Criterion[] | undefined = criteriaFlags.length ? criteriaFlags : undefined;
  if (!criteria && template === 'algorithm') {
    const ids = answered(await multiselect<string>({
      message: 'Decision criteria (space toggles, enter confirms)',
      options: DEFAULT_CRITERIA.map((c) => ({ value: c.id, label: c.name, hint: `weight ${c.weight}` })),
      initialValues: DEFAULT_CRITERIA.map((c) => c.id),
      required: true,
    }));
    criteria = DEFAULT_CRITERIA.filter((c) => ids.includes(c.id));
  }
  const options = [...flags.option];
  if (options.length === 0 && template !== 'nygard') {
    const min = template === 'algorithm' ? MIN_OPTIONS : 0;
    for (;;) {
      const n = options.length + 1;
      const value = answered(await text({
        message: `Option ${n} (Name or Name@radar-blip-id${n > min ? '; empty to finish' : ''})`,
        placeholder: n === 1 ? 'DINOv2@dinov2' : undefined,
        validate: (v) => (!v?.trim() && n <= min ? `at least ${min} options are needed` : undefined),
      }));
      if (!value?.trim()) break;
      const name = value.trim();
      const blips = template === 'algorithm' && name.lastIndexOf('@') <= 0 ? settings.blips?.() ?? [] : [];
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
    }
  }
  let deciders = flags.decider;
  if (deciders.length === 0) {
    const value = answered(await text({ message: 'Deciders (comma-separated, empty for none)', placeholder: 'Ana Lima, Bo Chen' }));
    deciders = (value ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  }
  return { title, template, criteria, options, deciders };
}
