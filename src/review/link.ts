/**
 * Percent-encodes a `/`-separated path for use in a URL or a markdown link destination: each
 * segment with `encodeURIComponent`, plus `(`, `)`, `'`, `!` and `*` (so `0024-use-#-as-x.md`
 * becomes `0024-use-%23-as-x.md` and parentheses cannot end a markdown link early). Pure.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
