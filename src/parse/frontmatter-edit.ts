import { isMap, isNode, isSeq, parseDocument, type Document, type ToStringOptions } from 'yaml';
import { diffArrays } from 'diff';
import { AdrkitError } from '../model/errors.js';
import { splitFrontmatter } from './frontmatter.js';
import { lineStartAt } from '../util/text-position.js';

/** The line ending a text mostly uses. */
function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Options of {@link editFrontmatter}. */
export interface EditFrontmatterOptions {
  /**
   * A file without a (closed) frontmatter block gets a new one at the top (`adrkit supersede`,
   * `link`, `status`, `import`). Default false: such a file is refused (lint fixes, which must not
   * turn a Nygard record into a native one).
   */
  create?: boolean;
}

/**
 * Edits the YAML frontmatter of a record with the `yaml` Document API — the one implementation
 * behind `adrkit lint --fix` and the record edits. What the edit did not change is kept byte for
 * byte: the markdown body, the fences, every top-level entry whose value is unchanged (its flow
 * maps, spacing, quoting, comments), and, inside an entry it changed, the lines it did not touch
 * (when the original and its re-print line up, matched by jsdiff's line diff). Keeps the file's
 * line endings (LF or CRLF, the opening fence's) and BOM. Returns `text` itself when the edit
 * changes nothing. The block is found by {@link splitFrontmatter}, the parser's split. Pure.
 *
 * @param text - whole file.
 * @param edit - mutates the document (`doc.set`, {@link appendToSeq}, …); may throw to refuse.
 * @throws AdrkitError `parse` when the file has no frontmatter (unless `options.create`), or the
 *   frontmatter is not valid YAML or not a mapping; nothing is changed.
 */
export function editFrontmatter(text: string, edit: (doc: Document) => void, options: EditFrontmatterOptions = {}): string {
  const split = splitFrontmatter(text);
  if (!split && !options.create) throw new AdrkitError('parse', 'the file has no frontmatter block; nothing was changed', { hint: 'add a `---` block at the top of the file' });
  const eol = split?.eol ?? eolOf(text);
  const yamlText = split ? split.yaml.replace(/\r\n/g, '\n') : '';
  const doc = parseDocument(yamlText, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    throw new AdrkitError('parse', `frontmatter is not valid YAML (${doc.errors[0].message.split('\n')[0]}); nothing was changed`, { hint: 'fix it (adrkit lint shows where) and run the command again' });
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new AdrkitError('parse', 'frontmatter is not a YAML mapping; nothing was changed');
  // Keep the author's sequence indentation (`key:\n- a` vs `key:\n  - a`) in the entries re-printed.
  const print: ToStringOptions = { lineWidth: 0, indentSeq: !/^[^\s#][^\n]*:[ \t]*\n-[ \t]/m.test(yamlText), flowCollectionPadding: false };
  const before = topLevelValues(doc);
  const printedBefore = doc.toString(print);
  edit(doc);
  let out = doc.toString(print);
  if (split && out === printedBefore) return text;
  if (doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0)) out = '';
  else if (split) out = keepUntouched(yamlText, before, printedBefore, out);
  if (eol !== '\n') out = out.replace(/\n/g, eol);
  if (split) return `${split.open}${out}${split.close}${split.rest}`;
  return `---${eol}${out}---${eol}${text.startsWith('\uFEFF') ? text.slice(1) : text}`;
}

/** JSON of each top-level value, keyed by the key's JSON (to tell which entries an edit changed). */
function topLevelValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  if (!isMap(doc.contents)) return values;
  for (const pair of doc.contents.items) values.set(JSON.stringify(toJs(pair.key)), JSON.stringify(toJs(pair.value)) ?? 'undefined');
  return values;
}

function toJs(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

/** Source text of each top-level entry: from its key to the next key (comments and blank lines after an entry stay with it). */
function entrySlices(yamlText: string): { head: string; slices: Map<string, string> } | undefined {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const starts: { key: string; start: number }[] = [];
  for (const pair of doc.contents.items) {
    const range = isNode(pair.key) ? pair.key.range : undefined;
    if (!range) return undefined;
    starts.push({ key: JSON.stringify(toJs(pair.key)), start: lineStartAt(yamlText, range[0]) });
  }
  if (starts.length === 0) return undefined;
  const slices = new Map<string, string>();
  starts.forEach((entry, i) => slices.set(entry.key, yamlText.slice(entry.start, i + 1 < starts.length ? starts[i + 1].start : yamlText.length)));
  return { head: yamlText.slice(0, starts[0].start), slices };
}

/**
 * Re-assembles the edited YAML in the edited document's key order: the original text of entries
 * whose value did not change, and for the others the re-printed text with the original lines the
 * edit left alone. Falls back to the re-printed text when either side cannot be cut into entries.
 */
function keepUntouched(original: string, before: Map<string, string>, printedBefore: string, printed: string): string {
  const old = entrySlices(original);
  const oldPrinted = entrySlices(printedBefore);
  const now = entrySlices(printed);
  if (!old || !oldPrinted || !now) return printed;
  const after = topLevelValues(parseDocument(printed));
  let out = old.head;
  for (const [key, slice] of now.slices) {
    const kept = old.slices.get(key);
    const keptPrinted = oldPrinted.slices.get(key);
    let piece = slice;
    if (kept !== undefined && before.get(key) === after.get(key)) piece = kept;
    else if (kept !== undefined && keptPrinted !== undefined) piece = keepUntouchedLines(kept, keptPrinted, slice);
    if (!piece.endsWith('\n')) piece += '\n';
    out += piece;
  }
  return out;
}

/**
 * The `yaml` printer normalises the spacing of lines it did not change (`{ a: 1 }` becomes
 * `{a: 1}`). When the original entry and its re-print have as many lines, lines the edit left
 * alone are taken from the original (matched by jsdiff's line diff of the two re-prints).
 */
function keepUntouchedLines(original: string, before: string, after: string): string {
  const orig = original.split('\n');
  const a = before.split('\n');
  if (orig.length !== a.length) return after;
  const out: string[] = [];
  let i = 0;
  for (const change of diffArrays(a, after.split('\n'))) {
    if (change.added) out.push(...change.value);
    else if (change.removed) i += change.value.length;
    else {
      out.push(...orig.slice(i, i + change.value.length));
      i += change.value.length;
    }
  }
  return out.join('\n');
}

/** Appends an item to the sequence at `key`, creating it (block style) when absent; a scalar becomes a one-item list first. */
export function appendToSeq(doc: Document, key: string, item: unknown): void {
  const node = doc.get(key, true);
  if (isSeq(node)) {
    node.add(doc.createNode(item));
    return;
  }
  if (node === undefined || node === null) {
    doc.set(key, doc.createNode([item]));
    return;
  }
  const existing = doc.get(key);
  doc.set(key, doc.createNode([existing, item]));
}

/**
 * Adds a record reference to a relation key (`supersedes`, `superseded-by`, `relates-to`,
 * `amends`): a single reference stays a scalar, more become a list; an existing equal reference
 * is not duplicated.
 */
export function addReference(doc: Document, key: string, ref: number | string): void {
  const current = doc.get(key);
  const list: unknown[] = current === undefined || current === null ? [] : isSeq(current) ? current.toJSON() : [doc.toJS()[key]];
  if (list.some((v) => String(v) === String(ref))) return;
  if (list.length === 0) doc.set(key, ref);
  else appendToSeq(doc, key, ref);
}
