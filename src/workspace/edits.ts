import { parseRecord } from '../parse/record.js';
import { relative } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import { STATUSES, type Status } from '../model/status.js';
import { unifiedDiff } from '../util/diff.js';
import { link, LINK_RELATIONS, supersede, type LinkRelation } from '../edit/relations.js';
import { resolveRecord } from '../decision/resolve.js';
import { applyStatus } from '../edit/status.js';
import type { LoadedRecord } from './read-log.js';
import { toPosix } from './read-log.js';
import { commitWrites, type PlannedWrite } from './transaction.js';

/**
 * A change to the decision log, planned but not written: the files it writes (checked against
 * their content when read, see `commitWrites`) and a one-line summary. `adrkit status`,
 * `supersede`, `link` and the MCP write tools plan with these functions, then {@link applyEdit}.
 */
export interface PlannedEdit {
  writes: PlannedWrite[];
  /** What the edit does, e.g. `adr/0003-x.md: proposed -> accepted`; when nothing changes, says so. */
  summary: string;
}

/** Checks a status argument. @throws AdrkitError `usage` naming the statuses. */
export function checkStatus(value: string): Status {
  const status = value.trim().toLowerCase() as Status;
  if (!STATUSES.includes(status)) throw new AdrkitError('usage', `unknown status "${value}"`, { hint: `use one of ${STATUSES.join(', ')}` });
  return status;
}

/**
 * Sets the status of record `ref` (see `applyStatus`).
 * @throws AdrkitError `usage` for an unknown status, `not-found` for an unknown record.
 */
export function planStatus(records: LoadedRecord[], ref: string, statusArg: string, date: string): PlannedEdit {
  const status = checkStatus(statusArg);
  const target = resolveRecord(records, ref);
  const text = applyStatus(target, { status, date });
  if (text === target.text) return { writes: [], summary: `${target.file}: already ${status}` };
  const after = parseRecord(target.record.path, text).record.date;
  return {
    writes: [{ path: target.absPath, expected: target.text, content: text }],
    summary: [
      `${target.file}: ${target.record.status ?? target.record.statusText ?? '(none)'} -> ${status}`,
      ...(after !== target.record.date ? [`${target.file}: date ${target.record.date ?? '(none)'} -> ${after ?? '(none)'} (the day the decision was made)`] : []),
    ].join('\n'),
  };
}

/** Supersedes record `oldRef` by `byRef`, both files (see `supersede`). */
export function planSupersede(records: LoadedRecord[], oldRef: string, byRef: string, date: string): PlannedEdit {
  const old = resolveRecord(records, oldRef);
  const by = resolveRecord(records, byRef);
  const edit = supersede(old, by, date);
  return {
    writes: [
      { path: by.absPath, expected: by.text, content: edit.from },
      { path: old.absPath, expected: old.text, content: edit.to },
    ],
    summary: `${old.file}: superseded by ${by.file}`,
  };
}

/** Checks a relation argument of `link`. @throws AdrkitError `usage` naming the relations. */
export function checkRelation(value: string): LinkRelation {
  if (!(value in LINK_RELATIONS)) throw new AdrkitError('usage', `unknown relation "${value}"`, { hint: `use one of ${Object.keys(LINK_RELATIONS).join(', ')} (for supersedes, use \`adrkit supersede\`)` });
  return value as LinkRelation;
}

/** Links record `aRef` to `bRef` (see `link`). */
export function planLink(records: LoadedRecord[], aRef: string, bRef: string, relationArg: string): PlannedEdit {
  const relation = checkRelation(relationArg);
  const a = resolveRecord(records, aRef);
  const b = resolveRecord(records, bRef);
  const edit = link(a, b, relation);
  const writes = [
    { path: a.absPath, expected: a.text, content: edit.from },
    { path: b.absPath, expected: b.text, content: edit.to },
  ].filter((w) => w.content !== w.expected);
  return { writes, summary: writes.length ? `${a.file} ${relation} ${b.file}` : `${a.file} already ${relation} ${b.file}` };
}

/** Writes a planned edit all-or-nothing (see `commitWrites`). @returns the paths written. */
export function applyEdit(edit: PlannedEdit): string[] {
  return commitWrites(edit.writes);
}

/**
 * The unified diff of a planned edit, one file after the other, with `a/` `b/` paths relative
 * to `cwd` (`/dev/null` for a file to create), as `git diff` shows it.
 */
export function editDiff(edit: PlannedEdit, cwd: string): string {
  return edit.writes
    .map((w) => {
      const file = toPosix(relative(cwd, w.path));
      return unifiedDiff(w.expected ?? '', w.content, w.expected === undefined ? '/dev/null' : `a/${file}`, `b/${file}`);
    })
    .join('');
}
