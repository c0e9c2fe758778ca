/**
 * adrkit as a library: the same model, parser, rules, radar, history and site the CLI uses.
 *
 * ```ts
 * import { openProject, readProjectLogs, listLogFiles, lint, RULES } from 'adrkit';
 * const project = await openProject(process.cwd());
 * const records = readProjectLogs(project).flatMap((log) => log.records);
 * const files = await listLogFiles(process.cwd(), project.dirs);
 * const findings = lint(records, { rules: RULES, today: '2026-11-21', files });
 * ```
 *
 * The pure core (model, `parseRecord`, `lint`, `buildSite`, `buildReview`) does no IO; the
 * functions that read files or run git say so in their docs.
 *
 * @packageDocumentation
 */

// Model: the decision record, statuses, radar, configuration, findings.
export type { BodyLink, Criterion, DecisionRecord, Option, RecordFormat, RecordRef, Relation, Section } from './model/record.js';
export { Frontmatter, RELATIONS } from './model/record.js';
export { normaliseStatus, STATUSES, type NormalisedStatus, type Status } from './model/status.js';
export type { Blip, Radar, RadarEdition, Ring, RingStance } from './model/radar.js';
export { Config, type RuleSetting } from './model/config.js';
export { defineConfig, type ConfigInput } from './config/define.js';
export { loadConfig, type LoadedConfig } from './config/load.js';
export type { Finding, Position, Severity } from './model/finding.js';
export { AdrkitError } from './model/errors.js';

// Parsing (pure) and reading decision logs (IO).
export { parseRecord, looksLikeTemplate, type ParsedRecord, type ParseProblem } from './parse/record.js';
export { readLog, type DecisionLog, type LoadedRecord, type UnreadableFile } from './workspace/read-log.js';
export { openProject, readProjectLogs, type Project } from './workspace/project.js';
export { RecordCache } from './workspace/record-cache.js';
export { listLogFiles } from './workspace/log-files.js';

// Lint.
export { lint, formatMessage, RuleOptionsError, type LintFinding, type LintInput, type LintOptions } from './lint/engine.js';
export { RULES } from './rules/index.js';
export { defineRule, type Rule, type RuleRecord, type RuleMeta, type RuleEnvironment } from './rules/define.js';
export { REPORTERS } from './render/reporters/index.js';

// Technology radar.
export { loadRadars, BUILTIN_RADARS, DEFAULT_RADARS } from './radar/load.js';
export { resolveBlip, type RadarSet } from './radar/resolve.js';
export { blipUsage, optionBlips } from './radar/usage.js';

// Decision history from git (IO).
export { readLogHistory, readBlobs, repoInfo } from './history/git.js';
export { gitBlobId, statusHistory } from './history/status-history.js';

// The decision-log site.
export { buildSite, planSite, CSP } from './site/build.js';
export { collectSite, type CollectedSite, type SiteSettings } from './site/io/collect.js';
export { loadSiteTemplates } from './site/io/templates.js';
export { writeSite, writeSiteAsync } from './site/io/write.js';
export { SiteSession } from './site/incremental.js';
export type { SiteDecisionRecord, SiteFiles, SiteInput, SiteRadar, SiteRecord, SiteSection, SiteTemplates } from './site/types.js';

// Pull-request review.
export { buildReview } from './review/build.js';

// The command line, for embedding (`run(argv, io)` returns the exit code).
export { run } from './cli/program.js';
