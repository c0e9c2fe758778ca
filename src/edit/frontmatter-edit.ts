import { isMap, isNode, isSeq, parseDocument, type Document } from 'yaml';
import { AdrkitError } from '../model/errors.js';

/** A file split around its frontmatter block, so the block can be edited and everything else kept byte for byte. */
export interface FrontmatterSplit {
  /** Optional BOM and the opening `---` line (with its line ending). */
  open: string;
  /** YAML text between the fences (ends with a line ending unless empty). */
  yaml: string;
  /** Closing `---` / `...` line with its line ending. */
  close: string;
  /** Everything after the closing fence. */
  rest: string;
  /** Line ending used by the file (`\n` or `\r\n`). */
  eol: string;
}

const OPEN = /^(\uFEFF?)---[ \t]*(\r?\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits a record file around its frontmatter, with the same fences the parser accepts
 * (Jekyll-style `---`, closed by `---` or `...`). Pure.
 * @returns undefined when the file has no (closed) frontmatter block.
 */
export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const after = text.slice(open[0].length);
  const close = CLOSE.exec(after);
  if (!close) return undefined;
  return { open: open[0], yaml: after.slice(0, close.index), close: close[0], rest: after.slice(close.index + close[0].length), eol: open[2] };
}

/** The line ending a text mostly uses. */
export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/**
 * Edits the YAML frontmatter of a record with the `yaml` Document API and writes back only the
 * top-level entries the edit changed: every other entry (its flow maps, spacing, quoting,
 * comments) is kept byte for byte from the original text, as is the markdown body. A file
 * without frontmatter gets a new block at the top. Pure.
 *
 * @param text - whole file.
 * @param edit - mutates the document (`doc.set`, {@link appendToSeq}, …).
 * @throws AdrkitError `parse` when the existing frontmatter is not valid YAML or not a mapping.
 */
export function editFrontmatter(text: string, edit: (doc: Document) => void): string {
  const split = splitFrontmatter(text);
  const eol = split?.eol ?? eolOf(text);
  const yamlText = split ? split.yaml.replace(/\r\n/g, '\n') : '';
  const doc = parseDocument(yamlText, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    throw new AdrkitError('parse', `frontmatter is not valid YAML (${doc.errors[0].message.split('\n')[0]}); nothing was changed`, { hint: 'fix it (adrkit lint shows where) and run the command again' });
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new AdrkitError('parse', 'frontmatter is not a YAML mapping; nothing was changed');
  const before = topLevelValues(doc);
  edit(doc);
  // Keep the author's sequence indentation (`key:\n- a` vs `key:\n  - a`) in the entries re-printed.
  const indentSeq = !/^[^\s#][^\n]*:[ \t]*\n-[ \t]/m.test(yamlText);
  let out = doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false });
  if (doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0)) out = '';
  else if (split) out = keepUntouchedEntries(yamlText, before, out);
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
    starts.push({ key: JSON.stringify(toJs(pair.key)), start: lineStart(yamlText, range[0]) });
  }
  if (starts.length === 0) return undefined;
  const slices = new Map<string, string>();
  starts.forEach((entry, i) => slices.set(entry.key, yamlText.slice(entry.start, i + 1 < starts.length ? starts[i + 1].start : yamlText.length)));
  return { head: yamlText.slice(0, starts[0].start), slices };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Re-assembles the edited YAML from the original text of entries whose value did not change and
 * the re-printed text of those that did (or are new), in the edited document's key order.
 * Falls back to the re-printed text when either side cannot be cut into entries.
 */
function keepUntouchedEntries(original: string, before: Map<string, string>, printed: string): string {
  const old = entrySlices(original);
  const now = entrySlices(printed);
  if (!old || !now) return printed;
  const after = topLevelValues(parseDocument(printed));
  let out = old.head;
  for (const [key, slice] of now.slices) {
    const kept = old.slices.get(key);
    const unchanged = kept !== undefined && before.get(key) === after.get(key);
    let piece = unchanged ? kept : slice;
    if (!piece.endsWith('\n')) piece += '\n';
    out += piece;
  }
  return out;
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
