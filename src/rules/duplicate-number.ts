import { defineRule } from './define.js';
import { numberingGroupOf } from '../decision/numbering.js';

export default defineRule({
  meta: {
    id: 'duplicate-number',
    description: 'Two records of the same folder must not share a number (the classic result of two branches each adding "the next" record).',
    severity: 'error',
    fixable: false,
    scope: 'log',
    messages: { duplicate: 'record number {{number}} is also used by {{other}}: renumber one of them by file name (`adrkit renumber {{name}} {{free}}`)' },
  },
  check({ records, report }) {
    // Each folder numbers its own records: several logs in one repository and MADR category
    // sub-folders restart at 1 (`ADR/ADR002-…` and `decision-record/DR002-…` do not collide).
    const byNumber = new Map<string, typeof records>();
    for (const r of records) {
      if (r.record.number === undefined) continue;
      const key = `${numberingGroupOf(r.file)}\0${r.record.number}`;
      byNumber.set(key, [...(byNumber.get(key) ?? []), r]);
    }
    // The number alone is ambiguous to `adrkit renumber` here: the hint names the file and the next free number of its folder.
    const nextFree = new Map<string, number>();
    for (const r of records) if (r.record.number !== undefined) nextFree.set(numberingGroupOf(r.file), Math.max(nextFree.get(numberingGroupOf(r.file)) ?? 0, r.record.number + 1));
    for (const group of byNumber.values()) {
      const number = group[0].record.number!;
      const free = nextFree.get(numberingGroupOf(group[0].file)) ?? number + 1;
      if (group.length < 2) continue;
      for (const r of group) {
        const others = group.filter((o) => o !== r).map((o) => o.file).join(', ');
        report(r, { messageId: 'duplicate', data: { number, other: others, name: r.record.path, free }, position: { line: 1, column: 1 } });
      }
    }
  },
});
