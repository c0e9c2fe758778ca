import { parseDocument, type Document } from 'yaml';

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
 * from the original text (matched by a longest-common-subsequence diff of the two renderings), so
 * a fix changes only the lines it means to.
 */
function keepUntouchedLines(original: string, before: string, after: string): string {
  const orig = original.split('\n');
  const a = before.split('\n');
  const b = after.split('\n');
  if (orig.length !== a.length) return after;
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      out.push(orig[i]);
      i++;
      j++;
    } else if (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else {
      out.push(b[j]);
      j++;
    }
  }
  return out.join('\n');
}
