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
export { STATUSES, type Status } from './model/status.js';
export type { Blip, Radar, RadarEdition, Ring, RingStance } from './model/radar.js';
export { Config, type RuleSetting } from './model/config.js';
export { defineConfig, type ConfigInput } from './config/define.js';
export { loadConfig, type LoadedConfig } from './config/load.js';
export type { Finding, Position, Severity } from './model/finding.js';
export { AdrkitError } from './model/errors.js';

// Evidence and measurable criteria (see docs/evidence.md).
export { Evidence, EVIDENCE_KINDS, ARXIV_ID, DOI, HF_REPO_ID, type EvidenceKind, type Direction } from './model/evidence.js';
export { scoreMatrix, type DecisionMatrix, type MatrixRow, type MatrixOptions } from './decision/matrix.js';
export { measuredValue, deriveScores, constraintBreaks, type Measured, type ConstraintBreak } from './decision/measure.js';
export { readEvidenceFile, detectEvidenceFormat, EVIDENCE_FILE_FORMATS, type EvidenceFileFormat, type EvidenceFileOptions } from './parse/evidence/index.js';
export { addEvidence, type EvidenceEdit } from './edit/evidence.js';

// Parsing (pure) and reading decision logs (IO).
export { parseRecord, looksLikeTemplate, type ParsedRecord, type ParseProblem, type ParseOptions } from './parse/record.js';
export { normaliseStatus, STATUS_VOCABULARY, type NormalisedStatus, type StatusMap } from './parse/status.js';
export { readDate } from './parse/dates.js';
export { readLog, type DecisionLog, type LoadedRecord, type UnreadableFile } from './workspace/read-log.js';
export { openProject, readProjectLogs, type Project } from './workspace/project.js';
export { RecordCache } from './workspace/record-cache.js';
export { applyCommitTitles, applyNavTitles, mkdocsNavTitles } from './workspace/titles.js';
export { listLogFiles } from './workspace/log-files.js';
export { lintProject, type LintProjectOptions, type LintProjectResult } from './workspace/lint-project.js';
export { reviewRefs, type ReviewRefsOptions } from './workspace/review-refs.js';
/**
 * `adrkit build` as a function: reads the project's logs, history, radars and theme, writes the
 * site atomically, and returns the files written, the output folder, counts, warnings and problems.
 * `prepareProjectSite` stops before writing (for a server or a custom writer).
 */
export { buildProject, prepareProjectSite, type BuildProjectOptions, type BuildProjectResult, type ProjectSite } from './workspace/build-project.js';
export { planNewRecord, readRecordTemplate, TEMPLATES, type NewRecordPlan, type NewRecordRequest, type TemplateName } from './workspace/new-record.js';
export { applyEdit, editDiff, planLink, planStatus, planSupersede, type PlannedEdit } from './workspace/edits.js';
export { commitWrites, type PlannedWrite } from './workspace/transaction.js';
export { readStatusHistory } from './workspace/status-history.js';

// Decisions over the log (pure).
export { filterRecords, recordSummary, type RecordFilter, type RecordSummary } from './decision/list.js';
export { matrixData, type MatrixData } from './decision/matrix.js';
export { staleRecords, type StaleRow } from './decision/stale.js';
export { appliesTo, checkGlob, globMatcher, logAppliesTo } from './model/applies-to.js';
export { governingDecisions, GOVERNING_STATUSES, type GovernsRecord } from './review/governs.js';
export { resolveRecord } from './decision/resolve.js';
export { unifiedDiff } from './util/diff.js';

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
export { readLogHistory, readLogHistories, readBlobs, repoInfo } from './history/git.js';
export type { HistorySnapshot, LogHistory, LogHistoryRequest, RepoInfo } from './history/git.js';
export { gitBlobId, statusHistory } from './history/status-history.js';

// The decision-log site.
export { SearchIndex, SEARCH_FIELDS, SEARCH_OPTIONS, type SearchDoc, type SearchHit } from './site/search.js';
export { buildSite, planSite, CSP } from './site/build.js';
export { collectSite, type CollectedSite, type SiteSettings } from './site/io/collect.js';
export { loadSiteTemplates } from './site/io/templates.js';
export { writeSite, writeSiteAsync } from './site/io/write.js';
export { SiteSession } from './site/incremental.js';
export type { SiteDecisionRecord, SiteFiles, SiteInput, SiteRadar, SiteRecord, SiteSection, SiteTemplates } from './site/types.js';

// Pull-request review.
export { buildReview } from './review/build.js';

// The MCP server (`adrkit mcp`), for embedding in another transport or process.
export { createMcpServer, serveMcp } from './mcp/server.js';
export { McpSession } from './mcp/session.js';

// The command line, for embedding (`run(argv, io)` returns the exit code).
export { run } from './cli/program.js';
