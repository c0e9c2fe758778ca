import { textPositions } from '../util/text-position.js';

/** Inline disable directives of one file. */
export interface Disables {
  /** True when `ruleId` is disabled at `line` (1-based). */
  isDisabled(ruleId: string, line: number): boolean;
}

// The rule list is taken greedily up to `>` or the end of the line, then trimmed in code: the
// former lazy `([^>\n]*?)\s*(?:-->|$)` was quadratic on long runs of spaces.
const DIRECTIVE = /(?:<!--|#)\s*adrkit-(disable-next-line|disable-line|disable|enable)\b([^>\n]*)/gm;

/**
 * Reads inline directives, in markdown (`<!-- adrkit-disable rule-a, rule-b -->`) or in the YAML
 * frontmatter (`# adrkit-disable-next-line rule-a`), with ESLint's semantics: `disable` turns rules
 * off from its line until a matching `enable`; `disable-line` / `disable-next-line` cover one line.
 * No rule ids means all rules.
 */
export function readDisables(text: string): Disables {
  const ranges: Array<{ rules: string[] | undefined; from: number; to: number }> = [];
  const open = new Map<string, number>();
  if (!text.includes('adrkit-')) return { isDisabled: () => false };
  const positions = textPositions(text);
  const lineOf = (index: number) => positions(index).line;
  for (const match of text.matchAll(DIRECTIVE)) {
    const line = lineOf(match.index ?? 0);
    let list = match[2].trimEnd();
    if (list.endsWith('--')) list = list.slice(0, -2);
    const ids = list.split(/[\s,]+/).filter((s) => s && s !== '--');
    const rules = ids.length > 0 ? ids : undefined;
    const kind = match[1];
    if (kind === 'disable-line') ranges.push({ rules, from: line, to: line });
    else if (kind === 'disable-next-line') ranges.push({ rules, from: line + 1, to: line + 1 });
    else if (kind === 'disable') for (const id of rules ?? ['*']) open.set(id, line);
    else if (kind === 'enable') {
      for (const id of rules ?? [...open.keys()]) {
        const from = open.get(id);
        if (from !== undefined) {
          ranges.push({ rules: id === '*' ? undefined : [id], from, to: line });
          open.delete(id);
        }
      }
    }
  }
  for (const [id, from] of open) ranges.push({ rules: id === '*' ? undefined : [id], from, to: Number.POSITIVE_INFINITY });
  return {
    isDisabled(ruleId, line) {
      return ranges.some((r) => line >= r.from && line <= r.to && (!r.rules || r.rules.includes(ruleId)));
    },
  };
}
