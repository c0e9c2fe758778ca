import type { CommandModule } from '../context.js';
import { checkFormat } from '../helpers.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES } from '../../model/status.js';
import type { DecisionRecord } from '../../model/record.js';
import { renderTable } from '../../render/table.js';
import { readLogHistory } from '../../history/git.js';
import { decisionDay } from '../../site/dates.js';
import { isRealIsoDate } from '../../util/dates.js';
import { openProject, readProjectLogs } from '../../workspace/project.js';

interface ListOptions {
  dir?: string;
  format: string;
  status: string[];
  tag: string[];
  blip: string[];
  since?: string;
}

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** True when one of the record's options links `ref` (`vllm` matches `vllm` and `team/vllm`; `team/vllm` only that). */
function linksBlip(record: DecisionRecord, ref: string): boolean {
  const want = ref.toLowerCase();
  return record.options.some((o) => {
    const blip = o.blip?.toLowerCase();
    if (!blip) return false;
    return blip === want || (!want.includes('/') && blip.endsWith(`/${want}`)) || (want.includes('/') && !blip.includes('/') && want.endsWith(`/${blip}`));
  });
}

const list: CommandModule = (program, ctx) => {
  program
    .command('list')
    .description('list the decision records of the log, in number order')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .option('--status <status>', `only records with this status (repeatable or comma-separated): ${STATUSES.join(', ')}`, collect, [])
    .option('--tag <tag>', 'only records with this tag (repeatable or comma-separated)', collect, [])
    .option('--blip <blip>', 'only records with an option linking this radar blip (`blip-id` or `radar-id/blip-id`)', collect, [])
    .option('--since <YYYY-MM-DD>', 'only records decided on or after this day')
    .action(async (opts: ListOptions) => {
      checkFormat(opts.format, ['table', 'json']);
      for (const s of opts.status) if (!(STATUSES as readonly string[]).includes(s.toLowerCase())) throw new AdrkitError('usage', `unknown --status "${s}"`, { hint: `use one of ${STATUSES.join(', ')}` });
      if (opts.since !== undefined && !isRealIsoDate(opts.since)) throw new AdrkitError('usage', `--since must be a real date YYYY-MM-DD, got "${opts.since}"`);
      const project = await openProject(ctx.cwd(), opts.dir);
      const rows = [];
      for (const log of readProjectLogs(project)) {
        // Records without a date get the day git first saw them (one `git log` pass per folder).
        const needsGit = log.records.some((r) => decisionDay(r.record.date, undefined) === undefined);
        const history = needsGit ? await readLogHistory(log.dir, log.records.map((r) => r.record.path)) : undefined;
        for (const { record, file } of log.records) {
          const written = decisionDay(record.date, undefined);
          const created = history?.records.get(record.path)?.created;
          rows.push({
            number: record.number ?? null,
            title: record.title,
            status: record.status ?? null,
            statusText: record.statusText ?? null,
            date: written ?? decisionDay(undefined, created) ?? null,
            dateSource: written ? 'record' : created ? 'git' : null,
            tags: record.tags,
            blips: record.options.map((o) => o.blip).filter((b): b is string => typeof b === 'string'),
            format: record.format,
            path: file,
            record,
          });
        }
      }
      const wanted = rows
        .filter((r) => opts.status.length === 0 || (r.status !== null && opts.status.some((s) => s.toLowerCase() === r.status)))
        .filter((r) => opts.tag.length === 0 || opts.tag.some((t) => r.tags.some((rt) => rt.toLowerCase() === t.toLowerCase())))
        .filter((r) => opts.blip.length === 0 || opts.blip.some((b) => linksBlip(r.record, b)))
        .filter((r) => opts.since === undefined || (r.date !== null && r.date >= opts.since))
        .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path));
      const out = wanted.map(({ record: _record, ...row }) => row);
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        ctx.io.stdout.write(
          renderTable(
            ['#', 'Title', 'Status', 'Date', 'File'],
            out.map((r) => [r.number === null ? '' : String(r.number), r.title, r.status ?? `? ${r.statusText ?? ''}`.trim(), r.date ?? '', r.path]),
          ),
        );
      }
    });
};
export default list;
