import { parseDocument, type Document } from 'yaml';
import { diffArrays } from 'diff';

const OPEN = /^(\uFEFF?)---[ \t]*(\r?\n)/;

/**
 * Edits the YAML frontmatter of a record with the `yaml` Document API, so comments, key order
 * and quoting of untouched keys survive. Keeps the file's line endings (LF or CRLF) and BOM.
 * Pure: text in, text out; returns the text unchanged when `edit` changes nothing.
 *
 * @throws Error when the file has no frontmatter or its YAML cannot be parsed (the fix is then
 *   skipped by `applyFixes`).
 */
export function editFrontmatter(text: string, edit: (doc: Document) => void): string {
  const open = OPEN.exec(text);
  if (!open) throw new Error('no frontmatter');
  const eol = open[2];
  const start = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text.slice(start));
  if (!close) throw new Error('frontmatter not closed');
  const yamlText = text.slice(start, start + close.index);
  const doc = parseDocument(yamlText.replace(/\r\n/g, '\n'), { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new Error('frontmatter YAML cannot be parsed');
  const before = doc.toString();
  edit(doc);
  const after = doc.toString();
  if (after === before) return text;
  const merged = keepUntouchedLines(yamlText.replace(/\r\n/g, '\n'), before, after);
  const rendered = eol === '\r\n' ? merged.replace(/\n/g, '\r\n') : merged;
  return text.slice(0, start) + rendered + text.slice(start + close.index);
}

/**
 * The `yaml` printer normalises spacing of lines it did not change (`[a]` becomes `[ a ]`). When
 * the re-printed original has as many lines as the original, lines the edit left alone are taken
 * from the original text (matched by jsdiff's line diff of the two renderings), so a fix changes
 * only the lines it means to.
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
