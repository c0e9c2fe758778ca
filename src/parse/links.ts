import type { BodyLink } from '../model/record.js';

/**
 * Relative links and images of a markdown body (`[x](href)`, `![x](href)`, `[x]: href`), outside
 * fenced code blocks and inline code. External links (any URL scheme, `//host`), pure
 * `#anchors`, mentions (`@handle`) and bare e-mail addresses are left out.
 *
 * @param body - markdown text.
 * @param firstLine - file line where `body` starts.
 */
export function relativeLinks(body: string, firstLine: number): BodyLink[] {
  const links: BodyLink[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (!fence) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const masked = line.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length)).replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length));
    const found: Array<{ href: string; index: number }> = [];
    // A target may hold one level of balanced parentheses (`./DR020%20(Strangler%20Fig).md`).
    // The label excludes `[` except as one nested `[…]`, so each attempt stops at the next `[`:
    // linear on hostile lines (`[[[[…`), where `[^\]]*` was quadratic.
    for (const m of masked.matchAll(/!?\[(?:[^\][\\]|\\.|\[[^\][]*\])*\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()\s]*\))+)(?:\s+["'(][^)]*)?\)/g)) found.push({ href: m[1], index: (m.index ?? 0) + m[0].indexOf(m[1]) });
    const def = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(masked);
    if (def) found.push({ href: def[1], index: def[0].indexOf(def[1]) });
    for (const { href, index } of found) {
      const clean = href.replace(/^<|>$/g, '').trim();
      if (!clean || clean.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('//')) continue;
      // `[Ana](@ana)` (a mention) and `[Ana](ana@example.com)` (an address without `mailto:`) are not files.
      if (clean.startsWith('@') || /^[^/@\s]+@[^/@\s]+\.[a-z]{2,}$/i.test(clean)) continue;
      links.push({ href: clean, position: { line: firstLine + i, column: index + 1 } });
    }
  });
  return links;
}
