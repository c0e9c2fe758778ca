import { splitFrontmatter } from '../parse/frontmatter.js';

/** Where a record written without frontmatter keeps its status. */
export type BodyStatusKind = 'bullet' | 'section';

interface Lines {
  lines: string[];
  eol: string;
  /** Index of the first body line (after the frontmatter). */
  bodyStart: number;
}

function toLines(text: string): Lines {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const split = splitFrontmatter(text);
  const head = split ? split.open + split.yaml + split.close : '';
  const lines = text.split(eol);
  return { lines, eol, bodyStart: head ? head.split(eol).length - 1 : 0 };
}

const BULLET = /^(\s*(?:[-*+]\s+)?(?:\*\*)?(?:status|statut)(?:\*\*)?\s*:(?:\*\*)?[ \t]*)(.*?)([ \t]*(?:<!--.*-->)?[ \t]*)$/i;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** Line indexes outside fenced code blocks, from `start`. */
function* proseLines(lines: string[], start: number): Generator<number> {
  let fenced = false;
  for (let i = start; i < lines.length; i++) {
    if (FENCE.test(lines[i])) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) yield i;
  }
}

/**
 * Finds the status written in the body: a `Status:` bullet or line before the first `##` heading
 * (MADR 2, log4brains), else the first line of a `## Status` section (Nygard / adr-tools).
 * @returns the line index and kind, or undefined.
 */
export function findBodyStatus(text: string): { kind: BodyStatusKind; index: number; heading?: number } | undefined {
  const { lines, bodyStart } = toLines(text);
  for (const i of proseLines(lines, bodyStart)) {
    const h = HEADING.exec(lines[i]);
    if (h && h[1].length >= 2) break;
    if (BULLET.test(lines[i]) && !/^\s*$/.test(BULLET.exec(lines[i])![2] ?? '')) return { kind: 'bullet', index: i };
  }
  const heading = findSection(lines, bodyStart, /^(status|statut)$/i);
  if (heading === undefined) return undefined;
  for (let i = heading + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (HEADING.test(lines[i])) return { kind: 'section', index: -1, heading };
    if (!line || line.startsWith('<!--')) continue;
    return { kind: 'section', index: i, heading };
  }
  return { kind: 'section', index: -1, heading };
}

function findSection(lines: string[], start: number, name: RegExp): number | undefined {
  for (const i of proseLines(lines, start)) {
    const h = HEADING.exec(lines[i]);
    if (h && h[1].length >= 2 && name.test(h[2].replace(/[*_`]/g, '').trim())) return i;
  }
  return undefined;
}

/**
 * Replaces the status written in the body (bullet value or first line of the Status section)
 * with `statusText`, keeping list markers, emphasis and trailing comments. Pure.
 * @returns the new text, or undefined when the body has no status to edit.
 */
export function setBodyStatus(text: string, statusText: string): string | undefined {
  const found = findBodyStatus(text);
  if (!found) return undefined;
  const { lines, eol } = toLines(text);
  if (found.kind === 'bullet') {
    const m = BULLET.exec(lines[found.index])!;
    lines[found.index] = `${m[1]}${statusText}${m[3]}`;
  } else if (found.index >= 0) {
    const emoji = /^([^\p{L}\p{N}[]*)/u.exec(lines[found.index])?.[1] ?? '';
    lines[found.index] = `${/^[-*+]\s/.test(emoji) ? emoji : ''}${statusText}`;
  } else {
    lines.splice(found.heading! + 1, 0, '', statusText);
  }
  return lines.join(eol);
}

/**
 * Adds a relation line (`Supersedes [1. Title](0001-title.md)`, adr-tools style) at the end of
 * the `## Status` section; an identical line is not added twice. Pure.
 * @returns the new text, or undefined when the record has no Status section.
 */
export function addStatusSectionLine(text: string, line: string): string | undefined {
  const { lines, eol, bodyStart } = toLines(text);
  const heading = findSection(lines, bodyStart, /^(status|statut)$/i);
  if (heading === undefined) return undefined;
  let end = lines.length;
  for (let i = heading + 1; i < lines.length; i++) {
    if (HEADING.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (lines.slice(heading + 1, end).some((l) => l.trim() === line.trim())) return text;
  let last = end - 1;
  while (last > heading && lines[last].trim() === '') last--;
  lines.splice(last + 1, 0, '', line);
  return lines.join(eol);
}

/** `Accepted`, `Superseded by [2. Title](0002-title.md)`: a status as written in bodies. */
export function statusLabel(status: string, link?: { label: string; href: string }): string {
  const word = status.charAt(0).toUpperCase() + status.slice(1);
  return link ? `${word} by [${link.label}](${link.href})` : word;
}
