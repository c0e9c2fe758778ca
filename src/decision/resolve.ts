import { AdrkitError } from '../model/errors.js';
import type { DecisionRecord, RecordRef } from '../model/record.js';
import { closest } from '../util/suggest.js';
import { decodeUriSafe } from '../util/uri.js';
import { numberingGroupOf } from './numbering.js';

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
 * What the resolver needs of a record: the record and its file path. All records given to one
 * {@link recordIndex} have paths relative to the same folder (the working directory for lint and
 * edits, the repository root for the site); `/` or `\` separators.
 */
export interface Resolvable {
  record: Pick<DecisionRecord, 'slug' | 'number' | 'title'>;
  file: string;
}

/** Key for comparing titles: lower case, letters and digits only, a leading `ADR-12.` / `12.` dropped. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/^(?:adr[-\s]?)?\d+\s*[-.:)]?\s*/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const slash = (path: string) => path.replace(/\\/g, '/');

/** `a/b/../c/./d` -> `a/c/d` (posix, relative; a leading `..` that cannot go up is kept). */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Record-reference resolution: the one answer to "which record does this reference mean" for
 * lint rules, the site (relations and body links), record edits, `show`, `import`, and the MCP
 * tools. Built once per records array ({@link recordIndex}); every lookup is a map access.
 *
 * **What a reference may be**, tried in this order; the first kind that matches any record gives
 * the candidates:
 * 1. a relative path to the file, as a markdown link or a frontmatter value writes it
 *    (`../payments/0004-use-x.md`, `./0004-use-x.md#why`, percent-escapes decoded), taken from
 *    the referring record's folder, else as written;
 * 2. a file name or slug (`0004-use-x.md`, `0004-use-x`; exact case first, then any case; the
 *    folders of a path are ignored here);
 * 3. a number: a YAML number (`4`) or a string of digits with an optional `ADR` prefix (`"0004"`,
 *    `ADR-0004`, `adr_4`);
 * 4. a title (`DNS Infrastructure`, `ADR-4: DNS infrastructure`), compared in lower case on
 *    letters and digits only, as adr-tools and log4brains logs write "Superseded by <title>";
 * 5. a leading number, then a space or `.` `:` `)` and a space, then text (`4. Use X`, `0004 use X`,
 *    when the text is not the title). A slug-shaped reference no file has (`0004-use-y`, a typo or
 *    a renamed file) does not fall back to its number: it is unresolved.
 *
 * **When several records match** (the same number in two logs or in two categories of one log, a
 * slug or title used twice): the referring record itself is dropped first (a record does not
 * refer to itself when another record fits); if one candidate is left it is the answer; else the
 * candidates in the referring record's numbering group ({@link numberingGroupOf}: its folder,
 * or the folder holding a record kept as `NNNN-x/README.md`) are kept, and if exactly one is left
 * it is the answer. Otherwise the reference is **ambiguous and unresolved**: lint reports it, the
 * site shows no link, `resolveRecord` refuses with the matching files. Without a referring record
 * (a reference typed on the command line) any second match is ambiguous.
 */
export class RecordIndex<T extends Resolvable> {
  private readonly byFile = new Map<string, T[]>();
  private readonly bySlug = new Map<string, T[]>();
  private readonly bySlugLower = new Map<string, T[]>();
  private readonly byNumber = new Map<number, T[]>();
  private readonly byTitle = new Map<string, T[]>();
  private readonly groups = new Map<T, string>();

  constructor(readonly records: readonly T[]) {
    for (const r of records) {
      const file = normalisePath(slash(r.file));
      this.groups.set(r, numberingGroupOf(file));
      push(this.byFile, file, r);
      push(this.bySlug, r.record.slug, r);
      push(this.bySlugLower, r.record.slug.toLowerCase(), r);
      if (r.record.number !== undefined) push(this.byNumber, r.record.number, r);
      const key = titleKey(r.record.title);
      if (key) push(this.byTitle, key, r);
    }
  }

  /** Every record the strongest matching kind of reference names (see the class), before ambiguity is settled. */
  candidates(ref: RecordRef, from?: Resolvable): T[] {
    if (typeof ref === 'number') return this.byNumber.get(ref) ?? [];
    const text = ref.trim();
    if (!text) return [];
    const path = slash(decodeUriSafe(text.replace(/[#?].*$/, '')));
    if (path.includes('/')) {
      const fromDir = from ? slash(from.file).slice(0, slash(from.file).lastIndexOf('/') + 1) : '';
      const hits = (from && this.byFile.get(normalisePath(fromDir + path))) || this.byFile.get(normalisePath(path));
      if (hits) return hits;
    }
    const stem = path.slice(path.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
    const bySlug = this.bySlug.get(stem) ?? this.bySlugLower.get(stem.toLowerCase());
    if (bySlug) return bySlug;
    const numbered = /^(?:adr[-\s_]?)?0*(\d+)$/i.exec(stem);
    if (numbered) return this.byNumber.get(Number(numbered[1])) ?? [];
    const byTitle = this.byTitle.get(titleKey(text));
    if (byTitle) return byTitle;
    const leading = /^(?:adr[-\s_]?)?0*(\d+)(?:\s*[.:)]\s+|\s+)\S/i.exec(text);
    return leading ? (this.byNumber.get(Number(leading[1])) ?? []) : [];
  }

  /**
   * The record `ref` names, seen from record `from` (a record of this index, or any record with a
   * file path relative to the same folder); undefined when nothing matches or the reference is
   * ambiguous (see the class for the rule).
   */
  resolve(ref: RecordRef, from?: Resolvable): T | undefined {
    return this.settle(this.candidates(ref, from), from);
  }

  private settle(candidates: T[], from: Resolvable | undefined): T | undefined {
    if (candidates.length <= 1) return candidates[0];
    if (!from) return undefined;
    const others = candidates.filter((c) => c !== from);
    if (others.length === 1) return others[0];
    const group = numberingGroupOf(normalisePath(slash(from.file)));
    const near = others.filter((c) => this.groups.get(c) === group);
    return near.length === 1 ? near[0] : undefined;
  }
}

const indexes = new WeakMap<readonly Resolvable[], RecordIndex<Resolvable>>();

/**
 * The {@link RecordIndex} of a records array, built on first use and kept while the array lives.
 * The array must not change afterwards (lint runs, site builds and CLI commands read a log once).
 */
export function recordIndex<T extends Resolvable>(records: readonly T[]): RecordIndex<T> {
  let index = indexes.get(records) as RecordIndex<T> | undefined;
  if (!index) {
    index = new RecordIndex(records);
    indexes.set(records, index as unknown as RecordIndex<Resolvable>);
  }
  return index;
}

/**
 * Finds the record a reference typed by a person names (`adrkit show 7`, an MCP tool argument):
 * a number (`7`, `0007`, `ADR-0007`), slug, file name, path (relative to the working directory)
 * or title, as {@link RecordIndex} reads references. Pure.
 * @throws AdrkitError `usage` when the reference matches several records (it lists their files),
 *   `not-found` (with a did-you-mean hint) when it matches none.
 */
export function resolveRecord<T extends Resolvable>(records: readonly T[], ref: string): T {
  const matches = recordIndex(records).candidates(ref);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new AdrkitError('usage', `"${ref}" matches ${matches.length} records: ${matches.map((m) => m.file).join(', ')}`, { hint: 'name the record by its path' });
  }
  const stem = slash(ref.trim()).split('/').pop()!.replace(/\.(md|markdown)$/i, '');
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
