import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, corpusDir } from '../../scripts/corpus-lib.mjs';
import { sharedCorpusClone } from '../helpers/corpus.js';
import { runCli } from '../helpers/index.js';

/**
 * `adrkit lint` on every corpus log, as its team would run it (repository root, no config):
 * every error left is listed here with why it is true. A new error (a false alarm) or a listed
 * one that disappears fails the test. Warnings and info are not listed.
 */
type Expected = [rule: string, file: string, count: number, why: string];

const BY_COLLECTION: Record<string, Expected[]> = {
  alphagov__forms: [
    ['duplicate-number', 'ADR/ADR025-remove-papertrail.md', 1, 'two records numbered ADR025 in ADR/ (README: duplicate numbers at the tip)'],
    ['duplicate-number', 'ADR/ADR025-use-aasm-to-manage-form-state.md', 1, 'the other ADR025'],
    ['duplicate-number', 'ADR/ADR041-grant-review-apps-workflow-pull-request-write-access.md', 1, 'two records numbered ADR041'],
    ['duplicate-number', 'ADR/ADR041-use-activerecord-encryption.md', 1, 'the other ADR041'],
    ['known-status', 'ADR/ADR030-use-aws-lambda-to-run-glue-code.md', 1, 'status is the unfilled template "> Accepted or Rejected"'],
    ['known-status', 'ADR/ADR031-use-pagerduty.md', 1, 'unfilled template status'],
    ['known-status', 'ADR/ADR032-use-statuspage.md', 1, 'unfilled template status'],
    ['link-target', 'ADR/ADR004-store-form-schemas-in-an-api.md', 1, 'links ADR045-use-forms-api.md, which never existed (README: links to a non-existent file)'],
    ['link-target', 'ADR/ADR013-use-paper-trail-gem-for-auditing-and-record-backups.md', 1, '"Superseded by ADR025" is ambiguous: two records are numbered 25'],
    ['link-target', 'ADR/ADR018-use-govuk-organisation-api.md', 1, 'links ./AD015-idp-authentication (typo, no such file)'],
  ],
  'arachne-framework__architecture': [
    ['link-target', 'adr-006-core-runtime.md', 2, 'links module-loading.md, which does not exist (README: broken relative links)'],
    ['link-target', 'adr-007-configuration-updates.md', 1, 'link without .md'],
    ['link-target', 'adr-008-abstract-modules.md', 1, 'wrong case ADR-004-module-loading.md'],
  ],
  'cisagov__manage.get.gov': [
    ['valid-date', '0023-use-geventconnpool.md', 1, 'Date: 2023-13-10 has month and day swapped'],
    ['valid-date', '0025-caching.md', 1, 'Date: 2024-14-02 has month and day swapped'],
  ],
  fluxcd__flux2: [
    ['known-status', 'rfcs/0001-authorization/README.md', 1, 'the only RFC without a status line in a log where every other RFC has one'],
    ['valid-date', 'rfcs/0007-git-repo-passwordless-auth/README.md', 1, 'Creation date: 2023-31-07 has month and day swapped'],
  ],
  'hyperledger__identus-cloud-agent': [
    ['known-status', '20230206-use-flyway-to-manage-migrations-for-application-services.md', 1, 'status is the unfilled template "[ accepted | deprecated | … ]"'],
    ['known-status', '20230206-use-scala3-instead-of-scala2-to-write-applications.md', 1, 'unfilled template status'],
    ['known-status', '20230206-use-zio-as-a-functional-effect-system-within-applications-to-manage-conccurency.md', 1, 'unfilled template status'],
  ],
  hypernetix__hyperspot: [['known-status', 'docs/adrs/modkit/0002-modkit-auth-client-with-aliri.md', 1, 'the one record with no metadata at all (README)']],
  'microsoft__semantic-kernel': [
    ...['0021-aiservice-metadata', '0021-json-serializable-custom-types', '0023-handlebars-template-engine', '0023-kernel-streaming', '0025-chat-content-models', '0025-planner-telemetry-enhancement', '0046-azure-model-as-a-service', '0046-java-repository-separation', '0046-kernel-content-graduation', '0051-dotnet-azure-model-as-a-service', '0051-entity-framework-as-connector', '0072-agents-with-memory', '0072-context-based-function-selection'].map(
      (slug): Expected => ['duplicate-number', `docs/decisions/${slug}.md`, 1, 'duplicate numbers at the tip (README: 0046 ×3; 0021, 0023, 0025, 0051, 0072 ×2)'],
    ),
    ['known-status', 'docs/decisions/0024-connectors-api-equalization.md', 1, 'no frontmatter and no status, in a log where the other records have one'],
    ['valid-date', 'docs/decisions/0036-semantic-kernel-release-versioning.md', 1, 'date: 2024-023-2706 is not a date'],
  ],
  'ministryofjustice__cloud-platform': ['028-Repo-vulnerability-scanning.md', '029-Kubernetes-security-config-auditing.md', '030-AWS-root-user-security.md', '031-Image-vulnerability-scanning.md'].map(
    (file): Expected => ['known-status', file, 1, 'sign-post stub without a status (README: content kept in private documents)'],
  ),
  'opendatahub-io__architecture-decision-records': [
    ...['0007-auth-crd', '0007-components-version-mapping', '0009-connection-api', '0009-observability-tracing-strategy', '0011-Perses-dashboard-guidelines', '0011-observability-metrics-autoscaling', '0012-gateway-api-authentication-architecture', '0012-module-onboarding'].map(
      (slug): Expected => ['duplicate-number', `architecture-decision-records/operator/ODH-ADR-Operator-${slug}.md`, 1, 'operator/ repeats numbers 0007, 0009, 0011, 0012 (README)'],
    ),
    ['known-status', 'architecture-decision-records/operator/ODH-ADR-Operator-0008-resources-lifecycle.md', 1, 'Status: TBD (no status chosen yet)'],
    ['link-target', 'architecture-decision-records/automated-red-teaming/ODH-ADR-ART-001.md', 1, 'images/art_flow.jpg was stripped from the bundle (README: > 500 KB)'],
    ['link-target', 'architecture-decision-records/automl/ODH-ADR-0001-automl.md', 1, '../../documentation/… lies outside the extracted folder: absent from the bundle by construction'],
    ['link-target', 'architecture-decision-records/autorag/ODH-ADR-0001-autorag.md', 11, 'links to ../../documentation/…, absent from the bundle by construction'],
    ['link-target', 'architecture-decision-records/operator/ODH-ADR-Operator-0009-connection-api.md', 3, 'links to ../../documentation/…, absent from the bundle by construction'],
    ['link-target', 'architecture-decision-records/operator/ODH-ADR-Operator-0009-observability-tracing-strategy.md', 1, 'links to ../../documentation/…, absent from the bundle by construction'],
  ],
  'pass-culture__pass-culture-app-native': [
    ['duplicate-number', 'doc/decision-records/DR003 - queries.md', 1, 'two files are DR003 (README)'],
    ['duplicate-number', 'doc/decision-records/DR003 - remote-config.md', 1, 'the other DR003'],
    ['known-status', 'doc/decision-records/DR003 - queries.md', 1, 'no status, where every other record has one (README)'],
    ['known-status', 'doc/decision-records/DR009 - accessibility-audit.md', 1, 'a one-line link stub without a status'],
  ],
  transcom__mymove: [
    ['link-target', 'docs/adr/0028-config-management.md', 1, '[flag](github.com/namsral/flag): a URL without its scheme is a relative path that does not exist'],
    ['link-target', 'docs/adr/0033-service-object-layer.md', 1, '[pkg/models]((https://…)): a doubled parenthesis makes the target "(https://…"'],
    ['link-target', 'docs/adr/0065-use-office-app-for-prime-ui.md', 1, '[Use Query Builder for⏎Admin Interface](035-us-query-builder.md), a link whose text spans two lines: no 035-us-query-builder.md (the record is 0035-use-query-builder.md)'],
  ],
};

const dir: string = corpusDir(resolve(__dirname, '..', '..'));
const names: string[] = collections(dir);
if (names.length === 0) console.info(`corpus lint: ${dir} is absent; skipping`);

describe.skipIf(names.length === 0)('lint on the shared corpus reports only true errors', () => {
  const errors = new Map<string, string[]>();
  beforeAll(async () => {
    for (const name of names) {
      const repo = sharedCorpusClone(name, dir);
      const result = await runCli(['lint', '--format', 'json', '--no-cache', '--quiet'], { cwd: repo, now: Date.UTC(2026, 11, 2) });
      const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; severity: string }> };
      const counts = new Map<string, number>();
      for (const f of report.findings.filter((f) => f.severity === 'error')) counts.set(`${f.ruleId} ${f.file}`, (counts.get(`${f.ruleId} ${f.file}`) ?? 0) + 1);
      errors.set(name, [...counts].map(([key, n]) => `${key} ×${n}`).sort());
    }
  }, 600_000);

  it.each(names)('%s: every error is a listed true finding', (name) => {
    const expected = (BY_COLLECTION[name] ?? []).map(([rule, file, n]) => `${rule} ${file} ×${n}`).sort();
    expect(errors.get(name)).toEqual(expected);
  });
});
