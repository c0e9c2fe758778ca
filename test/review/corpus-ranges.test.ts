import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/index.js';
import { CORPUS, sharedCorpusClone } from '../helpers/corpus.js';
import type { ReviewReport } from '../../src/model/review.js';

/**
 * Real ranges with merges from the corpus bundles. `collisions` are the ones checked by hand:
 * each is a number two records really share once the range is merged (the merge commit or a later
 * "fix conflicting numbers" commit renamed one of them).
 */
const RANGES: Array<{ bundle: string; dir: string; base: string; head: string; collisions: string[] }> = [
  // the branch tip with 0056-lodash; master renamed it 0057 while adding another 0056: one 56, no collision
  { bundle: 'transcom__mymove', dir: 'docs/adr', base: '25dc778', head: 'HEAD', collisions: [] },
  // PR #238 adds 0024-ami-lookups while main gained 0024-move-publicapi-away-from-frontend-lb
  { bundle: 'alphagov__govuk-aws', dir: '.', base: 'b7fe13c', head: 'ac650dd', collisions: ['0024-ami-lookups.md=0024-move-publicapi-away-from-frontend-lb.md@base'] },
  { bundle: 'alphagov__govuk-aws', dir: '.', base: 'HEAD~40', head: 'HEAD', collisions: [] },
  // 37 merges; ADR025 and ADR041 are still used twice at head
  {
    bundle: 'alphagov__forms',
    dir: 'ADR',
    base: 'HEAD~60',
    head: 'HEAD',
    collisions: ['ADR025-use-aasm-to-manage-form-state.md=ADR025-remove-papertrail.md@head', 'ADR041-use-activerecord-encryption.md=ADR041-grant-review-apps-workflow-pull-request-write-access.md@head'],
  },
  { bundle: 'ministryofjustice__cloud-platform', dir: '.', base: 'HEAD~40', head: 'HEAD', collisions: [] },
  // The operator category really repeats four numbers at head (corpus README: `ODH-ADR-Operator-0007` ×2,
  // `0009` ×2, `0011` ×2, `0012` ×2); the range adds one record of each pair.
  {
    bundle: 'opendatahub-io__architecture-decision-records',
    dir: 'architecture-decision-records/operator',
    base: 'HEAD~60',
    head: 'HEAD',
    collisions: [
      'ODH-ADR-Operator-0007-components-version-mapping.md=ODH-ADR-Operator-0007-auth-crd.md@head',
      'ODH-ADR-Operator-0009-observability-tracing-strategy.md=ODH-ADR-Operator-0009-connection-api.md@head',
      'ODH-ADR-Operator-0011-observability-metrics-autoscaling.md=ODH-ADR-Operator-0011-Perses-dashboard-guidelines.md@head',
      'ODH-ADR-Operator-0012-module-onboarding.md=ODH-ADR-Operator-0012-gateway-api-authentication-architecture.md@head',
    ],
  },
];

const present = RANGES.every((r) => existsSync(join(CORPUS, `${r.bundle}.bundle`)));
if (!present) console.log(`skipped: corpus review ranges (${CORPUS} not found)`);

describe.skipIf(!present)('review on real ranges with merges (corpus)', () => {
  const clones = new Map<string, string>();
  beforeAll(() => {
    for (const bundle of new Set(RANGES.map((r) => r.bundle))) clones.set(bundle, sharedCorpusClone(bundle));
  });

  for (const range of RANGES) {
    it(`${range.bundle} ${range.dir} ${range.base}..${range.head}: only real collisions, no broken link to a file that exists at head`, async () => {
      const cwd = clones.get(range.bundle)!;
      const { stdout, stderr } = await runCli(['review', '--base', range.base, '--head', range.head, '--dir', range.dir, '--format', 'json'], { cwd, now: Date.UTC(2026, 11, 1) });
      expect(stderr).toBe('');
      const report = JSON.parse(stdout) as ReviewReport;
      expect(report.collisions.map((c) => `${c.file}=${c.otherFile}@${c.otherIn}`)).toEqual(range.collisions);
      const head = new Set(execFileSync('git', ['ls-tree', '-r', '--name-only', range.head], { cwd, encoding: 'utf8' }).split('\n'));
      for (const f of report.findings.filter((x) => x.ruleId === 'link-target' && x.severity === 'error')) {
        const href = /^link target "([^"]+)" does not exist/.exec(f.message)?.[1];
        if (!href) continue; // broken record references are checked by the lint tests
        const target = posix.normalize(posix.join(posix.dirname(f.file), decodeURIComponent(href.replace(/[#?].*$/, ''))));
        expect(head.has(target), `${f.file}: ${f.message}`).toBe(false);
      }
    });
  }
});
