import { createHash } from 'node:crypto';
import type { Severity } from '../../model/finding.js';
import type { Reporter } from './types.js';

/** adrkit severities on GitLab's scale (`info`, `minor`, `major`, `critical`, `blocker`). */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warn: 'minor', info: 'info' };

/**
 * GitLab Code Quality report (a JSON array; https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * one issue per finding with `description` (the message), `check_name` (`adrkit/<rule id>`),
 * `fingerprint`, `severity` (error → major, warn → minor, info → info) and `location.path` +
 * `location.lines.begin`. Paths are the findings' (relative to the working directory: run lint at
 * the repository root, as GitLab expects paths from there). The fingerprint is the SHA-256 (32 hex)
 * of rule, path, message and the finding's rank among identical ones, not the line, so an issue
 * keeps its fingerprint when lines above it move and GitLab shows it as unchanged, not fixed + new.
 */
const gitlab: Reporter = {
  name: 'gitlab',
  render({ findings }) {
    const seen = new Map<string, number>();
    const issues = findings.map((f) => {
      const key = `${f.ruleId}\0${f.file}\0${f.message}`;
      const rank = seen.get(key) ?? 0;
      seen.set(key, rank + 1);
      return {
        description: f.message,
        check_name: `adrkit/${f.ruleId}`,
        fingerprint: createHash('sha256').update(`${key}\0${rank}`).digest('hex').slice(0, 32),
        severity: SEVERITY[f.severity],
        location: { path: f.file, lines: { begin: f.line } },
      };
    });
    return `${JSON.stringify(issues, null, 2)}\n`;
  },
};
export default gitlab;
