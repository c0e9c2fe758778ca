import { AdrkitError } from '../model/errors.js';
import type { DecisionRecord } from '../model/record.js';
import { closest } from '../util/suggest.js';

/** What lifecycle edits need of a record read from disk. */
export interface EditableRecord {
  record: DecisionRecord;
  /** File content as read. */
  text: string;
  hasFrontmatter: boolean;
  /** Path for messages (relative to the working directory). */
  file: string;
  absPath: string;
}

/**
 * Finds a record of the log by number (`7`, `0007`, `ADR-0007`), slug (`0007-use-x`), file name
 * or path (relative or absolute, compared by base name). Pure.
 * @throws AdrkitError `not-found` (with a did-you-mean hint) or `usage` when a number is ambiguous.
 */
export function resolveRecord<T extends EditableRecord>(records: T[], ref: string): T {
  const wanted = ref.trim();
  const base = wanted.replace(/\\/g, '/').split('/').pop() ?? wanted;
  const stem = base.replace(/\.(md|markdown)$/i, '');
  const numbered = /^(?:adr[-_ ]?)?0*(\d+)$/i.exec(stem);
  let matches: T[];
  if (numbered) matches = records.filter((r) => r.record.number === Number(numbered[1]));
  else matches = records.filter((r) => r.record.slug === stem || r.record.slug.toLowerCase() === stem.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new AdrkitError('usage', `"${ref}" matches ${matches.length} records: ${matches.map((m) => m.file).join(', ')}`, { hint: 'name the record by its file name' });
  }
  const suggestion = closest(stem, records.map((r) => r.record.slug));
  throw new AdrkitError('not-found', `no decision record "${ref}" in the log`, {
    hint: suggestion ? `did you mean ${suggestion}?` : 'run `adrkit list` to see the records',
  });
}

/** How a record refers to another in frontmatter: its number when it has one, else its slug. */
export function referenceTo(record: DecisionRecord): number | string {
  return record.number ?? record.slug;
}

/** Markdown link label and target for a record, adr-tools style: `[12. Use X](0012-use-x.md)`. */
export function linkTo(record: DecisionRecord): { label: string; href: string } {
  return { label: record.number !== undefined ? `${record.number}. ${record.title}` : record.title, href: record.path };
}
