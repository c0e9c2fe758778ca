import { STATUSES } from '../../model/status.js';
import { relationGraphSvg, type GraphEdge } from '../graph.js';
import { recordLabel, statusKey } from '../views.js';
import type { SiteContext } from './context.js';
import type { HtmlPage } from './page.js';

/** Statuses in the order legends list them. */
const STATUS_ORDER = [...STATUSES, 'unknown'];

/**
 * The relation graph, `graph.html`: an SVG of the records that have a relation (supersedes,
 * relates to, amends) or a body link to another record not already related, and the list of edges.
 * Pure.
 */
export function graphPage(ctx: SiteContext): HtmlPage[] {
  const { records } = ctx;
  const edges: GraphEdge[] = [];
  ctx.relations.forEach((rel, i) => {
    for (const j of rel.supersedes) edges.push({ from: i, to: j, kind: 'supersedes' });
    for (const j of rel.relatesTo) if (i < j) edges.push({ from: i, to: j, kind: 'relates-to' });
    for (const j of rel.amends) edges.push({ from: i, to: j, kind: 'amends' });
    const related = new Set([...rel.supersedes, ...rel.supersededBy, ...rel.relatesTo, ...rel.amends, ...rel.amendedBy]);
    for (const j of ctx.linksTo[i]) if (!related.has(j)) edges.push({ from: i, to: j, kind: 'links-to' });
  });
  const data = () => {
    const link = ctx.link('');
    const inGraph = ctx.all.filter((i) => edges.some((e) => e.from === i || e.to === i));
    const position = new Map(inGraph.map((i, p) => [i, p]));
    const svg = relationGraphSvg(
      inGraph.map((i) => ({ label: recordLabel(records[i]), href: ctx.href('', i), status: statusKey(records[i]) })),
      edges.map((e) => ({ ...e, from: position.get(e.from)!, to: position.get(e.to)! })),
    );
    return {
      svg,
      edges: edges.map((e) => ({ from: link(e.from), to: link(e.to), kind: e.kind.replace('-', ' ') })),
      statuses: [...new Set(inGraph.map((i) => statusKey(records[i])))].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)),
    };
  };
  return [{ kind: 'html', path: 'graph.html', template: 'graph', title: `Relations · ${ctx.input.title}`, nav: 'graph', root: '', data }];
}
