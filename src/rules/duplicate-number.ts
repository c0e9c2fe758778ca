import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'duplicate-number',
    description: 'Two records of the log must not share a number (the classic result of two branches each adding "the next" record).',
    severity: 'error',
    fixable: false,
    scope: 'log',
    messages: { duplicate: 'record number {{number}} is also used by {{other}}: renumber one of them by file name (`adrkit renumber {{name}} {{free}}`)' },
  },
  check({ records, report }) {
    const byNumber = new Map<number, typeof records>();
    for (const r of records) {
      if (r.record.number === undefined) continue;
      byNumber.set(r.record.number, [...(byNumber.get(r.record.number) ?? []), r]);
    }
    // The number alone is ambiguous to `adrkit renumber` here: the hint names the file and the next free number.
    const free = Math.max(0, ...byNumber.keys()) + 1;
    for (const [number, group] of byNumber) {
      if (group.length < 2) continue;
      for (const r of group) {
        const others = group.filter((o) => o !== r).map((o) => o.file).join(', ');
        report(r, { messageId: 'duplicate', data: { number, other: others, name: r.record.path, free }, position: { line: 1, column: 1 } });
      }
    }
  },
});
