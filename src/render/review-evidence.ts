import type { ReviewEvidenceChange } from '../model/review-evidence.js';

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const value = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The "Evidence" section of the review markdown (empty when nothing changed). Pure. */
export function renderEvidenceChanges(changes: ReviewEvidenceChange[]): string[] {
  if (changes.length === 0) return [];
  const out = ['### Evidence', '', '| Record | Option | Change | Evidence |', '|---|---|---|---|'];
  for (const c of changes) {
    const row = (change: string, what: string) => out.push(`| ${code(c.file)} | ${code(c.option)} | ${change} | ${what} |`);
    for (const e of c.added) row('added', `${e.kind}: ${cell(e.label)}`);
    for (const e of c.removed) row('removed', `${e.kind}: ${cell(e.label)}`);
    for (const e of c.changed) row('changed', `${e.kind}: ${cell(e.label)} (${e.fields.map((f) => `${code(f.key)} ${cell(value(f.from))} → ${cell(value(f.to))}`).join(', ')})`);
  }
  out.push('');
  return out;
}
