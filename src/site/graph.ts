import { escapeUTF8 } from 'entities';

/** A node of the relation graph: one record. */
export interface GraphNode {
  label: string;
  /** Page URL relative to the graph page. */
  href: string;
  /** Status key (`accepted`, `superseded`…, `unknown`): the node's colour class `s-<status>`. */
  status?: string;
}

/**
 * A relation drawn as an arc with an arrowhead at `to`: `from` supersedes / relates to / amends
 * `to`, or links to it from its body (`links-to`, dashed).
 */
export interface GraphEdge {
  from: number;
  to: number;
  kind: 'supersedes' | 'relates-to' | 'amends' | 'links-to';
}

const ROW = 30;
const TOP = 24;
const MAX_RX = 220;
const NODE_R = 7;
const KINDS: GraphEdge['kind'][] = ['supersedes', 'amends', 'relates-to', 'links-to'];

/**
 * Draws relations between records as a static arc diagram (SVG, computed at build time, no
 * script): records in rows in the given order, one arc per relation on the left with an
 * arrowhead at its target, coloured and dashed by kind, nodes coloured by status, all through
 * CSS classes (no inline styles, so the strict CSP holds). Labels are escaped. Scales to its
 * container (`viewBox`); 50 records make a 1,500-unit-tall drawing with 30 units per row.
 * @returns SVG markup, or '' when there are no edges.
 */
export function relationGraphSvg(nodes: GraphNode[], edges: GraphEdge[]): string {
  if (edges.length === 0) return '';
  const spanMax = Math.max(...edges.map((e) => Math.abs(e.to - e.from)));
  const rxMax = Math.min(MAX_RX, (spanMax * ROW) / 2);
  const ax = Math.ceil(rxMax) + 20;
  const longest = Math.max(...nodes.map((n) => n.label.length));
  const width = ax + 24 + Math.min(70, Math.max(20, longest)) * 8.2;
  const height = TOP * 2 + (nodes.length - 1) * ROW;
  const y = (i: number) => TOP + i * ROW;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${round(width)} ${height}" width="${round(width)}" height="${height}" aria-labelledby="graph-title">`,
    '<title id="graph-title">Relations between decision records</title>',
    '<defs>',
    ...KINDS.map((k) => `<marker id="arrow-${k}" class="arrow arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker>`),
    '</defs>',
  );
  for (const edge of [...edges].sort((a, b) => a.from - b.from || a.to - b.to || a.kind.localeCompare(b.kind))) {
    const down = edge.to > edge.from;
    const y1 = y(edge.from);
    const y2 = y(edge.to);
    const span = Math.abs(y2 - y1);
    const rx = Math.min(rxMax, span / 2);
    // The arc starts and ends beside the node circles (to the left), so the arrowhead stays visible.
    const x = ax - NODE_R - 1;
    parts.push(
      `<path class="edge edge-${edge.kind}" marker-end="url(#arrow-${edge.kind})" d="M ${x} ${y1} A ${round(rx)} ${round(span / 2)} 0 0 ${down ? 0 : 1} ${x} ${y2}"/>`,
    );
  }
  nodes.forEach((node, i) => {
    const status = node.status && /^[a-z]+$/.test(node.status) ? node.status : 'unknown';
    parts.push(
      `<a href="${escapeXml(node.href)}"><title>${escapeXml(`${node.label} (${status})`)}</title><circle class="node s-${status}" cx="${ax}" cy="${y(i)}" r="${NODE_R}"/><text class="label" x="${ax + 14}" y="${y(i) + 5}">${escapeXml(node.label)}</text></a>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Escapes text for XML/HTML content and attribute values (`& < > " '`, entities' escapeUTF8). */
const escapeXml = escapeUTF8;
