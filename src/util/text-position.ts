import type { Position } from '../model/finding.js';

/**
 * Maps offsets in one text to 1-based `{ line, column }` positions. The line index is built once
 * (one pass over the text); each lookup is a binary search, so mapping many offsets stays linear.
 * Lines end at `\n`; columns count UTF-16 code units from 1, as editors and `file:line:col` do.
 *
 * @param text - the whole text the offsets point into.
 * @returns a function from a 0-based offset (clamped to the text) to its position.
 */
export function textPositions(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo] + 1 };
  };
}

/** Offset of the start of the line holding `offset` (0-based; lines end at `\n`). */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The 1-based position of one offset in a text (a single lookup; use {@link textPositions} for many). */
export function positionAt(text: string, offset: number): Position {
  return textPositions(text)(offset);
}
