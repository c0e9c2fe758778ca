import type { Reporter } from './types.js';

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * ESLint-style "stylish" output: one block per file headed by its path, one line per finding
 * with `line:col  severity  message  rule-id` (aligned), and a summary
 * line. A clean run is one line: `✔ N records checked, no problems`.
 */
const stylish: Reporter = {
  name: 'stylish',
  render({ findings, color, fileCount }) {
    if (findings.length === 0) return `${paint(color, 32, '✔')} ${fileCount} record${fileCount === 1 ? '' : 's'} checked, no problems\n`;
    const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    const lines: string[] = [];
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    let fixable = 0;
    let current: string | undefined;
    for (const f of findings) {
      if (f.file !== current) {
        if (current !== undefined) lines.push('');
        lines.push(paint(color, 4, f.file));
        current = f.file;
      }
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warn') warnings++;
      else infos++;
      if (f.fixable) fixable++;
      const sev = f.severity === 'error' ? paint(color, 31, 'error') : f.severity === 'warn' ? paint(color, 33, 'warn ') : paint(color, 36, 'info ');
      lines.push(`  ${`${f.line}:${f.column}`.padEnd(width)}  ${sev}  ${f.message}  ${paint(color, 90, f.ruleId)}`);
    }
    const total = errors + warnings + infos;
    lines.push('', paint(color, errors ? 31 : 33, `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`));
    if (fixable) lines.push(`  ${fixable} fixable with \`adrkit lint --fix\``);
    return lines.join('\n') + '\n';
  },
};
export default stylish;
