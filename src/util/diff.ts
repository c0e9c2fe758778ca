import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * Unified diff (`diff -u` / git format, `context` lines of context) of two texts, line by line,
 * computed by jsdiff (the `diff` package). A missing final newline is marked
 * `\ No newline at end of file` as git does. Pure.
 *
 * @param oldName - `--- ` header (`a/<file>`, or `/dev/null` for a new file).
 * @param newName - `+++ ` header.
 * @returns the diff, empty when the texts are equal.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  return createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context, headerOptions: FILE_HEADERS_ONLY });
}
