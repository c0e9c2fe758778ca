import { RULES } from '../../src/rules/index.js';

/** A native Algorithm Decision Record. */
export function record(title: string, status: string, extra: { options?: Array<{ id: string; blip?: string; ring?: string }>; chosen?: string; relates?: number } = {}): string {
  const lines = ['---', `title: ${title}`, `status: ${status}`, 'date: 2024-01-01'];
  if (extra.relates !== undefined) lines.push(`relates-to: ${extra.relates}`);
  if (extra.options) {
    lines.push('options:');
    for (const o of extra.options) {
      lines.push(`  - id: ${o.id}`, `    name: ${o.id.toUpperCase()}`);
      if (o.blip) lines.push(`    blip: ${o.blip}`);
      if (o.ring) lines.push(`    ring: ${o.ring}`);
    }
  }
  if (extra.chosen) lines.push(`chosen: ${extra.chosen}`);
  lines.push('---', '', `# ${title}`, '', '## Context', '', `Why we decide about ${title}.`, '');
  return lines.join('\n');
}

/**
 * A configuration that turns every rule off except `only` (so these tests do not depend on the
 * rule set other modules grow).
 */
export function config(only: string[] = [], extra: Record<string, unknown> = {}): string {
  const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, only.includes(r.meta.id) ? 'error' : 'off']));
  return `${JSON.stringify({ dir: 'adr', rules, ...extra }, null, 2)}\n`;
}
