import { describe, expect, it } from 'vitest';
import { buildReview } from '../../src/review/build.js';
import { renderReviewMarkdown } from '../../src/render/review-markdown.js';
import { ReviewReport } from '../../src/model/review.js';
import type { RadarSet } from '../../src/radar/resolve.js';
import type { Radar } from '../../src/model/radar.js';

const base = `---
title: Pick a ranking model
status: proposed
date: 2024-01-10
supersedes: [3]
revisit-by: 2024-06-01
criteria:
  - { id: accuracy, name: Accuracy, weight: 2 }
  - { id: cost, name: Cost }
options:
  - { id: lightgbm, name: LightGBM, blip: lightgbm, ring: trial, scores: { accuracy: 4, cost: 3 } }
  - { id: xgboost, name: XGBoost, scores: { accuracy: 5, cost: 1 } }
  - { id: rules, name: Hand rules, scores: { accuracy: 1, cost: 5 } }
---
# Pick a ranking model
`;
const head = `---
title: Pick a ranking model
status: accepted
date: 2024-01-10
supersedes: [3, 4]
revisit-by: 2025-01-01
criteria:
  - { id: accuracy, name: Accuracy, weight: 3 }
  - { id: latency, name: Latency, weight: 1 }
options:
  - { id: lightgbm, name: LightGBM, blip: lightgbm, ring: trial, scores: { accuracy: 4, latency: 5 } }
  - { id: xgboost, name: XGBoost, scores: { accuracy: 5, latency: 2 } }
  - { id: catboost, name: CatBoost, scores: { accuracy: 3, latency: 3 } }
chosen: lightgbm
---
# Pick a ranking model
`;

const radar: Radar = {
  id: 'tech',
  name: 'Tech',
  quadrants: [{ id: 'tools', name: 'Tools' }],
  rings: [
    { id: 'adopt', name: 'Adopt', stance: 'adopt' },
    { id: 'trial', name: 'Trial', stance: 'trial' },
    { id: 'hold', name: 'Hold', stance: 'hold' },
  ],
  editions: [{ id: '2024', date: '2024-01-01', blips: [{ id: 'lightgbm', name: 'LightGBM', quadrant: 'tools', ring: 'adopt' }] }],
} as unknown as Radar;

function review(from: string, to: string, withRadar = true) {
  return buildReview({
    dir: 'adr',
    base: { ref: 'main', commit: 'a'.repeat(40), files: [{ path: '0012-pick-a-ranking-model.md', text: from }] },
    head: { ref: 'feature', commit: 'b'.repeat(40), files: [{ path: '0012-pick-a-ranking-model.md', text: to }] },
    radars: withRadar ? ({ radars: [radar] } as unknown as RadarSet) : undefined,
  });
}

describe('semantic decision diff', () => {
  it('carries status, options, chosen, criteria, weights, scores, totals, best option, rings, supersedes and revisit-by', () => {
    const report = ReviewReport.parse(review(base, head));
    expect(report.decisions).toHaveLength(1);
    const d = report.decisions[0];
    expect(d.status).toEqual({ from: 'proposed', to: 'accepted', fromText: 'proposed', toText: 'accepted' });
    expect(d.options).toEqual({ added: ['catboost'], removed: ['rules'], renamed: [] });
    expect(d.chosen).toEqual({ from: null, to: 'lightgbm' });
    expect(d.criteria).toEqual({ added: ['latency'], removed: ['cost'], reweighted: [{ id: 'accuracy', from: 2, to: 3 }] });
    // before: lightgbm 2×4+3 = 11, xgboost 2×5+1 = 11, rules 2×1+5 = 7; after: lightgbm 3×4+5 = 17, xgboost 3×5+2 = 17, catboost 3×3+3 = 12
    expect(d.matrix!.before!.totals).toEqual({ lightgbm: 11, xgboost: 11, rules: 7 });
    expect(d.matrix!.after!.totals).toEqual({ lightgbm: 17, xgboost: 17, catboost: 12 });
    expect(d.matrix!.before!.best).toEqual(['lightgbm', 'xgboost']);
    expect(d.matrix!.bestChanged).toBe(false);
    expect(d.matrix!.totals).toEqual([
      { option: 'lightgbm', from: 11, to: 17 },
      { option: 'xgboost', from: 11, to: 17 },
      { option: 'rules', from: 7, to: null },
      { option: 'catboost', from: null, to: 12 },
    ]);
    expect(d.matrix!.scores).toContainEqual({ option: 'lightgbm', criterion: 'cost', from: 3, to: null });
    expect(d.matrix!.scores).toContainEqual({ option: 'lightgbm', criterion: 'latency', from: null, to: 5 });
    expect(d.rings).toEqual([{ option: 'lightgbm', blip: 'lightgbm', from: 'Trial', to: 'Adopt' }]);
    expect(d.supersedes).toEqual({ added: ['4'], removed: [] });
    expect(d.revisitBy).toEqual({ from: '2024-06-01', to: '2025-01-01' });
    expect(report.summary).toMatchObject({ statusChanges: 1, optionChanges: 1, matrixChanges: 1 });
  });

  it('says when the best option changed, and shows the matrix delta compactly in the markdown', () => {
    const tipped = head.replace('{ accuracy: 5, latency: 2 }', '{ accuracy: 5, latency: 4 }');
    const report = review(head, tipped);
    const d = report.decisions[0];
    expect(d.matrix).toMatchObject({ bestChanged: true, totals: [{ option: 'xgboost', from: 17, to: 19 }], scores: [{ option: 'xgboost', criterion: 'latency', from: 2, to: 4 }] });
    expect(d.matrix!.after!.best).toEqual(['xgboost']);
    const md = renderReviewMarkdown(report);
    const section = md.slice(md.indexOf('### Decisions'));
    expect(section.split('\n').slice(0, 10)).toEqual([
      '### Decisions',
      '',
      '#### 12. Pick a ranking model (`0012-pick-a-ranking-model.md`)',
      '',
      '- Radar: option `lightgbm` → blip `lightgbm` moved **Trial → Adopt** since the decision',
      '- Matrix: best `lightgbm`, `xgboost` → `xgboost` (**best option changed**)',
      '',
      '| Option | Total before → after | Score changes |',
      '|---|---:|---|',
      '| `xgboost` ★ | 17 → 19 | `latency` 2 → 4 |',
    ]);
  });

  it('leaves prose-only edits out of the decision diff', () => {
    const report = review(base, base.replace('# Pick a ranking model', '# Pick a ranking model\n\nMore context.'), false);
    expect(report.changes.map((c) => c.kind)).toEqual(['edited']);
    expect(report.decisions).toEqual([]);
    expect(renderReviewMarkdown(report)).not.toContain('### Decisions');
  });
});
