import { isMap, isSeq, parseDocument, type Document } from 'yaml';
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
 * Edits the YAML frontmatter of a record with the `yaml` Document API, so comments, key order,
 * quoting and flow/block styles of untouched entries survive; the markdown body is kept byte
 * for byte. A file without frontmatter gets a new block at the top. Pure.
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
  edit(doc);
  // Keep the author's sequence indentation (`key:\n- a` vs `key:\n  - a`).
  const indentSeq = !/^[^\s#][^\n]*:[ \t]*\n-[ \t]/m.test(yamlText);
  let out = doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false });
  if (doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0)) out = '';
  if (eol !== '\n') out = out.replace(/\n/g, eol);
  if (split) return `${split.open}${out}${split.close}${split.rest}`;
  return `---${eol}${out}---${eol}${text.startsWith('\uFEFF') ? text.slice(1) : text}`;
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
