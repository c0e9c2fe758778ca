import type { Severity } from '../../model/finding.js';
import type { Reporter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

/** Escapes workflow command data (the message): `%`, CR and LF (GitHub Actions toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value: as data, plus `:` and `,` (toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding, which GitHub shows as annotations on the
 * pull request: `::error file=<path>,line=<n>,col=<n>,title=<rule>::<message>` (`warning`,
 * `notice` for the lower severities), escaped per the workflow command rules.
 */
const github: Reporter = {
  name: 'github',
  render({ findings }) {
    return findings
      .map((f) => {
        const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`adrkit ${f.ruleId}`)}`].join(',');
        return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
      })
      .join('');
  },
};
export default github;
