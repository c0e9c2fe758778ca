import { escapeUTF8 } from 'entities';

/** A node of the relation graph: one record. */
export interface GraphNode {
  label: string;
  /** Page URL relative to the graph page. */
  href: string;
}

/** A relation drawn as an arc: `from` supersedes / relates to / amends `to`. */
export interface GraphEdge {
  from: number;
  to: number;
  kind: 'supersedes' | 'relates-to' | 'amends';
}

const ROW = 26;
const TOP = 20;
const MAX_RX = 180;

/**
 * Draws relations between records as a static arc diagram (SVG, computed at build time, no
 * script): records in rows in the given order, one arc per relation on the left, coloured by
 * kind through CSS classes (no inline styles, so the strict CSP holds). Labels are escaped.
 * @returns SVG markup, or '' when there are no edges.
 */
export function relationGraphSvg(nodes: GraphNode[], edges: GraphEdge[]): string {
  if (edges.length === 0) return '';
  const spanMax = Math.max(...edges.map((e) => Math.abs(e.to - e.from)));
  const rxMax = Math.min(MAX_RX, (spanMax * ROW) / 2);
  const ax = Math.ceil(rxMax) + 16;
  const width = ax + 620;
  const height = TOP * 2 + (nodes.length - 1) * ROW;
  const y = (i: number) => TOP + i * ROW;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="graph-title">`,
    '<title id="graph-title">Relations between decision records</title>',
  );
  for (const edge of [...edges].sort((a, b) => a.from - b.from || a.to - b.to || a.kind.localeCompare(b.kind))) {
    const y1 = y(Math.min(edge.from, edge.to));
    const y2 = y(Math.max(edge.from, edge.to));
    const rx = Math.min(rxMax, (y2 - y1) / 2);
    parts.push(`<path class="edge edge-${edge.kind}" d="M ${ax} ${y1} A ${round(rx)} ${round((y2 - y1) / 2)} 0 0 0 ${ax} ${y2}"/>`);
  }
  nodes.forEach((node, i) => {
    parts.push(
      `<a href="${escapeXml(node.href)}"><circle class="node" cx="${ax}" cy="${y(i)}" r="5"/><text class="label" x="${ax + 12}" y="${y(i) + 5}">${escapeXml(node.label)}</text></a>`,
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
