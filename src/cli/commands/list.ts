import type { CommandModule } from '../context.js';
import { checkFormat } from '../helpers.js';
import { AdrkitError } from '../../model/errors.js';
import { STATUSES, type Status } from '../../model/status.js';
import { renderTable } from '../../render/table.js';
import { readLogHistories } from '../../history/git.js';
import { filterRecords, recordSummary } from '../../decision/list.js';
import { loadRadars } from '../../radar/load.js';
import { decisionDay } from '../../site/dates.js';
import { isRealIsoDate } from '../../util/dates.js';
import { openProject, readProjectLogs, requireRecords } from '../../workspace/project.js';
import { RecordCache } from '../../workspace/record-cache.js';
import { applyCommitTitles } from '../../workspace/titles.js';

interface ListOptions {
  dir?: string;
  format: string;
  status: string[];
  tag: string[];
  blip: string[];
  decider: string[];
  since?: string;
}

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const list: CommandModule = (program, ctx) => {
  program
    .command('list')
    .description('list the decision records of the log, in number order')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .option('--status <status>', `only records with this status (repeatable or comma-separated): ${STATUSES.join(', ')}`, collect, [])
    .option('--tag <tag>', 'only records with this tag (repeatable or comma-separated)', collect, [])
    .option('--blip <blip>', 'only records with an option linking this radar blip (`blip-id` or `radar-id/blip-id`)', collect, [])
    .option('--decider <name>', 'only records with this decider (repeatable or comma-separated)', collect, [])
    .option('--since <YYYY-MM-DD>', 'only records decided on or after this day')
    .action(async (opts: ListOptions) => {
      checkFormat(opts.format, ['table', 'json']);
      for (const s of opts.status) if (!(STATUSES as readonly string[]).includes(s.toLowerCase())) throw new AdrkitError('usage', `unknown --status "${s}"`, { hint: `use one of ${STATUSES.join(', ')}` });
      if (opts.since !== undefined && !isRealIsoDate(opts.since)) throw new AdrkitError('usage', `--since must be a real date YYYY-MM-DD, got "${opts.since}"`);
      const project = await openProject(ctx.cwd(), opts.dir);
      const entries = [];
      // The parse cache `lint` keeps (records by content hash): a listing reads only what changed.
      const cache = RecordCache.open(ctx.cwd());
      const logs = readProjectLogs(project, { cache });
      cache.save();
      requireRecords(logs);
      // Records without a date get the day git first saw them, records without a title the one the
      // commit that added them names (one `git log` pass per repository, over the logs that need it).
      const needsGit = logs.filter((log) => log.records.some((r) => decisionDay(r.record.date, undefined) === undefined || r.record.titleSource === 'file-name'));
      const histories = await readLogHistories(needsGit.map((log) => ({ dir: log.dir, paths: log.records.map((r) => r.record.path) })));
      const historyOf = new Map(needsGit.map((log, i) => [log, histories[i]]));
      for (const [logIndex, log] of logs.entries()) {
        const history = historyOf.get(log);
        if (history) applyCommitTitles(log, history.records);
        for (const loaded of log.records) {
          const written = decisionDay(loaded.record.date, undefined);
          const created = decisionDay(undefined, history?.records.get(loaded.record.path)?.created);
          entries.push({ ...loaded, logIndex, day: written ?? created, dateSource: written ? 'record' : created ? 'git' : null });
        }
      }
      const radars = opts.blip.length > 0 ? loadRadars(ctx.cwd(), project.config.config.radars) : undefined;
      const wanted = filterRecords(entries, { status: opts.status.map((s) => s.toLowerCase() as Status), tag: opts.tag, blip: opts.blip, decider: opts.decider, since: opts.since }, radars, (e) => e.day)
        .sort((a, b) => a.logIndex - b.logIndex || (a.record.number ?? Infinity) - (b.record.number ?? Infinity) || (a.day ?? '').localeCompare(b.day ?? '') || a.file.localeCompare(b.file));
      const rows = wanted.map(({ logIndex: _logIndex, ...e }) => ({
        ...recordSummary(e),
        date: e.day ?? null,
        dateSource: e.dateSource,
        tags: e.record.tags,
        blips: e.record.options.map((o) => o.blip).filter((b): b is string => typeof b === 'string'),
      }));
      // Several logs in one repository (a monorepo): say which log each record belongs to.
      const several = new Set(rows.map((r) => r.log)).size > 1;
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        ctx.io.stdout.write(
          renderTable(
            [...(several ? ['Log'] : []), '#', 'Title', 'Status', 'Date', 'File'],
            rows.map((r) => [...(several ? [r.log] : []), r.number === null ? '' : String(r.number), r.title, r.status ?? `? ${r.statusText ?? ''}`.trim(), r.date ?? '', r.path]),
          ),
        );
      }
    });
};
export default list;
