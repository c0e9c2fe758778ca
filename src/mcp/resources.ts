import { decodeUriSafe } from '../util/uri.js';
import { ResourceNotFoundError, ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import { AdrkitError } from '../model/errors.js';
import type { DecisionRecord } from '../model/record.js';
import { renderIndexTable } from '../edit/index-block.js';
import { resolveRecord } from '../decision/resolve.js';
import { allBlips } from '../radar/editions.js';
import { errorText } from './errors.js';
import { blipView } from './read-tools.js';
import type { McpSession } from './session.js';

const MARKDOWN = 'text/markdown';

/** The URI of a record resource: `adr://records/<number>`, or `adr://records/<slug>` for unnumbered records. */
export function recordUri(record: DecisionRecord): string {
  return `adr://records/${encodeURIComponent(record.number !== undefined ? String(record.number) : record.slug)}`;
}

function label(record: DecisionRecord): string {
  return record.number !== undefined ? `${record.number}. ${record.title}` : record.title;
}

/** A read failure as MCP's resource-not-found error, with adrkit's message and hint. */
function notFound(uri: URL, error: unknown): never {
  if (error instanceof AdrkitError) throw new ResourceNotFoundError(uri.href, errorText(error));
  throw error;
}

function variable(value: string | string[] | undefined): string {
  return decodeUriSafe(Array.isArray(value) ? value.join('/') : value ?? '');
}

/** Registers `adr://records/{number}`, `adr://index` and `adr://radar/{blip}`, each listable. */
export function registerResources(server: McpServer, session: McpSession): void {
  server.registerResource(
    'record',
    new ResourceTemplate('adr://records/{number}', {
      list: async () => {
        const { records } = await session.read();
        return { resources: records.map(({ record }) => ({ uri: recordUri(record), name: label(record), title: label(record), mimeType: MARKDOWN, description: `${record.status ?? record.statusText ?? 'no status'}${record.date ? `, ${record.date}` : ''}` })) };
      },
      complete: {
        number: async (value) => {
          const { records } = await session.read();
          return records.map(({ record }) => (record.number !== undefined ? String(record.number) : record.slug)).filter((n) => n.startsWith(value)).slice(0, 100);
        },
      },
    }),
    { title: 'Decision record', description: 'A decision record of the log, as markdown (the file as written)', mimeType: MARKDOWN },
    async (uri, variables) => {
      const { records } = await session.read();
      let target;
      try {
        target = resolveRecord(records, variable(variables.number));
      } catch (error) {
        notFound(uri, error);
      }
      return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text: target.text }] };
    },
  );

  server.registerResource(
    'index',
    'adr://index',
    { title: 'Decision log index', description: 'Every decision record: number, title (linked to its adr://records resource), status, date', mimeType: MARKDOWN },
    async (uri) => {
      const { records } = await session.read();
      const table = renderIndexTable(records.map((r) => r.record), recordUri);
      return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text: `# Decision log\n\n${records.length} records.\n\n${table}\n` }] };
    },
  );

  server.registerResource(
    'radar-blip',
    new ResourceTemplate('adr://radar/{blip}', {
      list: async () => {
        const { project } = await session.read();
        const set = session.radars(project);
        if (!set) return { resources: [] };
        const qualify = set.radars.length > 1;
        return {
          resources: set.radars.flatMap((radar) =>
            allBlips(radar).map((blip) => {
              const ref = qualify ? `${radar.id}/${blip.id}` : blip.id;
              return { uri: `adr://radar/${encodeURIComponent(ref)}`, name: ref, title: `${blip.name} (${radar.name})`, mimeType: MARKDOWN };
            }),
          ),
        };
      },
    }),
    { title: 'Radar blip', description: 'A technology-radar blip: ring, quadrant, ring history, and the decisions that chose or considered it', mimeType: MARKDOWN },
    async (uri, variables) => {
      let view;
      try {
        view = await blipView(session, variable(variables.blip));
      } catch (error) {
        notFound(uri, error);
      }
      const list = (items: typeof view.chose) => (items.length ? items.map((r) => `- [${r.number !== null ? `${r.number}. ` : ''}${r.title}](adr://records/${encodeURIComponent(r.number !== null ? String(r.number) : r.path.replace(/^.*\//, '').replace(/\.md$/, ''))}) (${r.status ?? r.statusText ?? 'no status'})`).join('\n') : '- none');
      const text = [
        `# ${view.blip.name}`,
        '',
        `- Radar: ${view.radar.name} (\`${view.ref}\`)`,
        `- Ring: ${view.ring ? `${view.ring.name} (${view.ring.stance})` : 'dropped from the newest edition'}`,
        `- Quadrant: ${view.blip.quadrant}`,
        `- Ring history: ${view.ringHistory.map((h) => `${h.date ?? 'undated'}: ${h.ring ?? 'absent'}`).join(', ')}`,
        ...(view.blip.summary ? ['', view.blip.summary] : []),
        '',
        '## Decisions that chose it',
        '',
        list(view.chose),
        '',
        '## Decisions that considered it',
        '',
        list(view.considered),
        '',
      ].join('\n');
      return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text }] };
    },
  );
}
