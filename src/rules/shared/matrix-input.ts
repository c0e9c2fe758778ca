/**
 * True when the frontmatter's criteria weights or option scores are written but are not numbers
 * (`weight: high`): `frontmatter-schema` reports them, and a matrix computed from them (where a
 * bad weight reads as the default 1) would compare wrong totals, so matrix rules stay silent.
 */
export function matrixInputBroken(frontmatter: Record<string, unknown>): boolean {
  const notNumber = (v: unknown) => v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v));
  const criteria = frontmatter.criteria;
  if (Array.isArray(criteria) && criteria.some((c) => c && typeof c === 'object' && notNumber((c as Record<string, unknown>).weight))) return true;
  const options = frontmatter.options;
  if (!Array.isArray(options)) return false;
  return options.some((o) => {
    const scores = o && typeof o === 'object' ? (o as Record<string, unknown>).scores : undefined;
    if (scores === undefined || scores === null) return false;
    if (typeof scores !== 'object' || Array.isArray(scores)) return true;
    return Object.values(scores).some(notNumber);
  });
}
