import { defineRule, type RuleRecord } from './define.js';
import { recordIndex } from '../decision/resolve.js';

export default defineRule({
  meta: {
    id: 'supersede-cycle',
    description: 'Supersede chains have no cycles (A supersedes B supersedes A), so there is always a current decision.',
    severity: 'error',
    fixable: false,
    scope: 'log',
    messages: { cycle: 'supersede cycle: {{chain}}: one of these records must not supersede the next' },
  },
  check({ records, report }) {
    // edge newer -> older: "A supersedes B" and "B superseded-by A" both give A -> B
    const edges = new Map<RuleRecord, Set<RuleRecord>>(records.map((r) => [r, new Set()]));
    for (const r of records) {
      for (const ref of r.record.supersedes) {
        const older = recordIndex(records).resolve(ref, r);
        if (older) edges.get(r)!.add(older);
      }
      for (const ref of r.record.supersededBy) {
        const newer = recordIndex(records).resolve(ref, r);
        if (newer) edges.get(newer)!.add(r);
      }
    }
    const state = new Map<RuleRecord, 'open' | 'done'>();
    const stack: RuleRecord[] = [];
    const reported = new Set<RuleRecord>();
    const name = (r: RuleRecord) => (r.record.number !== undefined ? String(r.record.number).padStart(4, '0') : r.record.slug);
    const visit = (node: RuleRecord) => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of [...edges.get(node)!].sort((a, b) => (a.file < b.file ? -1 : 1))) {
        if (state.get(next) === 'open') {
          const cycle = stack.slice(stack.indexOf(next));
          const chain = [...cycle, next].map(name).join(' → ');
          for (const member of cycle) {
            if (reported.has(member)) continue;
            reported.add(member);
            report(member, { messageId: 'cycle', data: { chain }, path: member.record.supersedes.length > 0 ? 'supersedes' : 'status' });
          }
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const r of [...records].sort((a, b) => (a.file < b.file ? -1 : 1))) if (!state.has(r)) visit(r);
  },
});
