/**
 * What a new decision record is made of, checked before anything is written: template names, the
 * option minimum, criterion specs and decision dates. Pure; shared by `adrkit new` (flags and
 * prompts), `adrkit init` and the MCP `new_record` tool.
 */
import { AdrkitError } from '../model/errors.js';
import type { Criterion } from '../model/record.js';
import { slugify } from '../parse/filename.js';
import { isRealIsoDate } from '../util/dates.js';
import { closest } from '../util/suggest.js';
import { DEFAULT_CRITERIA } from './render.js';

/** Record templates shipped with adrkit (`templates/records/<name>.md.hbs`). */
export const TEMPLATES = ['algorithm', 'madr', 'nygard'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** Minimum number of options of an Algorithm Decision Record (default of the `min-options` rule). */
export const MIN_OPTIONS = 3;

/** The default criterion ids, for help texts: `quality, implementation, …`. */
export const DEFAULT_CRITERION_IDS = DEFAULT_CRITERIA.map((c) => c.id).join(', ');

/**
 * Parses `--criterion`: a default criterion id (`quality`, `hardware`, …, see DEFAULT_CRITERIA),
 * optionally with a weight (`quality:3`), or a new criterion `Name` / `Name:weight`.
 * @throws AdrkitError `usage` for a weight that is not a number ≥ 0, or a lower-case id close to a default id (a typo).
 */
export function parseCriterionSpec(spec: string): Criterion {
  const problem = checkCriterionSpec(spec);
  if (problem) throw new AdrkitError('usage', `--criterion "${spec}": ${problem}`, { hint: `default criterion ids: ${DEFAULT_CRITERION_IDS}; a new criterion is a Name, e.g. "Latency:2"` });
  const m = /^(.*?)(?::\s*([^:]*))?$/.exec(spec.trim())!;
  const name = m[1].trim();
  const known = DEFAULT_CRITERIA.find((c) => c.id === name.toLowerCase());
  const criterion: Criterion = known ? { ...known } : { id: slugify(name), name };
  if (m[2] !== undefined) criterion.weight = Number(m[2]);
  return criterion;
}

/** What is wrong with a criterion spec (`id[:weight]` or `Name[:weight]`), or undefined. */
export function checkCriterionSpec(spec: string): string | undefined {
  const m = /^(.*?)(?::\s*([^:]*))?$/.exec(spec.trim())!;
  const name = m[1].trim();
  if (!name) return 'a criterion needs an id or a name';
  if (m[2] !== undefined) {
    const weight = Number(m[2]);
    if (m[2].trim() === '' || !Number.isFinite(weight) || weight < 0) return 'the weight after ":" must be a number ≥ 0';
  }
  const ids = DEFAULT_CRITERIA.map((c) => c.id);
  if (/^[a-z][a-z-]*$/.test(name) && !ids.includes(name)) {
    const near = closest(name, ids);
    if (near) return `unknown criterion id "${name}" (did you mean "${near}"?)`;
  }
  return undefined;
}

/** What is wrong with a decision date, or undefined. */
export function checkDecisionDate(day: string, today: string): string | undefined {
  if (!isRealIsoDate(day)) return `"${day}" is not a real date YYYY-MM-DD`;
  if (day > today) return `${day} is in the future (today is ${today})`;
  return undefined;
}
