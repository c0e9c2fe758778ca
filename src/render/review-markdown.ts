import type { ReviewReport } from '../model/review.js';
import { renderEvidenceChanges } from './review-evidence.js';

/** First line of every review comment: the action finds its own sticky comment by it. */
export const REVIEW_MARKER = '<!-- adrkit-review -->';

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const status = (s: string | null) => s ?? '—';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Renders a review as GitHub-flavoured markdown, ready to paste as a pull request comment or to
 * append to `$GITHUB_STEP_SUMMARY`: the {@link REVIEW_MARKER}, a verdict line, a summary table
 * of the changed records, then one details section per kind of change (status changes, options,
 * HOLD blips, number collisions with the commands that fix them, lint findings). Sections with
 * nothing to say are left out. Pure.
 */
export function renderReviewMarkdown(report: ReviewReport): string {
  const out: string[] = [REVIEW_MARKER, '## Decision log review', ''];
  const head = report.head.commit ? `${code(report.head.ref)} (${report.head.commit.slice(0, 7)})` : 'the working tree';
  const fork = report.mergeBase !== report.base.commit ? ` (changes counted from the merge base ${report.mergeBase.slice(0, 7)})` : '';
  out.push(`Compared ${code(report.base.ref)} (${report.base.commit.slice(0, 7)}) with ${head} in ${code(report.dir)}${fork}.`, '');
  const s = report.summary;
  const verdict = report.ok
    ? `✅ ${plural(report.changes.length, 'record')} changed, no number collision, no lint error.`
    : `❌ ${[s.collisions ? plural(s.collisions, 'number collision') : '', s.errors ? plural(s.errors, 'lint error') : ''].filter(Boolean).join(', ')} to fix before merging.`;
  out.push(`**${verdict}**`, '');
  if (report.changes.length === 0) {
    out.push('No decision record changed.', '');
    return out.join('\n');
  }
  out.push(
    `| Added | Edited | Renamed | Removed | Status changes | Option changes | HOLD links | Collisions | Errors | Warnings |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${s.added} | ${s.edited} | ${s.renamed} | ${s.removed} | ${s.statusChanges} | ${s.optionChanges} | ${s.holdLinks} | ${s.collisions} | ${s.errors} | ${s.warnings} |`,
    '',
    '### Records',
    '',
    '| Record | Change | Status |',
    '|---|---|---|',
  );
  for (const c of report.changes) {
    const name = `${c.number !== null ? `${c.number}. ` : ''}${cell(c.title)}`;
    const target = c.url ? `[${name}](${encodeURI(c.url)})` : name;
    const change = c.kind === 'renamed' ? `renamed from ${code(c.previousFile ?? '')}` : c.kind;
    out.push(`| ${target} | ${change} | ${status(c.status)} |`);
  }
  out.push('');
  if (report.statusChanges.length) {
    out.push('### Status changes', '');
    for (const t of report.statusChanges) {
      const written = (t.fromText ?? '').toLowerCase() !== (t.from ?? '') || (t.toText ?? '').toLowerCase() !== (t.to ?? '') ? ` (written ${code(t.fromText ?? '—')} → ${code(t.toText ?? '—')})` : '';
      out.push(`- ${code(t.file)}: **${status(t.from)} → ${status(t.to)}**${written}`);
    }
    out.push('');
  }
  if (report.optionChanges.length) {
    out.push('### Options', '');
    for (const o of report.optionChanges) {
      const parts: string[] = [];
      if (o.added.length) parts.push(`added ${o.added.map(code).join(', ')}`);
      if (o.removed.length) parts.push(`removed ${o.removed.map(code).join(', ')}`);
      if (o.chosen) parts.push(`chosen option ${code(o.chosen.from ?? 'none')} → ${code(o.chosen.to ?? 'none')}`);
      out.push(`- ${code(o.file)}: ${parts.join('; ')}`);
    }
    out.push('');
  }
  out.push(...renderEvidenceChanges(report.evidenceChanges ?? []));
  if (report.holdLinks.length) {
    out.push('### Options linked to HOLD blips', '', 'The radar advises against these technologies; say in the record why the decision still considers them.', '');
    for (const h of report.holdLinks) {
      out.push(`- ${code(h.file)}: option ${code(h.option)} → blip ${code(h.blip)}${h.blipName ? ` (${cell(h.blipName)})` : ''}${h.chosen ? ' — **the chosen option**' : ''}`);
    }
    out.push('');
  }
  if (report.collisions.length) {
    out.push('### Number collisions', '', `These records reuse a number the base branch (${code(report.base.ref)}) already gives to another record. Renumber them before merging:`, '');
    out.push('| Record | Number | Used in base by | Renumber to |', '|---|---:|---|---|');
    for (const c of report.collisions) out.push(`| ${code(c.file)} | ${c.number} | ${code(c.baseFile)} | ${code(c.suggestedFile)} |`);
    out.push('', '```sh', ...report.collisions.map((c) => `npx adrkit ${c.command.replace(/^adrkit /, '')}`), '```', '');
  }
  if (report.findings.length) {
    out.push('### Lint findings on changed records', '', '| Severity | Location | Rule | Message |', '|---|---|---|---|');
    for (const f of report.findings) out.push(`| ${f.severity} | ${code(`${f.file}:${f.line}:${f.column}`)} | ${code(f.ruleId)} | ${cell(f.message)} |`);
    out.push('');
  }
  return out.join('\n');
}
