import { parseRecord } from '../../src/parse/record.js';
import type { SiteInput, SiteRadar, SiteRecord } from '../../src/site/types.js';

/** A site record from markdown text, with fixed dates. */
export function siteRecord(path: string, text: string, extra: Partial<SiteRecord> = {}): SiteRecord {
  const { record } = parseRecord(path, text);
  return { record, file: `adr/${path}`, section: 'adr', created: '2024-01-01T10:00:00+01:00', updated: '2024-02-01T10:00:00+01:00', authors: ['Ada'], statusHistory: [], ...extra };
}

export const NATIVE = `---
title: Use gradient boosting for churn scoring
status: accepted
date: 2024-03-01
deciders: [Ada, Grace]
tags: [ml, churn]
supersedes: [2]
criteria:
  - { id: accuracy, name: Accuracy, weight: 3 }
  - { id: cost, name: Running cost, weight: 1 }
options:
  - { id: xgb, name: XGBoost, blip: xgboost, scores: { accuracy: 4, cost: 3 } }
  - { id: lr, name: Logistic regression, ring: Adopt, scores: { accuracy: 2, cost: 5 } }
  - { id: nn, name: Neural network, blip: pytorch, scores: { accuracy: 5, cost: 1 } }
chosen: xgb
---
# Use gradient boosting for churn scoring

## Context

Churn scoring needs an explainable model. See [the old decision](0002-use-rules.md).

## Decision

We use **XGBoost**.
`;

/** A small decision log: a native record with options, a superseded Nygard record, a proposed MADR one. */
export function sampleInput(radar?: SiteRadar): SiteInput {
  return {
    title: 'Demo decision log',
    baseUrl: '',
    repositoryUrl: 'https://github.com/example/demo',
    sections: [{ name: 'adr', dir: 'adr' }],
    records: [
      siteRecord('0001-use-gradient-boosting.md', NATIVE, {
        statusHistory: [
          { status: 'proposed', statusText: 'proposed', date: '2024-02-20T09:00:00+01:00', hash: 'a'.repeat(40) },
          { status: 'accepted', statusText: 'accepted', date: '2024-03-01T09:00:00+01:00', hash: 'b'.repeat(40) },
        ],
      }),
      siteRecord('0002-use-rules.md', '# 2. Use rules\n\nDate: 2023-05-01\n\n## Status\n\nSuperseded by [1](0001-use-gradient-boosting.md)\n\n## Context\n\nRules were enough.\n', { created: '2023-05-01T08:00:00Z' }),
      siteRecord('0003-feature-store.md', '---\nstatus: proposed\ndate: 2024-06-10\ntags: [platform]\n---\n# Adopt a feature store\n\n## Context and Problem Statement\n\nFeatures are duplicated across teams.\n'),
    ],
    radar,
  };
}

export const RADAR: SiteRadar = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="Radar"><circle cx="50" cy="50" r="40" fill="none" stroke="currentColor"/></svg>',
  edition: '2024',
  blips: [
    { number: 1, id: 'xgboost', name: 'XGBoost', ring: 'Adopt', quadrant: 'Techniques', chose: ['0001-use-gradient-boosting'], considered: [] },
    { number: 2, id: 'pytorch', name: 'PyTorch', ring: 'Trial', quadrant: 'Tools', chose: [], considered: ['0001-use-gradient-boosting'] },
  ],
};
