import type { ReviewDecisionDiff, ReviewMatrixDelta, ReviewReport } from '../model/review.js';
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
 * of the changed records (links percent-encoded by the review), then one details section per
 * kind of change (the decision diff of each changed record with its matrix delta, decisions
 * governing the changed code, HOLD blips, number collisions with the commands that fix them,
 * lint findings). Sections with nothing to say are left out. Pure.
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
    out.push('No decision record changed.', '', ...renderGoverning(report));
    return out.join('\n');
  }
  out.push(
    `| Added | Edited | Renamed | Removed | Status changes | Option changes | Matrix changes | HOLD links | Governing | Collisions | Errors | Warnings |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${s.added} | ${s.edited} | ${s.renamed} | ${s.removed} | ${s.statusChanges} | ${s.optionChanges} | ${s.matrixChanges} | ${s.holdLinks} | ${s.governing} | ${s.collisions} | ${s.errors} | ${s.warnings} |`,
    '',
    '### Records',
    '',
    '| Record | Change | Status |',
    '|---|---|---|',
  );
  for (const c of report.changes) {
    const name = `${c.number !== null ? `${c.number}. ` : ''}${cell(c.title)}`;
    const target = c.url ? `[${name}](${c.url})` : name;
    const change = c.kind === 'renamed' ? `renamed from ${code(c.previousFile ?? '')}` : c.kind;
    out.push(`| ${target} | ${change} | ${status(c.status)} |`);
  }
  out.push('');
  if (report.decisions.length) {
    out.push('### Decisions', '');
    for (const d of report.decisions) out.push(...renderDecision(d), '');
  }
  out.push(...renderGoverning(report));
  out.push(...renderEvidenceChanges(report.evidenceChanges ?? []));
  if (report.holdLinks.length) {
    out.push('### Options linked to HOLD blips', '', 'The radar advises against these technologies; say in the record why the decision still considers them.', '');
    for (const h of report.holdLinks) {
      out.push(`- ${code(h.file)}: option ${code(h.option)} → blip ${code(h.blip)}${h.blipName ? ` (${cell(h.blipName)})` : ''}${h.chosen ? ' — **the chosen option**' : ''}`);
    }
    out.push('');
  }
  if (report.collisions.length) {
    out.push('### Number collisions', '', `Once merged into ${code(report.base.ref)}, these records would share their number with another record. Renumber them before merging:`, '');
    out.push('| Record | Number | Also used by | Renumber to |', '|---|---:|---|---|');
    for (const c of report.collisions) out.push(`| ${code(c.file)} | ${c.number} | ${code(c.otherFile)} (${c.otherIn === 'base' ? `added to ${code(report.base.ref)}` : 'head'}) | ${code(c.suggestedFile)} |`);
    out.push('', '```sh', ...report.collisions.map((c) => `npx adrkit ${c.command.replace(/^adrkit /, '')}`), '```', '');
  }
  if (report.findings.length) {
    out.push('### Lint findings on changed records', '', '| Severity | Location | Rule | Message |', '|---|---|---|---|');
    for (const f of report.findings) out.push(`| ${f.severity} | ${code(`${f.file}:${f.line}:${f.column}`)} | ${code(f.ruleId)} | ${cell(f.message)} |`);
    out.push('');
  }
  return out.join('\n');
}

const num = (n: number | null) => (n === null ? '—' : String(n));
const list = (ids: string[]) => ids.map(code).join(', ');

/** One record's decision diff: a heading, one line per kind of change, the matrix delta as a table. */
function renderDecision(d: ReviewDecisionDiff): string[] {
  const out = [`#### ${d.number !== null ? `${d.number}. ` : ''}${cell(d.title)} (${code(d.file)})`, ''];
  if (d.status) {
    const t = d.status;
    const written = (t.fromText ?? '').toLowerCase() !== (t.from ?? '') || (t.toText ?? '').toLowerCase() !== (t.to ?? '') ? ` (written ${code(t.fromText ?? '—')} → ${code(t.toText ?? '—')})` : '';
    out.push(`- Status: **${status(t.from)} → ${status(t.to)}**${written}`);
  }
  const opts = [d.options.added.length ? `added ${list(d.options.added)}` : '', d.options.removed.length ? `removed ${list(d.options.removed)}` : '', ...d.options.renamed.map((r) => `${code(r.id)} renamed ${cell(r.from)} → ${cell(r.to)}`)].filter(Boolean);
  if (opts.length) out.push(`- Options: ${opts.join('; ')}`);
  if (d.chosen) out.push(`- Chosen option: **${code(d.chosen.from ?? 'none')} → ${code(d.chosen.to ?? 'none')}**`);
  const crit = [d.criteria.added.length ? `added ${list(d.criteria.added)}` : '', d.criteria.removed.length ? `removed ${list(d.criteria.removed)}` : '', ...d.criteria.reweighted.map((w) => `${code(w.id)} weight ${w.from} → ${w.to}`)].filter(Boolean);
  if (crit.length) out.push(`- Criteria: ${crit.join('; ')}`);
  for (const r of d.rings) out.push(`- Radar: option ${code(r.option)} → blip ${code(r.blip)} moved **${cell(r.from)} → ${cell(r.to)}** since the decision`);
  const chain = [
    d.supersedes.added.length ? `supersedes ${list(d.supersedes.added)}` : '',
    d.supersedes.removed.length ? `no longer supersedes ${list(d.supersedes.removed)}` : '',
    d.supersededBy.added.length ? `superseded by ${list(d.supersededBy.added)}` : '',
    d.supersededBy.removed.length ? `no longer superseded by ${list(d.supersededBy.removed)}` : '',
  ].filter(Boolean);
  if (chain.length) out.push(`- Supersede chain: ${chain.join('; ')}`);
  if (d.revisitBy) out.push(`- Revisit by: ${d.revisitBy.from ?? 'none'} → ${d.revisitBy.to ?? 'none'}`);
  if (d.matrix) out.push(...renderMatrixDelta(d.matrix));
  return out;
}

/** The matrix delta: best option before → after, then one row per option whose total or scores changed. */
function renderMatrixDelta(m: ReviewMatrixDelta): string[] {
  const best = (s: ReviewMatrixDelta['before']) => (s && s.best.length ? list(s.best) : 'none');
  const out = [`- Matrix: best ${best(m.before)} → ${best(m.after)}${m.bestChanged ? ' (**best option changed**)' : ' (unchanged)'}`];
  const options = [...new Set([...m.totals.map((t) => t.option), ...m.scores.map((s) => s.option)])];
  if (options.length === 0) return out;
  out.push('', '| Option | Total before → after | Score changes |', '|---|---:|---|');
  const total = (side: ReviewMatrixDelta['before'], id: string) => (side && id in side.totals ? side.totals[id] : null);
  for (const id of options) {
    const marks = [m.after?.best.includes(id) ? '★' : '', m.after?.chosen === id ? '✔' : ''].filter(Boolean).join(' ');
    const scores = m.scores.filter((s) => s.option === id).map((s) => `${code(s.criterion)} ${num(s.from)} → ${num(s.to)}`).join(', ');
    out.push(`| ${code(id)}${marks ? ` ${marks}` : ''} | ${num(total(m.before, id))} → ${num(total(m.after, id))} | ${scores || '—'} |`);
  }
  return out;
}

/** Decisions governing the changed code (empty when none). */
function renderGoverning(report: ReviewReport): string[] {
  if (report.governing.length === 0) return [];
  const out: string[] = [];
  out.push('### Decisions governing the changed code', '', 'Files this change touches outside the decision log fall under these accepted or proposed decisions (`applies-to`):', '');
  for (const g of report.governing) {
    const name = `${g.number !== null ? `${g.number}. ` : ''}${cell(g.title)}`;
    const files = g.files.length === 1 ? code(g.files[0]) : `${g.files.length} files`;
    const chosen = g.chosen ? `: chosen ${cell(g.chosen.name)}` : '';
    out.push(`- touches ${g.patterns.map(code).join(', ')} (${files}), governed by ${g.url ? `[${name}](${g.url})` : name} (${status(g.status)})${chosen}`);
  }
  out.push('');
  return out;
}
