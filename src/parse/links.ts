import { marked, type Token, type Tokens } from 'marked';
import type { BodyLink } from '../model/record.js';
import { textPositions } from '../util/text-position.js';
import type { Block } from './markdown.js';

/**
 * Relative links and images of a markdown body (`[x](href)`, `![x](href)`, `[x]: href`), read
 * from marked's tokens, so code spans, fenced and indented code, HTML blocks and comments never
 * count. External links (any URL scheme, `//host`), pure `#anchors`, mentions (`@handle`), bare
 * e-mail addresses, reference-style uses (`[x][ref]`, reported at their definition) and footnotes
 * (`[^1]: …`) are left out. A target may hold balanced parentheses (`DR020%20(Strangler).md`).
 *
 * Linear in the body: each token is found in its block's text by a forward search from the
 * previous one (a 100 KB line of `[` costs what marked's lexer costs).
 *
 * @param blocks - the body's top-level blocks, from {@link lexBlocks} (`raw` texts in order).
 * @param firstLine - file line where the body starts.
 * @returns each link's href (as marked reads it: `<…>` and backslash escapes removed) and the
 *   file position of the href's first character.
 */
export function relativeLinks(blocks: readonly Block[], firstLine: number): BodyLink[] {
  const text = blocks.map((b) => b.token.raw).join('');
  const position = textPositions(text);
  const links: BodyLink[] = [];
  let blockStart = 0;
  for (const { token: block } of blocks) {
    const raw = block.raw;
    let cursor = 0;
    // Finds a token's text in the block from the cursor; container markers (list bullets, `>`)
    // are stripped from the start of every line but the first, so only the first line is searched.
    const find = (tokenRaw: string): number => {
      const firstRawLine = tokenRaw.split('\n', 1)[0];
      return firstRawLine ? raw.indexOf(firstRawLine, cursor) : -1;
    };
    marked.walkTokens([block], (token: Token) => {
      if (token.type === 'space' || !token.raw) return;
      const at = find(token.raw);
      if (at === -1) return;
      const href = hrefOf(token, at);
      if (href && isRelative(href.value)) {
        const { line, column } = position(blockStart + href.offset);
        links.push({ href: href.value.trim(), position: { line: firstLine - 1 + line, column } });
      }
      // containers: their children start at (or, for links, just after) the same place
      const container = 'tokens' in token || 'items' in token || 'rows' in token;
      if (token.type === 'link' || token.type === 'image') cursor = at + 1;
      else if (container) cursor = at;
      else cursor = at + token.raw.split('\n', 1)[0].length;
    });
    blockStart += raw.length;
  }
  return links;
}

/** The href of an inline link, image or definition token and its offset in the block, if any. */
function hrefOf(token: Token, at: number): { value: string; offset: number } | undefined {
  if (token.type === 'def') {
    const def = token as Tokens.Def;
    if (def.tag.startsWith('^')) return undefined;
    const afterColon = def.raw.indexOf(']:') + 2;
    return { value: def.href, offset: at + skipToDestination(def.raw, afterColon) };
  }
  if (token.type !== 'link' && token.type !== 'image') return undefined;
  const link = token as Tokens.Link | Tokens.Image;
  // inline links end with `)`; reference uses (`[x][ref]`, `[x]`) and autolinks do not
  if (!link.raw.endsWith(')') || ('autolink' in link && link.autolink)) return undefined;
  const close = labelEnd(link.raw, link.type === 'image' ? 2 : 1);
  return { value: link.href, offset: at + skipToDestination(link.raw, close + 2) };
}

/** Index of the `]` closing a link label that starts at `from` (escapes, nesting and code spans skipped). */
function labelEnd(raw: string, from: number): number {
  let depth = 0;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '`') {
      let run = 1;
      while (raw[i + run] === '`') run++;
      const closeAt = raw.indexOf('`'.repeat(run), i + run);
      if (closeAt !== -1) i = closeAt + run - 1;
      else i += run - 1;
    } else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return raw.indexOf('](');
}

/** Skips whitespace and an opening `<` from `from`: where a link destination starts. */
function skipToDestination(raw: string, from: number): number {
  let i = from;
  while (i < raw.length && /\s/.test(raw[i])) i++;
  return raw[i] === '<' ? i + 1 : i;
}

function isRelative(href: string): boolean {
  const clean = href.trim();
  if (clean === '' || clean.startsWith('#') || clean.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return false;
  // `[Ana](@ana)` (a mention) and `[Ana](ana@example.com)` (an address without `mailto:`) are not files.
  return !clean.startsWith('@') && !/^[^/@\s]+@[^/@\s]+\.[a-z]{2,}$/i.test(clean);
}
