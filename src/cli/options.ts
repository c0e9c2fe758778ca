import { AdrkitError } from '../model/errors.js';

/**
 * Checks a `--format` value against the formats a command writes, before any work is done.
 *
 * @throws AdrkitError `usage` (exit 2) naming the value and the formats to use instead.
 */
export function checkFormat(format: string, allowed: readonly string[]): void {
  if (allowed.includes(format)) return;
  const choices = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(', ')}`;
  throw new AdrkitError('usage', `unknown --format "${format}"`, { hint: `use ${choices}` });
}
