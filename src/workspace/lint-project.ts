import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { AdrkitError } from '../model/errors.js';
import { lint, RuleOptionsError, type LintFinding, type LintInput } from '../lint/engine.js';
import { RULES } from '../rules/index.js';
import { readLogHistories } from '../history/git.js';
import { fromRepoRoot, listRepoFiles, repoPrefix } from '../history/refs.js';
import { loadRadars } from '../radar/load.js';
import { lintNeedsRadars } from '../lint/needs-radars.js';
import { VERSION } from '../version.js';
import { didYouMean } from '../util/suggest.js';
import { applyFixes } from './apply-fixes.js';
import { listLogFiles } from './log-files.js';
import { openProject, readProjectLogs, requireRecords, type Project } from './project.js';
import { toPosix } from './read-log.js';
import { RecordCache } from './record-cache.js';

/** Options of {@link lintProject} (the `adrkit lint` flags). */
export interface LintProjectOptions {
  /** `--dir`: the decision log folder instead of the configured / detected one. */
  dir?: string;
  /** Files or globs (relative to `cwd`) to report on; cross-record rules still read the whole log. Empty: every record. */
  files?: string[];
  /** Only these rule ids. */
  rules?: string[];
  /** False: parse every record again (default: the parse cache under the OS temp folder). */
  cache?: boolean;
  /** Apply safe mechanical fixes, then lint again. */
  fix?: boolean;
  /** `YYYY-MM-DD`, from the caller's clock. */
  today: string;
  /** Receives one-line warnings (git history not read, …). */
  warn?: (message: string) => void;
}

/** What {@link lintProject} found. */
export interface LintProjectResult {
  project: Project;
  findings: LintFinding[];
  /** Files reported on. */
  fileCount: number;
  /** Files changed by `fix`, relative to `cwd`. */
  fixed: string[];
}

/**
 * Lints the decision log of the project at `cwd` as `adrkit lint` does: configuration, rule
 * settings, the parse cache, git history for rules that need it, the project's radars when a
 * radar rule runs, link targets, inline disables.
 *
 * @throws AdrkitError `usage` for an unknown rule id, `config` for bad rule settings,
 *   `not-found` when there is no decision log.
 */
export async function lintProject(cwd: string, options: LintProjectOptions): Promise<LintProjectResult> {
  const known = new Set(['parse', ...RULES.map((r) => r.meta.id)]);
  for (const id of options.rules ?? []) if (!known.has(id)) throw new AdrkitError('usage', `unknown rule "${id}"`, { hint: `rules: ${[...known].join(', ')}` });
  const project = await openProject(cwd, options.dir);
  const settings = project.config.config.rules ?? {};
  for (const id of Object.keys(settings)) if (!known.has(id)) throw new AdrkitError('config', `unknown rule "${id}" in configuration${didYouMean(id, known)}`, { file: project.config.filepath ? relative(cwd, project.config.filepath) : undefined, hint: `rules: ${[...known].join(', ')}` });

  let inputs: LintInput[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  const logDirs = project.dirs.map((dir) => toPosix(relative(cwd, dir)) || '.');
  const ruleOn = (id: string) => settings[id] !== 'off' && (!options.rules || options.rules.includes(id));
  // Every file under the log folders, for link targets (only listed when link-target runs).
  const logFiles = ruleOn('link-target') ? await listLogFiles(cwd, project.dirs) : new Set<string>();
  const needsHistory = RULES.some((r) => r.meta.needsHistory && ruleOn(r.meta.id));
  const cache = options.cache === false ? undefined : RecordCache.open(cwd);
  // Files given (pre-commit, lint-staged): findings only for them.
  let abs: Set<string> | undefined;
  if (options.files && options.files.length > 0) {
    abs = new Set<string>();
    for (const pattern of options.files) {
      if (isDynamicPattern(pattern)) {
        const matches = await glob(pattern, { cwd, absolute: true });
        if (matches.length === 0) throw new AdrkitError('usage', `no file matches "${pattern}"`, { hint: 'check the pattern (quote it so the shell does not expand it), or run `adrkit lint` for the whole log' });
        for (const match of matches) abs.add(resolve(match));
      } else {
        if (!existsSync(resolve(cwd, pattern))) throw new AdrkitError('usage', `no such file: ${pattern}`, { hint: 'give record files of the decision log, or run `adrkit lint` for the whole log' });
        abs.add(resolve(cwd, pattern));
      }
    }
  }
  const logs = readProjectLogs(project, { cache });
  requireRecords(logs);
  // One git log pass per repository, or only the commits since the snapshots an earlier run cached.
  const snapshots = logs.map((log) => (needsHistory ? cache?.history(log.dir) : undefined));
  const histories = needsHistory
    ? await readLogHistories(logs.map((log, i) => ({ dir: log.dir, paths: log.records.map((r) => r.record.path), snapshot: snapshots[i] })), { incremental: Boolean(cache) })
    : undefined;
  for (const warning of new Set(histories?.flatMap((h) => h.warnings))) options.warn?.(warning);
  logs.forEach((log, i) => {
    unreadable.push(...log.unreadable);
    const history = histories?.[i];
    if (cache && history?.head && history.head !== snapshots[i]?.head) cache.saveHistory(log.dir, history.head, history.records);
    // Object.assign keeps cached records' lazy `text` (a spread would read every file).
    inputs.push(...log.records.map((r) => Object.assign(r, { history: history?.records.get(r.record.path) })));
  });
  let only: Set<string> | undefined;
  if (abs) {
    const selected = inputs.filter((i) => abs.has(i.absPath));
    only = new Set(selected.map((i) => i.file));
    for (const u of unreadable) if (abs.has(resolve(cwd, u.file))) only.add(u.file);
  }
  const radar = lintNeedsRadars(RULES.map((r) => r.meta.id), settings, options.rules, inputs) ? loadRadars(cwd, project.config.config.radars) : undefined;
  const repositoryFiles = ruleOn('applies-to-unmatched') && inputs.some((i) => i.record.frontmatter['applies-to'] !== undefined) ? await listRepositoryFiles(cwd) : undefined;
  const today = options.today;
  // Record-rule findings are remembered per record content for this exact configuration.
  const memoKey = createHash('sha1').update(JSON.stringify([VERSION, settings, project.config.config.statuses ?? null, RULES.map((r) => r.meta.id), today, radar ?? null])).digest('hex');
  const memo = cache && !options.fix ? cache.findingsMemo(new Map(inputs.map((i) => [i.file, i.absPath])), memoKey) : undefined;
  const run = () => {
    try {
      return lint(inputs, { rules: RULES, settings, only, ruleFilter: options.rules ? new Set(options.rules) : undefined, today, unreadable, files: logFiles, logDirs, repositoryFiles, radar, memo });
    } catch (error) {
      if (error instanceof RuleOptionsError) throw new AdrkitError('config', error.message, { file: project.config.filepath });
      throw error;
    }
  };
  let findings = run();
  let fixed: string[] = [];
  if (options.fix) {
    fixed = applyFixes(findings, inputs);
    if (fixed.length > 0) {
      const histories = new Map(inputs.map((i) => [i.absPath, i.history]));
      inputs = readProjectLogs(project).flatMap((log) => log.records.map((r) => Object.assign(r, { history: histories.get(r.absPath) })));
      findings = run();
    }
  }
  cache?.save();
  return { project, findings, fileCount: only?.size ?? inputs.length, fixed };
}

/** Every file of the git repository at `cwd`, relative to `cwd` (posix); undefined outside a repository. */
async function listRepositoryFiles(cwd: string): Promise<string[] | undefined> {
  try {
    return fromRepoRoot(await listRepoFiles(cwd, null), await repoPrefix(cwd));
  } catch {
    return undefined;
  }
}
