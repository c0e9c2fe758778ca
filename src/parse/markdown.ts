import { Lexer, type Token, type Tokens } from 'marked';
import type { Section } from '../model/record.js';

/** Top-level markdown block with its 1-based start line. */
export interface Block {
  token: Token;
  line: number;
}

/**
 * Lexes markdown (CommonMark + GFM, with marked's lexer) into top-level blocks with line numbers.
 * Fenced code blocks stay single `code` tokens, so YAML or headings inside them are never read
 * as metadata.
 *
 * @param markdown - markdown text.
 * @param firstLine - 1-based file line where `markdown` starts.
 */
export function lexBlocks(markdown: string, firstLine = 1): Block[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const blocks: Block[] = [];
  let line = firstLine;
  for (const token of tokens) {
    blocks.push({ token, line });
    line += countNewlines(token.raw);
  }
  return blocks;
}

/**
 * {@link lexBlocks}, or undefined when the markdown is nested too deeply to lex: marked's lexer
 * recurses once per nesting level, so thousands of nested `>` or list markers exhaust the stack
 * (RangeError). Callers keep the rest of the record and skip the body structure.
 */
export function lexBlocksIfReadable(markdown: string, firstLine = 1): Block[] | undefined {
  try {
    return lexBlocks(markdown, firstLine);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Splits lexed blocks into sections: each heading owns the blocks up to the next heading of the
 * same or a higher level.
 */
export function sectionsOf(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  blocks.forEach((block, index) => {
    if (block.token.type !== 'heading') return;
    const heading = block.token as Tokens.Heading;
    let text = '';
    for (let i = index + 1; i < blocks.length; i++) {
      const next = blocks[i].token;
      if (next.type === 'heading' && (next as Tokens.Heading).depth <= heading.depth) break;
      text += next.raw;
    }
    sections.push({ heading: plainText(heading.text), depth: heading.depth, line: block.line, text: text.trim() });
  });
  return sections;
}

/** Markdown inline text to plain text: links keep their label, emphasis and code marks go. */
export function plainText(markdown: string): string {
  // Character classes exclude the opening bracket so that each match attempt stops at the next
  // one: linear time on hostile lines (`[[[[…`, `<!--<!--…`), where the old patterns were quadratic.
  return stripComments(markdown)
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/[*`]+/g, '')
    // `_` marks emphasis only at a word edge: `_Range Slider_` loses it, `NODE_ENV` keeps it.
    .replace(/(^|[^\p{L}\p{N}_])_+|_+(?=[^\p{L}\p{N}_]|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown links `[label](href)` found in a text, in order. */
export function linksIn(markdown: string): Array<{ label: string; href: string }> {
  return [...markdown.matchAll(/\[([^\][]*)\]\(\s*<?([^()\s<>[\]]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ label: m[1], href: m[2] }));
}

/** Removes HTML comments `<!-- … -->` (an unclosed one runs to the end). Linear time. */
export function stripComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open === -1) return out + text.slice(from);
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return out;
    from = close + 3;
  }
}
