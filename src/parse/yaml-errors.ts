import type { YAMLError } from 'yaml';
import { lineStartAt } from '../util/text-position.js';

/** A YAML error told at its cause, in adrkit's words. */
export interface YamlCause {
  /** Offset in the YAML text of the cause (an opening brace, a tab, a quote), not where the parser gave up. */
  offset: number;
  /** What is wrong and how to fix it, one line. */
  message: string;
}

interface Opening {
  char: string;
  offset: number;
}

/**
 * Scans YAML text up to `end` and returns the flow brackets (`{`, `[`) and quotes still open
 * there, innermost last. Quotes inside plain scalars (`it's`) and `#` comments are skipped. Pure.
 */
function openAt(text: string, end: number): Opening[] {
  const stack: Opening[] = [];
  let quote: Opening | undefined;
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote.char === "'" && c === "'" && text[i + 1] === "'") i++;
      else if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char) quote = undefined;
      continue;
    }
    const prev = i === 0 ? '\n' : text[i - 1];
    if (c === '#' && /\s/.test(prev)) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    // A quote opens a quoted scalar only where a value or key starts.
    if ((c === '"' || c === "'") && /[\s:[{,-]/.test(prev)) quote = { char: c, offset: i };
    else if (c === '{' || c === '[') stack.push({ char: c, offset: i });
    else if ((c === '}' || c === ']') && stack.length > 0) stack.pop();
  }
  return quote ? [...stack, quote] : stack;
}

const CLOSER: Record<string, string> = { '{': '}', '[': ']', '"': '"', "'": "'" };
const WHAT: Record<string, string> = { '{': 'flow map `{ … }`', '[': 'flow list `[ … ]`', '"': 'double-quoted string', "'": 'single-quoted string' };

/**
 * Turns the errors of one YAML document into ONE cause: the parser reports every consequence of
 * a single mistake (a missing `}` gives three to five errors, all after it), so only the first
 * error is kept and traced back to what opened it — the unclosed bracket or quote, the tab used
 * as indentation, the repeated key. Pure.
 *
 * @param text - the YAML text the errors refer to.
 * @param errors - `doc.errors` of `yaml`'s parseDocument (non-empty).
 * @param where - what the text is, for messages (`the frontmatter`, `the configuration`).
 */
export function yamlCause(text: string, errors: readonly YAMLError[], where = 'the frontmatter'): YamlCause {
  const first = errors[0];
  const at = first.pos?.[0] ?? 0;
  const unclosed = /must be sufficiently indented and end with a|Missing closing|Unexpected end of flow|Expected .*flow/i.test(first.message) || first.code === 'MISSING_CHAR' || first.code === 'UNEXPECTED_TOKEN';
  if (unclosed) {
    const open = openAt(text, at).pop();
    if (open) {
      return { offset: open.offset, message: `this ${WHAT[open.char]} is never closed: add the missing \`${CLOSER[open.char]}\` (usually at the end of this line)` };
    }
  }
  if (first.code === 'TAB_AS_INDENT') return { offset: at, message: 'a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces (two per level)' };
  if (first.code === 'DUPLICATE_KEY') {
    const key = /^[ \t]*([^:\n]+):/.exec(text.slice(lineStartAt(text, at)))?.[1]?.trim();
    return { offset: at, message: `key${key ? ` "${key}"` : ''} appears twice in ${where}: keep one (YAML keys are unique)` };
  }
  if (first.code === 'BAD_INDENT' || first.code === 'BLOCK_AS_IMPLICIT_KEY' || first.code === 'MULTILINE_IMPLICIT_KEY') {
    return { offset: at, message: `the YAML of ${where} cannot be read here (${first.message.split('\n')[0].replace(/\.$/, '')}): check the indentation of this line against the key above, and that a value with ": " in it is quoted` };
  }
  return { offset: at, message: `the YAML of ${where} cannot be read here (${first.message.split('\n')[0].replace(/\.$/, '')}): check quoting and indentation` };
}
