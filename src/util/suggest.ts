import { distance } from 'fastest-levenshtein';

/**
 * "Did you mean" helper: the candidate closest to `input` by Levenshtein distance
 * (case-insensitive), if it is close enough (distance ≤ max(2, a third of the length)).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hint = closest(input, candidates);
  return hint && hint !== input ? ` (did you mean "${hint}"?)` : '';
}
