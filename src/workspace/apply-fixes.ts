import type { LintFinding, LintInput } from '../lint/engine.js';
import { writeFileAtomic } from './atomic.js';

/**
 * Applies the fixes of findings to the record files, one file at a time (fixes for the same
 * file are chained), each written atomically. A fix whose edit throws is skipped.
 *
 * @returns files changed, relative to the working directory.
 */
export function applyFixes(findings: LintFinding[], inputs: LintInput[]): string[] {
  const byPath = new Map(inputs.map((i) => [i.record.path, i]));
  const edits = new Map<string, Array<(text: string) => string>>();
  for (const finding of findings) {
    if (!finding.fix) continue;
    const list = edits.get(finding.fix.target) ?? [];
    list.push(finding.fix.edit);
    edits.set(finding.fix.target, list);
  }
  const changed: string[] = [];
  for (const [target, list] of edits) {
    const input = byPath.get(target);
    if (!input) continue;
    let text = input.text;
    for (const edit of list) {
      try {
        text = edit(text);
      } catch {
        // a fix that cannot apply leaves the file as it is; the finding stays
      }
    }
    if (text !== input.text) {
      writeFileAtomic(input.absPath, text, { expected: input.text });
      changed.push(input.file);
    }
  }
  return changed;
}
