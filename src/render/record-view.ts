import type { DecisionRecord, RecordRef } from '../model/record.js';
import type { DecisionMatrix } from '../decision/matrix.js';
import { renderMatrix } from './matrix.js';
import { renderTable } from './table.js';

/** What `adrkit show` prints of a record, with the facts the CLI looked up. */
export interface RecordView {
  record: DecisionRecord;
  /** Path for display. */
  file: string;
  /** Decision date, ISO (written or from git). */
  date: string | undefined;
  matrix: DecisionMatrix | undefined;
  /** Status changes, oldest first (`status-history` of the record). */
  history: Array<{ status: string; date: string }>;
  /** Names other records by reference: `7` -> `7. Use postgres`. */
  describe(ref: RecordRef): string;
  /** Records that point at this one (`supersedes`, `relates-to`, `amends` from the other side). */
  incoming: Array<{ relation: string; label: string }>;
}

/**
 * Renders a decision record for the terminal: title line, metadata (status, date, deciders,
 * tags, revisit-by, file), the options with their radar blips or the weighted decision matrix,
 * the status history and the relations both ways. Plain text, no colour. Pure.
 */
export function renderRecordView(view: RecordView): string {
  const { record } = view;
  const out: string[] = [];
  out.push(`${record.number !== undefined ? `${record.number}. ` : ''}${record.title}`, '');
  const meta: Array<[string, string | undefined]> = [
    ['Status', record.status ?? record.statusText],
    ['Date', view.date],
    ['Deciders', record.deciders.join(', ') || undefined],
    ['Tags', record.tags.join(', ') || undefined],
    ['Chosen', record.chosen],
    ['Revisit by', record.revisitBy],
    ['File', view.file],
  ];
  const width = Math.max(...meta.map(([k]) => k.length));
  for (const [key, value] of meta) if (value) out.push(`${`${key}:`.padEnd(width + 2)}${value}`);
  if (view.matrix && view.matrix.rows.length > 0 && view.matrix.criteria.length > 0) {
    out.push('', 'Options', '', renderMatrix(view.matrix).trimEnd());
  } else if (record.options.length > 0) {
    out.push('', 'Options', '');
    out.push(renderTable(['Option', 'Blip', ''], record.options.map((o) => [o.name ?? o.id, o.blip ?? '', o.id === record.chosen ? '✔ chosen' : ''])).trimEnd());
  }
  if (view.history.length > 0) {
    out.push('', 'Status history', '');
    for (const h of view.history) out.push(`  ${h.date}  ${h.status}`);
  }
  const relations: Array<[string, string]> = [
    ...record.supersedes.map((r): [string, string] => ['supersedes', view.describe(r)]),
    ...record.supersededBy.map((r): [string, string] => ['superseded by', view.describe(r)]),
    ...record.amends.map((r): [string, string] => ['amends', view.describe(r)]),
    ...record.relatesTo.map((r): [string, string] => ['relates to', view.describe(r)]),
    ...view.incoming.map((i): [string, string] => [i.relation, i.label]),
  ];
  const seen = new Set<string>();
  const unique = relations.filter(([rel, label]) => !seen.has(`${rel} ${label}`) && seen.add(`${rel} ${label}`));
  if (unique.length > 0) {
    out.push('', 'Relations', '');
    for (const [rel, label] of unique) out.push(`  ${rel} ${label}`);
  }
  return `${out.join('\n')}\n`;
}
