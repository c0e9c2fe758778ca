import type { Command } from 'commander';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import type { DecisionRecord } from '../../model/record.js';
import type { Config } from '../../model/config.js';
import { loadConfig } from '../../config/load.js';
import { openProject, readProjectLogs } from '../../workspace/project.js';
import { loadRadars } from '../../radar/load.js';
import { blipUsage } from '../../radar/usage.js';
import { describeUnresolved, resolveBlip, type RadarSet } from '../../radar/resolve.js';
import { newestEdition, ringById, ringHistory } from '../../radar/editions.js';
import { blipNumbers } from '../../render/radar-svg.js';
import { renderTable } from '../../render/table.js';
import { checkFormat } from '../helpers.js';

interface RadarOptions {
  dir?: string;
  format: string;
}

/** Records of the project when it has a decision log; none otherwise (the radar lists blips alone). */
async function projectRecords(cwd: string, dir: string | undefined): Promise<{ config: Config; records: DecisionRecord[] }> {
  try {
    const project = await openProject(cwd, dir);
    return { config: project.config.config, records: readProjectLogs(project).flatMap((log) => log.records.map((r) => r.record)) };
  } catch (error) {
    if (error instanceof AdrkitError && error.code === 'not-found' && !dir) return { config: (await loadConfig(cwd)).config, records: [] };
    throw error;
  }
}


const ref = (r: DecisionRecord) => ({ slug: r.slug, title: r.title, path: r.path, status: r.status ?? null });

/** Every blip of the newest editions with the records that chose and considered it. */
function listRows(set: RadarSet, records: DecisionRecord[]) {
  const usage = blipUsage(set, records);
  return set.radars.flatMap((radar) => {
    const edition = newestEdition(radar);
    const numbers = blipNumbers(radar, edition);
    const quadrants = new Map(radar.quadrants.map((q) => [q.id, q.name]));
    return edition.blips
      .map((b) => {
        const ring = ringById(radar, b.ring);
        const used = usage.get(`${radar.id}/${b.id}`);
        return {
          radar: radar.id,
          number: numbers.get(b.id) ?? 0,
          id: b.id,
          name: b.name,
          quadrant: quadrants.get(b.quadrant) ?? b.quadrant,
          ring: ring?.name ?? b.ring,
          stance: ring?.stance ?? null,
          chose: (used?.chose ?? []).map(ref),
          considered: (used?.considered ?? []).map(ref),
        };
      })
      .sort((a, b) => a.number - b.number);
  });
}

const radarCommand: CommandModule = (program, ctx) => {
  const radar = program
    .command('radar')
    .description('list the technology radar blips with the decision records that chose or considered each')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('-f, --format <format>', 'table | json', 'table')
    .action(async (opts: RadarOptions) => {
      checkFormat(opts.format, ['table', 'json']);
      const { config, records } = await projectRecords(ctx.cwd(), opts.dir);
      const set = loadRadars(ctx.cwd(), config.radars);
      const rows = listRows(set, records);
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const several = set.radars.length > 1;
      const slugs = (list: Array<{ slug: string }>) => list.map((r) => r.slug).join(', ');
      ctx.io.stdout.write(
        renderTable(
          [...(several ? ['Radar'] : []), '#', 'Blip', 'Ring', 'Quadrant', 'Chose', 'Considered'],
          rows.map((r) => [...(several ? [r.radar] : []), String(r.number), `${r.name} (${r.id})`, r.ring, r.quadrant, slugs(r.chose), slugs(r.considered)]),
        ),
      );
    });

  radar
    .command('show')
    .description('show one blip: ring history across editions, summary, decision records (--format json for JSON)')
    .argument('<blip>', 'blip id, name or alias, or radar-id/blip-id')
    .action(async (blipRef: string, _local: unknown, command: Command) => {
      // --dir and --format belong to `radar` (commander parses parent options after the subcommand too)
      const opts = command.optsWithGlobals() as RadarOptions;
      checkFormat(opts.format, ['table', 'json']);
      const { config, records } = await projectRecords(ctx.cwd(), opts.dir);
      const set = loadRadars(ctx.cwd(), config.radars);
      const resolution = resolveBlip(set, blipRef);
      if (!resolution.ok) throw new AdrkitError('usage', describeUnresolved(resolution), { hint: 'list the blips with `adrkit radar`' });
      const { radar: r, blip } = resolution;
      // The whole set: a link resolves here exactly as lint resolves it (`vllm` in two radars links neither).
      const used = blipUsage(set, records).get(resolution.ref);
      const history = ringHistory(r, blip.id).map((h) => ({ date: h.date ?? null, ring: h.ring ? (ringById(r, h.ring)?.name ?? h.ring) : null, stance: h.stance ?? null }));
      const data = {
        radar: r.id,
        id: blip.id,
        name: blip.name,
        aliases: blip.aliases,
        quadrant: r.quadrants.find((q) => q.id === blip.quadrant)?.name ?? blip.quadrant,
        ring: history[history.length - 1].ring,
        current: resolution.current,
        summary: blip.summary ?? null,
        links: blip.links,
        history,
        chose: (used?.chose ?? []).map(ref),
        considered: (used?.considered ?? []).map(ref),
      };
      if (opts.format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const lines = [
        `${data.name} (${resolution.ref})`,
        `quadrant: ${data.quadrant}`,
        `ring: ${data.ring ?? `dropped from the newest edition (${newestEdition(r).date ?? 'undated'})`}`,
        ...(data.aliases.length ? [`aliases: ${data.aliases.join(', ')}`] : []),
        ...(data.summary ? ['', data.summary] : []),
        ...data.links.map((l) => `link: ${l}`),
        '',
        'ring history:',
        ...history.map((h) => `  ${h.date ?? 'undated'}  ${h.ring ?? '(absent)'}`),
        '',
        `chose (${data.chose.length}):`,
        ...data.chose.map((c) => `  ${c.path}  ${c.title}`),
        `considered (${data.considered.length}):`,
        ...data.considered.map((c) => `  ${c.path}  ${c.title}`),
      ];
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
    });
};
export default radarCommand;
