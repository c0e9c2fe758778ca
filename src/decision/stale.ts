import type { DecisionRecord } from '../model/record.js';
import type { RadarSet } from '../radar/resolve.js';
import { ringMoves as blipRingMoves } from './radar-judgement.js';
import { revisitDue } from './revisit.js';

/** One accepted record due for review (`adrkit stale`, the MCP `stale_decisions` tool). */
export interface StaleRow {
  number: number | null;
  title: string;
  /** File path relative to the working directory. */
  path: string;
  acceptedOn: string | null;
  /** Revisit day `YYYY-MM-DD`; empty for `ring-moved` rows without a due date. */
  due: string;
  source: 'revisit-by' | 'interval' | 'ring-moved';
  /** Whole days past `due`; null for `ring-moved`. */
  daysOverdue: number | null;
  /** For `ring-moved`: `option: from-ring -> to-ring`. */
  moves?: string[];
}

/** Options whose radar blip moved ring since the decision: the rule of `radar-ring-changed`, so lint and stale agree. */
function ringMoves(set: RadarSet, record: DecisionRecord): string[] {
  return blipRingMoves(set, record).map((m) => `${m.option.option.name ?? m.option.option.id}: ${m.from} -> ${m.to.name}`);
}

const DAY_MS = 86_400_000;

/**
 * Accepted records past their revisit date (`revisit-by`, or acceptance + `revisitMonths`, see
 * `revisitDue`), and accepted records not yet due whose radar blips moved ring since. Pure.
 *
 * @param today - `YYYY-MM-DD` (from the caller's clock).
 * @param radars - the project's radars; without them ring moves are not checked.
 */
export function staleRecords(records: ReadonlyArray<{ record: DecisionRecord; file: string }>, options: { today: string; months: number | undefined; radars?: RadarSet }): StaleRow[] {
  const { today, months, radars } = options;
  const rows: StaleRow[] = [];
  for (const { record, file } of records) {
    const due = revisitDue(record, months);
    if (!due || due.due >= today) {
      const moves = record.status === 'accepted' && radars ? ringMoves(radars, record) : [];
      if (moves.length) rows.push({ number: record.number ?? null, title: record.title, path: file, acceptedOn: due?.acceptedOn ?? record.date ?? null, due: due?.due ?? '', source: 'ring-moved', daysOverdue: null, moves });
      continue;
    }
    rows.push({
      number: record.number ?? null,
      title: record.title,
      path: file,
      acceptedOn: due.acceptedOn ?? null,
      due: due.due,
      source: due.source,
      daysOverdue: Math.round((Date.parse(today) - Date.parse(due.due)) / DAY_MS),
    });
  }
  return rows;
}
