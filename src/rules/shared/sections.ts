import type { Section } from '../../model/record.js';
import { headingKey } from '../../parse/vocabulary.js';

/** First section whose heading matches one of the names (see {@link headingKey}). */
export function findSection(sections: Section[], names: readonly string[]): Section | undefined {
  const wanted = new Set(names.map(headingKey));
  return sections.find((s) => wanted.has(headingKey(s.heading)));
}

const PLACEHOLDER_LINE = [
  /^\{[^{}]*\}$/, // {describe the context}
  /^\[[^\]]*\]$/, // [option 1]
  /^(?:todo|tbd|tba|fixme|xxx|wip)\b.*$/i, // TODO: write this
  /^(?:\.\.\.|…)$/,
  /^<[^>]*>$/, // <describe>
];

/**
 * True when a section body has no real content: empty once HTML comments are removed, or only
 * headings, template placeholders (`{placeholder}`, `[placeholder]`, `TODO`, `...`) and list
 * markers. Content inside fenced code blocks counts as real content.
 */
export function isPlaceholderText(markdown: string): boolean {
  const text = markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line) continue;
    if (/^#{1,6}\s/.test(line)) continue;
    line = line.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/^[*_]+|[*_]+$/g, '').trim();
    if (!line || /^[-*+]$/.test(line)) continue;
    if (PLACEHOLDER_LINE.some((re) => re.test(line))) continue;
    return false;
  }
  return true;
}
