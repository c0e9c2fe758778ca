import picomatch from 'picomatch';
import { AdrkitError } from './errors.js';
import type { DecisionRecord } from './record.js';

/**
 * The `applies-to` globs of a record (front matter `applies-to: glob` or `applies-to: [globs]`),
 * else the log's default (`appliesTo` in the configuration), else none. Globs use picomatch syntax
 * and are relative to the project root. Values that are not strings are ignored (the
 * `frontmatter-schema` rule reports them).
 *
 * @returns the globs, in the order written; empty when the record governs no code path.
 */
export function appliesTo(record: Pick<DecisionRecord, 'frontmatter'>, logDefault: readonly string[] = []): string[] {
  const value = record.frontmatter['applies-to'];
  const own = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  return own.length > 0 ? own : [...logDefault];
}

/** Default `applies-to` globs of a log folder from the configuration's `appliesTo` map (keys compared without `./` and trailing `/`). */
export function logAppliesTo(map: Record<string, string[]> | undefined, logDir: string): string[] {
  if (!map) return [];
  const norm = (d: string) => d.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  for (const [key, globs] of Object.entries(map)) if (norm(key) === norm(logDir)) return globs;
  return [];
}

/**
 * A matcher for one `applies-to` glob (picomatch syntax, `dot: true` so `src/**` covers
 * `src/.env`; a leading `./` is dropped); a glob picomatch cannot compile matches nothing.
 *
 * @returns a test of a path relative to the project root, `/` separators.
 */
export function globMatcher(glob: string): (file: string) => boolean {
  try {
    return picomatch(glob.replace(/^\.\//, ''), { dot: true });
  } catch {
    return () => false;
  }
}

/**
 * Checks a path or glob given to ask which decisions govern it: relative, inside the repository,
 * balanced brackets and braces (picomatch `strictBrackets`).
 *
 * @throws AdrkitError `usage` naming the pattern, what is wrong and how to write it.
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
