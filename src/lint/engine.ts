import type { Finding, Severity } from '../model/finding.js';
import type { RuleSetting } from '../model/config.js';
import type { ParsedRecord } from '../parse/record.js';
import type { Fix, Report, Rule, RuleRecord } from '../rules/define.js';
import type { RecordHistory } from '../history/parse-log.js';
import type { RadarSet } from '../radar/resolve.js';
import { readDisables } from './disables.js';

/** A record handed to the engine. */
export interface LintInput extends ParsedRecord {
  file: string;
  /** Absolute path of the file. */
  absPath: string;
  text: string;
  history?: RecordHistory;
}

/** Options of {@link lint}. */
export interface LintOptions {
  rules: Rule[];
  /** Rule settings from the configuration, by rule id. */
  settings?: Record<string, RuleSetting>;
  /** Only report on these files (paths as in `LintInput.file`); cross-record rules still see all records. */
  only?: Set<string>;
  /** Only run these rule ids (`--rule`). */
  ruleFilter?: Set<string>;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The loaded radars, for the `radar-*` rules. */
  radar?: RadarSet;
  /** Every file under the log folder(s), relative to the working directory (see `RuleEnvironment.files`). */
  files?: ReadonlySet<string>;
  /** Log folders relative to the working directory. */
  logDirs?: string[];
  /** Every file of the repository, relative to the working directory (see `RuleEnvironment.repositoryFiles`). */
  repositoryFiles?: readonly string[];
  /** Memo of record-rule findings (never used with fixes: fixes are functions, not data). */
  memo?: FindingsMemo;
  /** Files that could not be read at all. */
  unreadable?: Array<{ file: string; message: string }>;
}

/**
 * Findings of the record-scope rules that read nothing but the record itself (no git history),
 * kept between runs by the caller: the key (content, configuration, radar, day) lives there.
 */
export interface FindingsMemo {
  get(file: string): Finding[] | undefined;
  set(file: string, findings: Finding[]): void;
}

/** A finding with its optional fix. */
export interface LintFinding extends Finding {
  fix?: Fix;
}

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** Parse problems after which the record's metadata is unknown (the frontmatter did not parse). */
const UNREAD_METADATA = new Set<string>(['yaml', 'unclosed', 'not-a-map']);

/** Parse problem codes reported under the `parse` pseudo-rule. */
export const PARSE_RULE = 'parse';

/** True when the record's frontmatter block exists but could not be read (its data is empty). */
function unreadableFrontmatter(input: LintInput): boolean {
  return input.problems.some((p) => p.code === 'yaml' || p.code === 'not-a-map' || p.code === 'unclosed');
}

/**
 * Runs lint rules over a decision log. Pure: records, history and clock come in, findings come
 * out, sorted by file, line, column. Applies configured severities (`off` drops a rule), rule
 * options (validated with each rule's zod schema; bad options throw), inline disables, and the
 * `only` subset. A record whose frontmatter cannot be read gets only its `parse` finding.
 *
 * @throws Error with a message naming the rule when its configured options are invalid.
 */
export function lint(records: LintInput[], options: LintOptions): LintFinding[] {
  const findings: LintFinding[] = [];
  // `text` stays lazy: a cached record reads its file only when a rule or a disable check needs it.
  const targets: RuleRecord[] = records.map((r) =>
    Object.defineProperty({ record: r.record, file: r.file, hasFrontmatter: r.hasFrontmatter, history: r.history } as RuleRecord, 'text', { enumerable: true, get: () => r.text }),
  );
  const byFile = new Map(records.map((r) => [r.file, r]));
  const disables = new Map<string, ReturnType<typeof readDisables>>();
  const wanted = (file: string) => !options.only || options.only.has(file);
  const disabled = (file: string, ruleId: string, line: number) => {
    let d = disables.get(file);
    if (!d) {
      d = readDisables(byFile.get(file)?.text ?? '');
      disables.set(file, d);
    }
    return d.isDisabled(ruleId, line);
  };

  for (const u of options.unreadable ?? []) {
    if (wanted(u.file)) findings.push({ ruleId: PARSE_RULE, severity: 'error', file: u.file, line: 1, column: 1, message: u.message });
  }
  const parseSetting = options.settings?.[PARSE_RULE];
  const parseConfigured = Array.isArray(parseSetting) ? parseSetting[0] : parseSetting;
  if ((!options.ruleFilter || options.ruleFilter.has(PARSE_RULE)) && parseConfigured !== 'off') {
    for (const r of records) {
      if (!wanted(r.file)) continue;
      for (const p of r.problems) {
        const severity: Severity = parseConfigured ?? (p.code === 'bom' || p.code === 'too-large' ? 'warn' : 'error');
        findings.push({ ruleId: PARSE_RULE, severity, file: r.file, line: p.line, column: p.column, message: p.message });
      }
    }
  }

  // A record whose frontmatter could not be read gets the parse finding only: every rule would
  // otherwise report the metadata it could not see ("no status", "no title").
  const unreadMetadata = new Set(records.filter((r) => r.problems.some((p) => UNREAD_METADATA.has(p.code))).map((r) => r.file));
  const reported = options.only ? targets.filter((t) => options.only!.has(t.file)) : targets;
  // Record rules that depend on the record alone can be answered from the memo.
  const memoable = (rule: Rule) => rule.meta.scope === 'record' && !rule.meta.needsHistory;
  const remembered = new Set<string>();
  const fresh = new Map<string, LintFinding[]>();
  if (options.memo) {
    for (const target of reported) {
      const known = options.memo.get(target.file);
      if (!known) {
        fresh.set(target.file, []);
        continue;
      }
      remembered.add(target.file);
      findings.push(...known.filter((f) => !options.ruleFilter || options.ruleFilter.has(f.ruleId)));
    }
  }
  const env = { today: options.today, records: targets, radar: options.radar, files: options.files, logDirs: options.logDirs, repositoryFiles: options.repositoryFiles };
  for (const rule of options.rules) {
    const { meta } = rule;
    if (options.ruleFilter && !options.ruleFilter.has(meta.id)) continue;
    const setting = options.settings?.[meta.id];
    const configured = Array.isArray(setting) ? setting[0] : setting;
    if (configured === 'off') continue;
    const severity: Severity = configured ?? meta.severity;
    const ruleOptions = parseRuleOptions(rule, Array.isArray(setting) ? setting[1] : undefined);
    const applies = (t: RuleRecord) => !meta.formats || meta.formats.includes(t.record.format);
    const push = (target: RuleRecord, report: Report) => {
      if (!wanted(target.file) || unreadMetadata.has(target.file)) return;
      const input = byFile.get(target.file);
      // A record whose frontmatter could not be read gets its one `parse` finding, nothing
      // computed from the empty data that stands in for it.
      if (input && unreadableFrontmatter(input)) return;
      const pos = report.position ?? input?.locate(report.path ?? 'body') ?? { line: 1, column: 1 };
      if (disabled(target.file, meta.id, pos.line)) return;
      const finding: LintFinding = {
        ruleId: meta.id,
        severity: report.severity && RANK[report.severity] < RANK[severity] ? report.severity : severity,
        file: target.file,
        line: pos.line,
        column: pos.column,
        message: formatMessage(meta.messages[report.messageId] ?? report.messageId, report.data),
      };
      if (report.path) finding.path = report.path;
      if (report.fix) {
        finding.fixable = true;
        finding.fix = report.fix;
      }
      findings.push(finding);
      if (memoable(rule)) fresh.get(target.file)?.push(finding);
    };
    if (rule.meta.scope === 'record') {
      const check = rule.check as (ctx: unknown) => void;
      for (const target of reported) {
        if (!applies(target) || (memoable(rule) && remembered.has(target.file))) continue;
        check({ ...env, target, options: ruleOptions, report: (report: Report) => push(target, report) });
      }
    } else {
      const check = rule.check as (ctx: unknown) => void;
      check({ ...env, targets: reported, options: ruleOptions, report: (target: RuleRecord, report: Report) => applies(target) && push(target, report) });
    }
  }
  // Only a run of every rule gives a record's complete findings; a `--rule` run is not remembered.
  if (options.memo && !options.ruleFilter) for (const [file, list] of fresh) options.memo.set(file, list.map(({ fix: _fix, ...finding }) => finding));
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1)));
}

function parseRuleOptions(rule: Rule, raw: Record<string, unknown> | undefined): unknown {
  if (!rule.meta.options) return raw ?? {};
  const result = rule.meta.options.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RuleOptionsError(rule.meta.id, `${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  return result.data;
}

/** Invalid options for a rule in the configuration. */
export class RuleOptionsError extends Error {
  constructor(
    readonly ruleId: string,
    detail: string,
  ) {
    super(`invalid options for rule ${ruleId}: ${detail}`);
  }
}

/** Replaces `{{name}}` placeholders with data values. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(data[key] ?? `{{${key}}}`));
}
