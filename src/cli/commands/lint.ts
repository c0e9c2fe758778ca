import { Option } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { CommandModule } from '../context.js';
import { EXIT } from '../io.js';
import { AdrkitError } from '../../model/errors.js';
import { lint, RuleOptionsError, type LintInput } from '../../lint/engine.js';
import { RULES } from '../../rules/index.js';
import { REPORTERS } from '../../render/reporters/index.js';
import { openProject, readProjectLogs } from '../../workspace/project.js';
import { RecordCache } from '../../workspace/record-cache.js';
import { listLogFiles } from '../../workspace/log-files.js';
import { createHash } from 'node:crypto';
import { VERSION } from '../../version.js';
import { toPosix } from '../../workspace/read-log.js';
import { readLogHistory } from '../../history/git.js';
import { isoDay } from '../../util/dates.js';
import { didYouMean } from '../../util/suggest.js';
import { applyFixes } from '../../workspace/apply-fixes.js';
import { loadRadars } from '../../radar/load.js';
import { lintNeedsRadars } from '../../radar/rule-support.js';

interface LintOptions {
  dir?: string;
  format?: string;
  output?: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  fix?: boolean;
  rule?: string[];
  color?: boolean;
  cache?: boolean;
}

const lintCommand: CommandModule = (program, ctx) => {
  program
    .command('lint')
    .description('check decision records (frontmatter, structure, links, the log as a whole)')
    .argument('[files...]', 'files or globs to report on (cross-record rules still read the whole log)')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', `output format: ${Object.keys(REPORTERS).join(' | ')} (github when GITHUB_ACTIONS=true)`)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--output-file <file>').hideHelp())
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--fix', 'apply safe mechanical fixes')
    .option('--rule <id...>', 'only run these rules')
    .option('--no-color', 'no ANSI colours')
    .option('--no-cache', 'parse every record again (the cache keeps parsed records by content hash)')
    .action(async (files: string[], given: LintOptions) => {
      const opts = { ...given, outputFile: given.output ?? given.outputFile };
      const cwd = ctx.cwd();
      const format = opts.format ?? (ctx.io.env.GITHUB_ACTIONS === 'true' && REPORTERS.github ? 'github' : 'stylish');
      const reporter = REPORTERS[format];
      if (!reporter) throw new AdrkitError('usage', `unknown --format "${format}"`, { hint: `use one of ${Object.keys(REPORTERS).join(', ')}` });
      const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new AdrkitError('usage', `--max-warnings must be a whole number, got "${opts.maxWarnings}"`);
      const known = new Set(['parse', ...RULES.map((r) => r.meta.id)]);
      for (const id of opts.rule ?? []) if (!known.has(id)) throw new AdrkitError('usage', `unknown rule "${id}"`, { hint: `rules: ${[...known].join(', ')}` });

      const project = await openProject(cwd, opts.dir);
      const settings = project.config.config.rules ?? {};
      for (const id of Object.keys(settings)) if (!known.has(id)) throw new AdrkitError('config', `unknown rule "${id}" in configuration${didYouMean(id, known)}`, { file: project.config.filepath ? relative(cwd, project.config.filepath) : undefined, hint: `rules: ${[...known].join(', ')}` });

      let inputs: LintInput[] = [];
      const unreadable: Array<{ file: string; message: string }> = [];
      const logDirs = project.dirs.map((dir) => toPosix(relative(cwd, dir)) || '.');
      const ruleOn = (id: string) => settings[id] !== 'off' && (!opts.rule || opts.rule.includes(id));
      // Every file under the log folders, for link targets (only listed when link-target runs).
      const logFiles = ruleOn('link-target') ? await listLogFiles(cwd, project.dirs) : new Set<string>();
      const needsHistory = RULES.some((r) => r.meta.needsHistory && ruleOn(r.meta.id));
      const cache = opts.cache === false ? undefined : RecordCache.open(cwd);
      // Files given on the command line (pre-commit, lint-staged): findings only for them.
      let abs: Set<string> | undefined;
      if (files.length > 0) {
        abs = new Set<string>();
        for (const pattern of files) {
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
      for (const log of readProjectLogs(project, { cache })) {
        unreadable.push(...log.unreadable);
        // One git log pass, or only the commits since the snapshot an earlier run cached.
        const snapshot = needsHistory ? cache?.history(log.dir) : undefined;
        const history = needsHistory ? await readLogHistory(log.dir, log.records.map((r) => r.record.path), { incremental: Boolean(cache), snapshot }) : undefined;
        if (cache && history?.head && history.head !== snapshot?.head) cache.saveHistory(log.dir, history.head, history.records);
        for (const warning of history?.warnings ?? []) ctx.io.stderr.write(`adrkit: warning: ${warning}\n`);
        // Object.assign keeps cached records' lazy `text` (a spread would read every file).
        inputs.push(...log.records.map((r) => Object.assign(r, { history: history?.records.get(r.record.path) })));
      }
      let only: Set<string> | undefined;
      if (abs) {
        const selected = inputs.filter((i) => abs.has(i.absPath));
        only = new Set(selected.map((i) => i.file));
        for (const u of unreadable) if (abs.has(resolve(cwd, u.file))) only.add(u.file);
      }
      const radar = lintNeedsRadars(RULES.map((r) => r.meta.id), settings, opts.rule, inputs) ? loadRadars(cwd, project.config.config.radars) : undefined;
      const today = isoDay(ctx.io.now());
      // Record-rule findings are remembered per record content for this exact configuration.
      const memoKey = createHash('sha1').update(JSON.stringify([VERSION, settings, RULES.map((r) => r.meta.id), today, radar ?? null])).digest('hex');
      const memo = cache && !opts.fix ? cache.findingsMemo(new Map(inputs.map((i) => [i.file, i.absPath])), memoKey) : undefined;
      const run = () => {
        try {
          return lint(inputs, { rules: RULES, settings, only, ruleFilter: opts.rule ? new Set(opts.rule) : undefined, today, unreadable, files: logFiles, logDirs, radar, memo });
        } catch (error) {
          if (error instanceof RuleOptionsError) throw new AdrkitError('config', error.message, { file: project.config.filepath });
          throw error;
        }
      };
      let findings = run();
      if (opts.fix) {
        const fixed = applyFixes(findings, inputs);
        if (fixed.length > 0) {
          ctx.io.stderr.write(`adrkit: fixed ${fixed.length} file${fixed.length === 1 ? '' : 's'}: ${fixed.join(', ')}\n`);
          const histories = new Map(inputs.map((i) => [i.absPath, i.history]));
          inputs = readProjectLogs(project).flatMap((log) => log.records.map((r) => Object.assign(r, { history: histories.get(r.absPath) })));
          findings = run();
        }
      }
      cache?.save();
      const shown = opts.quiet ? findings.filter((f) => f.severity === 'error') : findings;
      const color = opts.color !== false && Boolean(ctx.io.stdout.isTTY) && !opts.outputFile && !ctx.io.env.NO_COLOR;
      // --quiet hides warnings; it must not then claim "no problems".
      const output = opts.quiet && shown.length === 0 && format === 'stylish' ? '' : reporter.render({ findings: shown, fileCount: only?.size ?? inputs.length, cwd, color });
      if (opts.outputFile) writeFileSync(resolve(cwd, opts.outputFile), output);
      else ctx.io.stdout.write(output);
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warn').length;
      if (errors > 0) ctx.exit(EXIT.findings);
      if (maxWarnings !== undefined && warnings > maxWarnings) {
        ctx.io.stderr.write(`adrkit: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
        ctx.exit(EXIT.findings);
      }
    });
};
export default lintCommand;
