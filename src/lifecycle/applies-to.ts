import picomatch from 'picomatch';
import { AdrkitError } from '../model/errors.js';
import type { DecisionRecord } from '../model/record.js';

/**
 * Minimal `applies-to` support for the MCP `governing_decisions` tool: the frontmatter key
 * `applies-to` (a glob or a list of globs, relative to the repository root, picomatch syntax)
 * names the paths a decision governs. Kept behind {@link governingRecords} and
 * {@link checkGlob} so the full `applies-to` implementation (schema key, lint rule, review)
 * can replace it in one place.
 */

/** A record that governs some of the given paths. */
export interface GoverningMatch<T> {
  entry: T;
  /** The record's `applies-to` globs. */
  globs: string[];
  /** The given paths it governs. */
  paths: string[];
}

/**
 * Checks a glob / path pattern: relative, inside the repository, balanced brackets and braces.
 *
 * @throws AdrkitError `usage` naming the pattern and what is wrong.
 */
export function checkGlob(pattern: string): void {
  const bad = (why: string, hint: string) => new AdrkitError('usage', `bad glob "${pattern}": ${why}`, { hint });
  if (pattern.trim() === '') throw bad('empty pattern', 'give a path or glob relative to the repository root, e.g. src/models/**');
  if (pattern.startsWith('/') || /^[a-z]:[\\/]/i.test(pattern)) throw bad('absolute path', 'write it relative to the repository root, e.g. src/models/**');
  if (pattern.split('/').includes('..')) throw bad('it leaves the repository (`..`)', 'write it relative to the repository root');
  try {
    picomatch.makeRe(pattern, { strictBrackets: true });
  } catch (error) {
    throw bad((error as Error).message.replace(/\.$/, ''), 'close every [, { and ( or escape it with \\');
  }
}

/** The `applies-to` globs of a record (string or list of strings; other values are ignored). */
export function appliesTo(record: DecisionRecord): string[] {
  const value = record.frontmatter['applies-to'];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
}

/**
 * The records whose `applies-to` globs match any of `paths` (repository-relative, `/`
 * separators), in log order. A record whose own glob is malformed is skipped for that glob.
 * Pure.
 *
 * @throws AdrkitError `usage` for a malformed path (see {@link checkGlob}).
 */
export function governingRecords<T extends { record: DecisionRecord }>(records: readonly T[], paths: readonly string[]): Array<GoverningMatch<T>> {
  for (const path of paths) checkGlob(path);
  const wanted = paths.map((p) => p.replace(/^\.\//, ''));
  const out: Array<GoverningMatch<T>> = [];
  for (const entry of records) {
    const globs = appliesTo(entry.record);
    const matchers = globs.flatMap((glob) => {
      try {
        checkGlob(glob);
        return [picomatch(glob.replace(/^\.\//, ''), { dot: true })];
      } catch {
        return [];
      }
    });
    const hit = wanted.filter((path) => matchers.some((m) => m(path)));
    if (hit.length) out.push({ entry, globs, paths: hit });
  }
  return out;
}
