import type { Reporter } from './types.js';

/** Machine-readable findings: `{ findings: Finding[], errorCount, warningCount }`, stable key order. */
const json: Reporter = {
  name: 'json',
  render({ findings, fileCount }) {
    const clean = findings.map(({ ruleId, severity, file, line, column, message, path, fixable }) => ({ ruleId, severity, file, line, column, message, ...(path ? { path } : {}), fixable: Boolean(fixable) }));
    return `${JSON.stringify(
      {
        fileCount,
        errorCount: findings.filter((f) => f.severity === 'error').length,
        warningCount: findings.filter((f) => f.severity === 'warn').length,
        infoCount: findings.filter((f) => f.severity === 'info').length,
        findings: clean,
      },
      null,
      2,
    )}\n`;
  },
};
export default json;
