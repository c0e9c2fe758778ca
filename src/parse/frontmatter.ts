import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Position } from '../model/finding.js';
import { yamlCause } from './yaml-errors.js';

/** A problem found while splitting or parsing frontmatter, at a 1-based file position. */
export interface FrontmatterProblem {
  code: 'yaml' | 'unclosed' | 'not-a-map' | 'bom';
  message: string;
  line: number;
  column: number;
}

/** Result of {@link parseFrontmatter}. */
export interface ParsedFrontmatter {
  /** Frontmatter data; `{}` when absent or unreadable. Dates stay strings (YAML 1.2 core schema). */
  data: Record<string, unknown>;
  /** True when the file starts with a frontmatter block. */
  present: boolean;
  /** Markdown after the frontmatter. */
  body: string;
  /** 1-based line where `body` starts in the file. */
  bodyLine: number;
  /** The YAML text between the fences, as written; `''` when absent or unclosed. */
  yaml: string;
  problems: FrontmatterProblem[];
  /** Maps a key path (`options[2].blip`) to its file position; falls back to the nearest parent. */
  locate(path: string): Position;
}

/** A file cut around its frontmatter block, so the block can be read or edited and everything else kept byte for byte. */
export interface FrontmatterSplit {
  /** Optional BOM and the opening `---` line with its line ending. */
  open: string;
  /** YAML text between the fences (ends with a line ending unless empty). */
  yaml: string;
  /** Closing `---` / `...` line with its line ending (none at the end of the file). */
  close: string;
  /** Everything after the closing fence line. */
  rest: string;
  /** Line ending of the opening fence (`\n` or `\r\n`), the one edits write. */
  eol: string;
}

const OPEN = /^(\uFEFF?)---[ \t]*(\r?\n)/;
// `$` with the `m` flag ends a line before `\n`, `\r`, U+2028 or U+2029; the fence's own line
// ending belongs to the fence.
const CLOSE = /^(?:---|\.\.\.)[ \t]*$(?:\r?\n)?/m;

/**
 * Cuts a record file around its YAML frontmatter: the one split the parser, lint fixes, edits
 * and renumbering share. The block runs from a first line `---` (after an optional UTF-8 BOM;
 * spaces or tabs may follow the fence) to the next line that is exactly `---` or `...`
 * (Jekyll-style fences, trailing spaces or tabs allowed). The closing fence must start its line,
 * so an indented `---` inside a YAML block scalar (`|` or `>`) stays YAML, and a line that only
 * starts with `---` (`--- x`, `----`) is not a fence: gray-matter got both wrong (ADR 0003). LF,
 * CRLF and mixed line endings are accepted. Pure; never throws.
 *
 * @returns undefined when the file does not start with `---` or the block is not closed.
 */
export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const after = text.slice(open[0].length);
  const close = CLOSE.exec(after);
  if (!close) return undefined;
  return { open: open[0], yaml: after.slice(0, close.index), close: close[0], rest: after.slice(close.index + close[0].length), eol: open[2] };
}

/**
 * Splits a markdown file into YAML frontmatter and body ({@link splitFrontmatter}), and parses
 * the YAML with the `yaml` package (YAML 1.2 core schema, so `2024-01-01` stays a string;
 * duplicate keys are errors; alias expansion capped at 100). Never throws: problems come back
 * with file positions.
 *
 * @param text - whole file content (a leading BOM is reported and ignored).
 */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const problems: FrontmatterProblem[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({ code: 'bom', message: 'file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM', line: 1, column: 1 });
    text = text.slice(1);
  }
  const none: ParsedFrontmatter = {
    data: {},
    present: false,
    body: text,
    bodyLine: 1,
    yaml: '',
    problems,
    locate: () => ({ line: 1, column: 1 }),
  };
  if (!OPEN.test(text)) return none;
  const split = splitFrontmatter(text);
  if (!split) {
    problems.push({ code: 'unclosed', message: 'frontmatter is not closed: add a line `---` after the YAML block', line: 1, column: 1 });
    return none;
  }
  // The YAML is parsed from our own split (the same one that gives the body), not from
  // gray-matter's: gray-matter closes on any line starting with `---` and leaves a lone `\r` at
  // the end of CRLF blocks, which made `tags: []` on the last line of a CRLF file a YAML error.
  // `yamlText` starts on file line 2, so file line = lineCounter line + 1.
  const yamlText = split.yaml;
  const lineCounter = new LineCounter();
  let doc: Document | undefined;
  let data: unknown = {};
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: line + 1, column: col };
  };
  try {
    doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    if (doc.errors.length === 0) data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    problems.push({ code: 'yaml', message: `frontmatter YAML cannot be read: ${(error as Error).message.split('\n')[0]}`, ...at(0) });
    data = {};
  }
  // One finding at the cause: later errors are consequences of the first (see yamlCause).
  if (doc && doc.errors.length > 0) {
    const cause = yamlCause(yamlText, doc.errors);
    problems.push({ code: 'yaml', message: `invalid YAML in frontmatter: ${cause.message}`, ...at(cause.offset) });
  }
  // Unresolved tags (`!!js/function`, `!!binary`, `!custom`) load as plain strings, not what the
  // author meant: reported, and the frontmatter is not used (it was silently accepted before).
  for (const warning of doc?.warnings ?? []) {
    if (!/tag/i.test(warning.message)) continue;
    problems.push({ code: 'yaml', message: `unsupported YAML tag in frontmatter: ${warning.message.split('\n')[0]}`, ...at(warning.pos?.[0]) });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ code: 'not-a-map', message: 'frontmatter must be a YAML mapping of keys to values', line: 2, column: 1 });
    data = {};
  }
  const rest = split.rest;
  const bodyLine = countLines(text.slice(0, text.length - rest.length)) + 1;
  return {
    data: (problems.some((p) => p.code === 'yaml') ? {} : data) as Record<string, unknown>,
    present: true,
    body: rest,
    bodyLine,
    yaml: yamlText,
    problems,
    locate: lazyLocate(doc ? yamlText : undefined),
  };
}

/**
 * A `locate` that keeps only the YAML text, not the parsed document: records are held by the
 * thousand (lint, build) and positions are needed only for the few that have findings. The
 * document is parsed again on the first call, then kept for that record.
 */
function lazyLocate(yamlText: string | undefined): (path: string) => Position {
  if (yamlText === undefined) return () => ({ line: 2, column: 1 });
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  return (path) => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }), lineCounter };
    }
    const node = findNode(parsed.doc, parseKeyPath(path));
    if (node === undefined) return { line: 2, column: 1 };
    const { line, col } = parsed.lineCounter.linePos(node);
    return { line: line + 1, column: col };
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Splits `options[2].blip` into `['options', 2, 'blip']`. */
export function parseKeyPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return segments;
}

/** Offset of the deepest node along the key path that exists (key offset for map entries). */
function findNode(doc: Document, segments: Array<string | number>): number | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset: number | undefined = node?.range?.[0];
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
