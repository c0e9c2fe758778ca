import type { ReviewReport } from '../model/review.js';

/**
 * Renders a review as JSON (`schema/review.schema.json`), two-space indented, newline-terminated.
 * Key order follows the model, so the output is stable for tools and snapshots.
 */
export function renderReviewJson(report: ReviewReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
