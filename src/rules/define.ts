import type { z } from 'zod';
import type { Position, Severity } from '../model/finding.js';
import type { DecisionRecord, RecordFormat } from '../model/record.js';
import type { RecordHistory } from '../history/parse-log.js';
import type { RadarSet } from '../radar/resolve.js';

/** A mechanical fix: a pure edit of one record file's text. */
export interface Fix {
  /** Record path relative to the log folder (`0003-x.md`): the file to edit. */
  target: string;
  /** Returns the new text; must be idempotent. */
  edit(text: string): string;
}

/** What a rule reports. The engine turns `path` into `line:col` and the message id into text. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** Frontmatter key path (`options[2].blip`), `section:<Heading>`, `title`, `status`, `date` or `body`. */
  path?: string;
  /** Explicit position, when the rule knows it better than a key path. */
  position?: Position;
  /**
   * Caps the finding's severity below the rule's (e.g. an `info` "cannot check" next to real
   * errors). The configured severity still wins when it is lower.
   */
  severity?: Severity;
  fix?: Fix;
}

/** Metadata of a rule (ESLint-style `meta`): everything but the checking logic. */
export interface RuleMeta<O extends z.ZodType = z.ZodType> {
  /** kebab-case id, also the file name `src/rules/<id>.ts`. */
  id: string;
  description: string;
  /** Severity when the configuration does not say. */
  severity: Severity;
  fixable: boolean;
  /** `record`: checks one record at a time; `log`: checks the decision log as a whole. */
  scope: 'record' | 'log';
  /** Formats the rule applies to; all when absent. */
  formats?: RecordFormat[];
  /** Message templates by id; `{{name}}` is replaced by `data.name`. */
  messages: Record<string, string>;
  /** zod schema of the rule options (defaults applied); also documents them. */
  options?: O;
  /** Longer explanation for the generated docs (markdown). */
  docs?: string;
  /** The rule reads git history (`RuleRecord.history`); lint runs one `git log` pass only when such a rule is on. */
  needsHistory?: boolean;
}

/** A record as rules see it. */
export interface RuleRecord {
  record: DecisionRecord;
  /** Path of the file relative to the working directory. */
  file: string;
  /** Raw file text. */
  text: string;
  hasFrontmatter: boolean;
  /** git history of the file, when available. */
  history?: RecordHistory;
}

/** Facts shared by all rules of one lint run. */
export interface RuleEnvironment {
  /** Today as `YYYY-MM-DD` (UTC), from the injected clock. */
  today: string;
  /** Every record of the log (cross-record rules always see the whole log). */
  records: RuleRecord[];
  /** The loaded radars (see src/radar), when lint loaded any. */
  radar?: RadarSet;
  /**
   * Every file under the decision log folder(s), relative to the working directory with `/`
   * separators (records, images, index files), for rules that check link targets. When absent,
   * only the record files are known.
   */
  files?: ReadonlySet<string>;
  /** Decision log folders relative to the working directory (`.` for the working directory itself). */
  logDirs?: string[];
  /**
   * Every file of the repository (tracked and untracked, not ignored), relative to the working
   * directory with `/` separators, for rules that check `applies-to` globs. Absent when not listed.
   */
  repositoryFiles?: readonly string[];
}

export interface RecordRuleContext<Options> extends RuleEnvironment {
  target: RuleRecord;
  options: Options;
  report(report: Report): void;
}

export interface LogRuleContext<Options> extends RuleEnvironment {
  options: Options;
  /**
   * The records findings are wanted for (all of `records` unless lint was given a subset of files,
   * as in pre-commit): a rule that checks records one by one against the log loops over these.
   */
  targets: RuleRecord[];
  report(target: RuleRecord, report: Report): void;
}

/** A lint rule: metadata plus a check function. */
export type Rule<O extends z.ZodType = z.ZodType> =
  | { meta: RuleMeta<O> & { scope: 'record' }; check(ctx: RecordRuleContext<z.output<O>>): void }
  | { meta: RuleMeta<O> & { scope: 'log' }; check(ctx: LogRuleContext<z.output<O>>): void };

/**
 * Declares a lint rule (identity function that keeps the types). One rule per file in
 * `src/rules/`, default-exported, listed in `src/rules/index.ts`.
 */
export function defineRule<O extends z.ZodType = z.ZodType<Record<string, never>>>(rule: {
  meta: RuleMeta<O> & { scope: 'record' };
  check(ctx: RecordRuleContext<z.output<O>>): void;
}): Rule<O>;
export function defineRule<O extends z.ZodType = z.ZodType<Record<string, never>>>(rule: {
  meta: RuleMeta<O> & { scope: 'log' };
  check(ctx: LogRuleContext<z.output<O>>): void;
}): Rule<O>;
export function defineRule(rule: Rule): Rule {
  return rule;
}
