import { isMap, isScalar, type Pair } from 'yaml';
import type { DecisionRecord, Option, RecordRef } from '../model/record.js';
import { slugify } from '../parse/filename.js';
import { editFrontmatter } from '../parse/frontmatter-edit.js';
import { recordIndex, referenceTo, type EditableRecord } from '../decision/resolve.js';

/** adrkit frontmatter keys written by import, in the order they are written. */
export const IMPORTED_KEYS = ['title', 'status', 'date', 'deciders', 'tags', 'supersedes', 'superseded-by', 'options', 'chosen'] as const;

/**
 * Resolves a reference found in a record (`0015-dns-infrastructure.md`, `./0015-x.md`, `ADR-0057`
 * already read as 57, a slug, or a title as in "Superseded by DNS Infrastructure") to the
 * number — or slug, for unnumbered records — of a record of the log, with the one resolver of
 * `decision/resolve.ts` (seen from record `from`, for its rule on ambiguous references).
 * Unresolvable and ambiguous references are kept as written (minus `./` and `.md`).
 */
export function normaliseReference(ref: RecordRef, log: DecisionRecord[], from?: DecisionRecord): RecordRef {
  if (typeof ref === 'number') return ref;
  const clean = ref.trim().replace(/^\.\//, '').replace(/[#?].*$/, '');
  const stem = (clean.split('/').pop() ?? clean).replace(/\.(md|markdown)$/i, '');
  const entries = logEntries(log);
  const found = recordIndex(entries.list).resolve(ref, from && entries.of.get(from));
  return found ? referenceTo(found.record) : stem;
}

/** A record of the log with its path in the log folder, as the resolver reads records. */
interface Entry {
  record: DecisionRecord;
  file: string;
}

const entryCache = new WeakMap<DecisionRecord[], { list: Entry[]; of: Map<DecisionRecord, Entry> }>();

/** The records of a log as the resolver reads them (file = the path in the log folder), made once per log. */
function logEntries(log: DecisionRecord[]): { list: Entry[]; of: Map<DecisionRecord, Entry> } {
  let entries = entryCache.get(log);
  if (!entries) {
    const list = log.map((record) => ({ record, file: record.path }));
    entries = { list, of: new Map(list.map((e) => [e.record, e])) };
    entryCache.set(log, entries);
  }
  return entries;
}

/** Markdown inline text as plain text: `[x](y)` -> x, emphasis and code marks dropped. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/**
 * The options and chosen option of a MADR record (MADR 2–4): the top-level bullets of
 * "Considered Options", and `Chosen option: "X"` of "Decision Outcome" when X is one of them
 * (matched by name or id, case-insensitive). Pure.
 */
export function madrOptions(record: DecisionRecord): { options: Option[]; chosen: string | undefined } {
  const considered = record.sections.find((s) => /^considered options$/i.test(s.heading.trim()));
  if (!considered) return { options: [], chosen: undefined };
  const options: Option[] = [];
  const ids = new Set<string>();
  for (const line of considered.text.split(/\r?\n/)) {
    const m = /^[-*+]\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const name = plain(m[1]);
    if (!name || /^\{.*\}$/.test(name)) continue; // template placeholders: `{title of option 1}`
    let id = slugify(name) || `option-${options.length + 1}`;
    for (let n = 2; ids.has(id); n++) id = `${slugify(name)}-${n}`;
    ids.add(id);
    options.push({ id, name });
  }
  const outcome = record.sections.find((s) => /^decision outcome$/i.test(s.heading.trim()));
  const said = outcome ? /chosen option:?\s*(?:"([^"]+)"|\u201c([^\u201d]+)\u201d|([^,.\n]+))/i.exec(plain(outcome.text)) : null;
  const wanted = said ? plain(said[1] ?? said[2] ?? said[3] ?? '').toLowerCase() : undefined;
  const chosen = wanted ? options.find((o) => o.name?.toLowerCase() === wanted || o.id === slugify(wanted))?.id : undefined;
  return { options, chosen };
}

function oneOrMany(list: RecordRef[]): RecordRef | RecordRef[] {
  return list.length === 1 ? list[0] : list;
}

/**
 * Converts a record of another format (MADR 2–4, Nygard / adr-tools, log4brains) to adrkit
 * frontmatter: `title`, `status` (normalised, only when it names a known status), `date` (only
 * when ISO `YYYY-MM-DD`), `deciders` (MADR 4 `decision-makers` is moved here), `tags`,
 * `supersedes` / `superseded-by` (as record numbers, or slugs for unnumbered records), and for
 * MADR the considered options and the chosen option as `options` / `chosen` ({@link madrOptions}).
 *
 * No content is lost: the markdown body is kept byte for byte (status lines, `Date:` lines and
 * bullets stay, so the file still reads right in its old tooling; `adrkit status` keeps both in
 * step), existing frontmatter keys and comments are kept, and a key already set is not
 * overwritten. Added keys come first, in {@link IMPORTED_KEYS} order, except `options` and `chosen`, which go last; existing keys keep their order. Pure and idempotent.
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
  if (!('supersedes' in fm) && r.supersedes.length) values.supersedes = oneOrMany(r.supersedes.map((x) => normaliseReference(x, log, r)));
  if (!('superseded-by' in fm) && r.supersededBy.length) values['superseded-by'] = oneOrMany(r.supersededBy.map((x) => normaliseReference(x, log, r)));
  if (r.format === 'madr' && !('options' in fm)) {
    const madr = madrOptions(r);
    if (madr.options.length > 0) {
      values.options = madr.options;
      if (madr.chosen && !('chosen' in fm)) values.chosen = madr.chosen;
    }
  }
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
    // Options and the chosen option go last (after the author's keys), as in the algorithm template.
    const last = fresh.filter((pair) => keyOf(pair) === 'options' || keyOf(pair) === 'chosen');
    const first = fresh.filter((pair) => !last.includes(pair));
    doc.contents.items = [...first, ...items.filter((pair) => !fresh.includes(pair)), ...last];
  }, { create: true });
}
