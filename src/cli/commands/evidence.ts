import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CommandContext, CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { EVIDENCE_FILE_FORMATS, readEvidenceFile, type EvidenceFileFormat } from '../../parse/evidence/index.js';
import { addEvidence } from '../../edit/evidence.js';
import { resolveRecord } from '../../decision/resolve.js';
import { unifiedDiff } from '../../util/diff.js';
import { toPosix } from '../../workspace/read-log.js';
import { commitWrites } from '../../workspace/transaction.js';
import { loadRecords } from '../helpers.js';

interface AddOptions {
  option: string;
  from: string;
  format?: string;
  metric?: string;
  unit?: string;
  split?: string;
  url?: string;
  runId?: string;
  dryRun?: boolean;
  dir?: string;
}

function readInput(ctx: CommandContext, from: string): { text: string; shown: string } {
  const abs = resolve(ctx.cwd(), from);
  const shown = toPosix(relative(ctx.cwd(), abs)) || from;
  try {
    return { text: readFileSync(abs, 'utf8'), shown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AdrkitError(code === 'ENOENT' ? 'not-found' : 'io', code === 'ENOENT' ? 'evidence file not found' : `cannot read the evidence file (${code ?? (error as Error).message})`, { file: shown });
  }
}

const evidenceCommand: CommandModule = (program, ctx) => {
  const evidence = program.command('evidence').description('evidence on the options of a record (benchmarks, runs, papers, …)');
  evidence
    .command('add')
    .description('add evidence to an option from a Hugging Face .eval_results YAML, an MLflow run JSON (runs/get) or a W&B wandb-summary.json; offline; shows the diff')
    .argument('<record>', 'record number, slug or path')
    .requiredOption('--option <id>', 'id of the option the evidence is about')
    .requiredOption('--from <file>', 'the evidence file')
    .option('--format <format>', `${EVIDENCE_FILE_FORMATS.join(' | ')} (default: detected)`)
    .option('--metric <name>', '.eval_results: the metric the values are (the format names none)')
    .option('--unit <unit>', '.eval_results: unit of the values')
    .option('--split <split>', '.eval_results: dataset split evaluated')
    .option('--url <url>', 'MLflow / W&B: link to the run')
    .option('--run-id <id>', 'W&B: run id, when the file is not in its run folder')
    .option('--dry-run', 'show the diff, write nothing')
    .option('-d, --dir <dir>', 'decision log folder')
    .action(async (ref: string, opts: AddOptions) => {
      if (opts.format !== undefined && !(EVIDENCE_FILE_FORMATS as readonly string[]).includes(opts.format)) {
        throw new AdrkitError('usage', `unknown --format "${opts.format}"`, { hint: `use one of ${EVIDENCE_FILE_FORMATS.join(', ')}` });
      }
      const input = readInput(ctx, opts.from);
      const { format, entries } = readEvidenceFile(input.text, { file: input.shown, format: opts.format as EvidenceFileFormat | undefined, metric: opts.metric, unit: opts.unit, split: opts.split, url: opts.url, runId: opts.runId });
      const { records } = await loadRecords(ctx, opts.dir);
      const target = resolveRecord(records, ref);
      let edit;
      try {
        edit = addEvidence(target.text, opts.option, entries);
      } catch (error) {
        if (error instanceof AdrkitError && !error.details.file) throw new AdrkitError(error.code, error.message, { ...error.details, file: target.file });
        throw error;
      }
      const what = (n: number) => `${n} ${format} evidence entr${n === 1 ? 'y' : 'ies'}`;
      if (edit.added.length === 0) {
        ctx.io.stdout.write(`${target.file}: option "${opts.option}" already has ${what(edit.skipped.length)} from ${input.shown}; nothing to add\n`);
        return;
      }
      ctx.io.stdout.write(unifiedDiff(target.text, edit.text, `a/${target.file}`, `b/${target.file}`));
      if (opts.dryRun) {
        ctx.io.stderr.write(`adrkit: dry run: ${what(edit.added.length)} for option "${opts.option}" not written\n`);
        return;
      }
      commitWrites([{ path: target.absPath, expected: target.text, content: edit.text }]);
      ctx.io.stdout.write(`${target.file}: added ${what(edit.added.length)} to option "${opts.option}" (options[${edit.optionIndex}].evidence)${edit.skipped.length ? `; ${edit.skipped.length} already there` : ''}\n`);
    });
};
export default evidenceCommand;
