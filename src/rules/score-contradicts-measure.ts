import { directionOf, isMeasurable, measuredValue } from '../decision/measure.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'score-contradicts-measure',
    description: 'Hand-written scores of a measurable criterion follow the measured values: an option that measures better does not score lower.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: { contradicts: 'option "{{worse}}" scores {{worseScore}} on "{{criterion}}", more than "{{better}}" ({{betterScore}}), but measures worse ({{worseValue}} vs {{betterValue}}; {{direction}} is better): fix the score, or derive the scores (`derive: true`)' },
    docs: 'Checked for every pair of options that both have a score and a measured value for a criterion with a `metric` (direction `higher` unless `direction: lower`). Criteria with `derive: true` are scored from the values and not checked. Reported on the score of the option that measures worse.',
  },
  check({ target, report }) {
    const { record } = target;
    const options = (record.frontmatter.options as unknown[] | undefined) ?? [];
    for (const c of record.criteria) {
      if (!c || !isMeasurable(c) || c.derive === true) continue;
      const better = directionOf(c) === 'higher' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
      const rows = record.options
        .map((o) => ({ o, score: o?.scores?.[c.id], m: measuredValue(o, c) }))
        .filter((r): r is { o: typeof r.o; score: number; m: NonNullable<typeof r.m> } => typeof r.score === 'number' && r.m !== undefined);
      for (const w of rows) {
        for (const b of rows) {
          if (!(better(b.m.value, w.m.value) && w.score > b.score)) continue;
          report({
            messageId: 'contradicts',
            data: { worse: w.o.name ?? w.o.id, worseScore: w.score, better: b.o.name ?? b.o.id, betterScore: b.score, criterion: c.name ?? c.id, worseValue: w.m.value, betterValue: b.m.value, direction: directionOf(c) },
            path: `options[${options.indexOf(w.o)}].scores.${c.id}`,
          });
        }
      }
    }
  },
});
