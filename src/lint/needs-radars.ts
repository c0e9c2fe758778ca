import type { DecisionRecord } from '../model/record.js';

/**
 * True when lint should load radars: a `radar-*` rule is on (not `off` in `settings`, and in
 * `ruleFilter` when given) and some record links a blip. Pure.
 */
export function lintNeedsRadars(
  ruleIds: string[],
  settings: Record<string, unknown>,
  ruleFilter: string[] | undefined,
  records: Array<{ record: DecisionRecord }>,
): boolean {
  const on = ruleIds.some((id) => {
    if (!id.startsWith('radar-') || (ruleFilter && !ruleFilter.includes(id))) return false;
    const setting = settings[id];
    return (Array.isArray(setting) ? setting[0] : setting) !== 'off';
  });
  return on && records.some((r) => r.record.options.some((o) => o.blip));
}
