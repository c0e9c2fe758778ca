import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import type { Criterion } from '../model/record.js';
import { STATUSES, type Status } from '../model/status.js';
import { formatNumber, slugify } from '../parse/filename.js';
import { loadRadars } from '../radar/load.js';
import { optionsWithRings } from '../scaffold/options.js';
import { createPrefixedRecordFile, createRecordFile } from './create-record.js';
import { datePrefix, detectDigits, nextNumber, shortId } from '../decision/numbering.js';
import { renderRecord } from '../scaffold/render.js';
import { listLogNamesOnBranches } from '../history/refs.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import type { Project } from './project.js';

import { TEMPLATES, type TemplateName } from '../scaffold/new-input.js';

export { TEMPLATES, type TemplateName };

/** Reads a record template shipped with adrkit (`templates/records/<name>.md.hbs`). */
export function readRecordTemplate(name: TemplateName): string {
  return readFileSync(join(PACKAGE_ROOT, 'templates', 'records', `${name}.md.hbs`), 'utf8');
}

/** What a new record is made of (`adrkit new` after its prompts, the MCP `new_record` tool). */
export interface NewRecordRequest {
  title: string;
  template: string;
  status: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Option specs: `Name` or `Name@blip-id` (blips are checked against the project's radars). */
  options: string[];
  /** Undefined: the template's default criteria. */
  criteria?: Criterion[];
  tags: string[];
  deciders: string[];
}

/** A new record, rendered but not written: where it would go and what it would contain. */
export interface NewRecordPlan {
  /** Absolute path the record gets if nothing else is created first. */
  path: string;
  /** Its number (undefined with `numbering: date | short-id`). */
  number: number | undefined;
  content: string;
  /** Creates the file (never overwrites; takes the next free number or name when the planned one was taken meanwhile). */
  create(): { path: string; content: string };
}

/**
 * Plans a new record in the project's first log folder: checks the request, resolves option
 * blips (ring at decision time), picks the number free in the folder and on every branch
 * (`listLogNamesOnBranches`), renders the template.
 *
 * @param options.log - receives one-line notes (the branches checked).
 * @param options.random - draws `short-id` prefixes.
 * @throws AdrkitError `usage` for an unknown template or status, a bad date or an unknown blip.
 */
export async function planNewRecord(project: Project, request: NewRecordRequest, options: { log?: (text: string) => void; random?: () => number } = {}): Promise<NewRecordPlan> {
  const { title, date } = request;
  if (!title.trim()) throw new AdrkitError('usage', 'missing title', { hint: 'give the decision a title, e.g. "Choose an embedding model"' });
  if (!(TEMPLATES as readonly string[]).includes(request.template)) throw new AdrkitError('usage', `unknown template "${request.template}"`, { hint: `use one of ${TEMPLATES.join(', ')}` });
  if (!(STATUSES as readonly string[]).includes(request.status)) throw new AdrkitError('usage', `unknown status "${request.status}"`, { hint: `use one of ${STATUSES.join(', ')}` });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AdrkitError('usage', `--date must be YYYY-MM-DD, got "${date}"`);
  const template = request.template as TemplateName;
  const config = project.config.config;
  const recordOptions = request.options.some((o) => o.lastIndexOf('@') > 0) ? optionsWithRings(loadRadars(project.cwd, config.radars), request.options) : request.options;
  const source = readRecordTemplate(template);
  const dir = project.dirs[0];
  const render = (number: number | undefined) =>
    renderRecord(source, {
      title,
      number,
      date,
      status: request.status as Status,
      template,
      deciders: request.deciders,
      criteria: request.criteria,
      tags: request.tags,
      options: recordOptions,
      supersedes: [],
    });
  const numbering = config.numbering ?? 'sequential';
  const slug = slugify(title);
  if (numbering === 'sequential') {
    const onBranches = await numberFreeOnBranches(dir);
    const minNumber = onBranches?.min;
    const names = readdirSync(dir);
    const number = Math.max(nextNumber(names), minNumber ?? 0);
    // The number reported is the one written (the folder may hold a higher one than the branches).
    if (onBranches) options.log?.(`adrkit: numbers checked on ${onBranches.refs.length} branch${onBranches.refs.length === 1 ? '' : 'es'}: ${onBranches.refs.join(', ')} and the folder (next free: ${number})\n`);
    const content = render(number);
    return {
      path: join(dir, `${formatNumber(number, config.digits ?? detectDigits(names))}-${slug}.md`),
      number,
      content,
      create: () => {
        const created = createRecordFile(dir, title, render, { digits: config.digits, minNumber });
        return { path: created.path, content: created.number === number ? content : render(created.number) };
      },
    };
  }
  const random = options.random ?? Math.random;
  const first = numbering === 'date' ? datePrefix(date) : shortId(random);
  let drawn = 0;
  const prefix = () => (drawn++ === 0 || numbering === 'date' ? first : shortId(random));
  const content = render(undefined);
  return {
    path: join(dir, `${first}-${slug}.md`),
    number: undefined,
    content,
    create: () => ({ path: createPrefixedRecordFile(dir, title, prefix, () => content).path, content }),
  };
}

/**
 * The lowest number free on every local and remote-tracking branch (see `listLogNamesOnBranches`:
 * three git processes whatever the number of branches), and the branches read. Outside git, or
 * when git fails: undefined (the folder alone decides).
 */
async function numberFreeOnBranches(dir: string): Promise<{ min: number; refs: string[] } | undefined> {
  let onRefs;
  try {
    onRefs = await listLogNamesOnBranches(dir);
  } catch {
    return undefined;
  }
  if (onRefs.length === 0) return undefined;
  return { min: Math.max(...onRefs.map((r) => nextNumber(r.names))), refs: onRefs.map((r) => r.ref.short) };
}
