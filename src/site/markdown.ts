import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { decodeHTML, escapeUTF8 } from 'entities';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Rewrites a relative link target (e.g. `0005-use-x.md`) to a site URL, or returns undefined to keep it. */
  rewriteLink?: (href: string) => string | undefined;
  /** Drop the first level-1 heading (the page shows the title itself). */
  dropTitle?: boolean;
  /** Level of the body's top headings (2 under a page `<h1>`). */
  topLevel?: number;
  /**
   * Rewrites the URL of every image (`<img src>`, from markdown or raw HTML) and link (`<a href>`)
   * of the rendered HTML before it is sanitised, e.g. to point at a published copy of the file;
   * returns undefined to keep it. Receives URLs as rendered (marked percent-encodes markdown paths).
   */
  rewriteAsset?: (url: string, tag: 'img' | 'a') => string | undefined;
  /**
   * Leave out sections that were never filled: a heading followed by nothing but blank lines and
   * HTML comments (template guidance) up to the next heading of the same or a higher level.
   */
  dropEmptySections?: boolean;
}

/**
 * Strict allow-list for record bodies: structural markdown output only. No scripts, styles,
 * event handlers, iframes, forms or inline `style`; links limited to http(s), mailto and
 * relative URLs; images to relative and `data:` URLs (the site loads nothing from the network).
 */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'del',
    's', 'b', 'i', 'u', 'mark', 'kbd', 'sup', 'sub', 'br', 'hr', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th',
    'td', 'caption', 'dl', 'dt', 'dd', 'details', 'summary', 'abbr', 'span', 'div', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    abbr: ['title'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed'],
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Sanitises HTML with {@link SANITIZE_OPTIONS} (sanitize-html). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/**
 * Renders a record body (CommonMark + GFM, marked) to sanitised HTML. Heading levels are
 * renumbered so the body starts at `topLevel` and never skips a level (accessible outline);
 * relative links to other records are rewritten to their pages. Pure and deterministic.
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  return renderMarkdownWithText(markdown, options).html;
}

/** Result of {@link renderMarkdownWithText}. */
export interface RenderedMarkdown {
  /** Sanitised HTML, as {@link renderMarkdown} returns it. */
  html: string;
  /** Plain text of that HTML (see {@link htmlToText}), for the search index and feed summaries. */
  text: string;
}

/**
 * Renders a record body like {@link renderMarkdown} and also returns its plain text, derived from
 * the same rendering (one markdown lexing per body). Pure and deterministic.
 */
export function renderMarkdownWithText(markdown: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  let html: string;
  try {
    html = renderTokens(markdown, options);
  } catch (error) {
    // Thousands of nested quotes or lists exhaust the stack: show the text as it is, escaped.
    if (error instanceof RangeError) return { html: `<pre>${escapeHtml(markdown)}</pre>`, text: markdown.replace(/\s+/g, ' ').trim() };
    throw error;
  }
  return { html, text: htmlToText(html) };
}

/**
 * Plain text of HTML sanitised by {@link sanitize} (whose text only holds `&amp;`, `&lt;`, `&gt;`
 * and whose attribute values escape `<`, `>` and `"`): code blocks (`<pre>`) dropped, tags
 * stripped, entities decoded, whitespace collapsed. Not for untrusted, unsanitised HTML.
 */
export function htmlToText(html: string): string {
  return decodeHTML(html.replace(/<pre\b[^>]*>[\s\S]*?<\/pre>/gi, '').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeHtml = escapeUTF8;

function renderTokens(markdown: string, options: RenderMarkdownOptions): string {
  const marked = new Marked({ gfm: true, async: false });
  const tokens = marked.lexer(markdown);
  let list: Token[] = tokens;
  if (options.dropTitle) {
    const first = list.findIndex((t) => t.type !== 'space' && t.type !== 'html');
    if (first !== -1 && list[first].type === 'heading' && (list[first] as Tokens.Heading).depth === 1) {
      list = [...list.slice(0, first), ...list.slice(first + 1)];
    }
  }
  if (options.dropEmptySections) list = withoutEmptySections(list);
  const top = options.topLevel ?? 2;
  let shallowest = 6;
  marked.walkTokens(list, (token) => {
    if (token.type === 'heading') shallowest = Math.min(shallowest, (token as Tokens.Heading).depth);
  });
  let previous = top - 1;
  marked.walkTokens(list, (token) => {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const wanted = Math.max(top, Math.min(6, heading.depth - shallowest + top));
      heading.depth = Math.min(wanted, previous + 1);
      previous = heading.depth;
    } else if ((token.type === 'link' || token.type === 'image') && options.rewriteLink) {
      const link = token as Tokens.Link | Tokens.Image;
      const target = options.rewriteLink(link.href);
      if (target !== undefined) link.href = target;
    } else if (token.type === 'checkbox') {
      // Task-list checkboxes would be unlabeled form controls: render them as text.
      const checked = (token as Tokens.Checkbox).checked;
      const text = token as unknown as { type: string; text: string; raw: string };
      text.type = 'text';
      text.text = checked ? '☑ ' : '☐ ';
    }
  });
  const html = marked.parser(list as Tokens.Generic[] as Token[]);
  const rewrite = options.rewriteAsset;
  if (!rewrite) return sanitize(html);
  const transform = (attr: 'src' | 'href', tag: 'img' | 'a') => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const value = attribs[attr];
    const next = value === undefined ? undefined : rewrite(value, tag);
    return { tagName, attribs: next === undefined ? attribs : { ...attribs, [attr]: next } };
  };
  return sanitizeHtml(html, { ...SANITIZE_OPTIONS, transformTags: { img: transform('src', 'img'), a: transform('href', 'a') } });
}

/** Top-level tokens without the headings whose section holds only blank lines and HTML comments. */
function withoutEmptySections(tokens: Token[]): Token[] {
  const blank = (t: Token) => t.type === 'space' || (t.type === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(t.raw));
  return tokens.filter((token, i) => {
    if (token.type !== 'heading') return true;
    const depth = (token as Tokens.Heading).depth;
    for (let j = i + 1; j < tokens.length; j++) {
      const next = tokens[j];
      if (next.type === 'heading' && (next as Tokens.Heading).depth <= depth) return false;
      if (!blank(next)) return true;
    }
    return false;
  });
}

/**
 * Gives every `<h2>` of sanitised body HTML an id (`s-<words>`, de-duplicated with `-2`, `-3`),
 * for the page's table of contents. Ids are made here, never taken from the record (sanitising
 * drops them), so a body cannot clobber the page's own ids.
 *
 * @returns the HTML with ids, and each heading's id and plain text in order.
 */
export function withHeadingIds(html: string): { html: string; headings: Array<{ id: string; text: string }> } {
  const headings: Array<{ id: string; text: string }> = [];
  const used = new Set<string>();
  const out = html.replace(/<h2>([\s\S]*?)<\/h2>/g, (_, inner: string) => {
    const text = htmlToText(inner);
    const base = `s-${text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    headings.push({ id, text });
    return `<h2 id="${id}">${inner}</h2>`;
  });
  return { html: out, headings };
}

/** Markdown to plain text for the search index and feed summaries (tags stripped, whitespace collapsed). */
export function markdownToText(markdown: string): string {
  let html: string;
  try {
    html = new Marked({ gfm: true, async: false }).parse(markdown) as string;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return markdown.replace(/\s+/g, ' ').trim();
  }
  return decodeHTML(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'pre'] }))
    .replace(/\s+/g, ' ')
    .trim();
}
