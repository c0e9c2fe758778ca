import { isMap, isScalar, type Pair } from 'yaml';
import type { DecisionRecord, RecordRef } from '../model/record.js';
import { editFrontmatter } from './frontmatter-edit.js';
import { referenceTo, type EditableRecord } from '../decision/resolve.js';

/** adrkit frontmatter keys written by import, in the order they are written. */
export const IMPORTED_KEYS = ['title', 'status', 'date', 'deciders', 'tags', 'supersedes', 'superseded-by'] as const;

/**
 * Resolves a reference found in a record (`0015-dns-infrastructure.md`, `./0015-x.md`, `ADR-0057`
 * already read as 57, a slug, or a title as in "Superseded by DNS Infrastructure") to the
 * number — or slug, for unnumbered records — of a record of the log. Unresolvable references are
 * kept as written (minus `./` and `.md`).
 */
export function normaliseReference(ref: RecordRef, log: DecisionRecord[]): RecordRef {
  if (typeof ref === 'number') return ref;
  const clean = ref.trim().replace(/^\.\//, '').replace(/[#?].*$/, '');
  const stem = (clean.split('/').pop() ?? clean).replace(/\.(md|markdown)$/i, '');
  const found =
    log.find((r) => r.slug === stem) ??
    log.find((r) => r.slug.toLowerCase() === stem.toLowerCase()) ??
    log.find((r) => r.title.toLowerCase() === clean.toLowerCase());
  return found ? referenceTo(found) : stem;
}

function oneOrMany(list: RecordRef[]): RecordRef | RecordRef[] {
  return list.length === 1 ? list[0] : list;
}

/**
 * Converts a record of another format (MADR 2–4, Nygard / adr-tools, log4brains) to adrkit
 * frontmatter: `title`, `status` (normalised, only when it names a known status), `date` (only
 * when ISO `YYYY-MM-DD`), `deciders` (MADR 4 `decision-makers` is moved here), `tags`,
 * `supersedes` / `superseded-by` (as record numbers, or slugs for unnumbered records).
 *
 * No content is lost: the markdown body is kept byte for byte (status lines, `Date:` lines and
 * bullets stay, so the file still reads right in its old tooling; `adrkit status` keeps both in
 * step), existing frontmatter keys and comments are kept, and a key already set is not
 * overwritten. Added keys come first, in {@link IMPORTED_KEYS} order; existing keys keep their order. Pure and idempotent.
 *
 * @param log - every record of the log, to resolve references.
 * @returns the new text (equal to the input when there is nothing to convert).
 */
export function convertRecord(target: EditableRecord, log: DecisionRecord[]): string {
  const r = target.record;
  const fm = r.frontmatter;
  const values: Record<string, unknown> = {};
  if (typeof fm.title !== 'string' && r.title) values.title = r.title;
  if (!('status' in fm) && r.status) values.status = r.status;
  if (!('date' in fm) && r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date)) values.date = r.date;
  if (!('deciders' in fm) && r.deciders.length) values.deciders = r.deciders;
  if (!('tags' in fm) && r.tags.length) values.tags = r.tags;
  if (!('supersedes' in fm) && r.supersedes.length) values.supersedes = oneOrMany(r.supersedes.map((x) => normaliseReference(x, log)));
  if (!('superseded-by' in fm) && r.supersededBy.length) values['superseded-by'] = oneOrMany(r.supersededBy.map((x) => normaliseReference(x, log)));
  const moveDecisionMakers = 'decision-makers' in fm && !('deciders' in fm) && values.deciders !== undefined;
  if (Object.keys(values).length === 0) return target.text;
  return editFrontmatter(target.text, (doc) => {
    for (const [key, value] of Object.entries(values)) doc.set(key, doc.createNode(value));
    if (moveDecisionMakers) doc.delete('decision-makers');
    if (!isMap(doc.contents)) return;
    const added = new Set(Object.keys(values));
    const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
    const items = doc.contents.items as Pair[];
    const fresh = IMPORTED_KEYS.flatMap((key) => items.filter((pair) => keyOf(pair) === key && added.has(key)));
    doc.contents.items = [...fresh, ...items.filter((pair) => !fresh.includes(pair))];
  });
}
