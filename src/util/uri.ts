/**
 * `decodeURIComponent` that never throws: a malformed escape (`%E0%A4%A`, a lone `%`) leaves the
 * text as written, which is how a link to such a path is best matched and reported.
 *
 * @param text - a URI component (a path, a fragment).
 * @returns the decoded text, or `text` unchanged when it is not a valid escape sequence.
 */
export function decodeUriSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
