/** Codes of the errors adrkit raises; the CLI exits 2 on each. */
export type ErrorCode =
  | 'usage'
  | 'config'
  | 'not-found'
  | 'exists'
  | 'parse'
  | 'git'
  | 'io'
  | 'conflict'
  | 'unsafe'
  | 'radar'
  | 'internal';

/**
 * The only error adrkit throws on purpose. The CLI prints it as one line:
 * `file:line:col: message` followed by a hint, never a stack trace.
 */
export class AdrkitError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { file?: string; line?: number; column?: number; hint?: string } = {},
  ) {
    super(message);
    this.name = 'AdrkitError';
  }

  /** One-line rendering: `file:line:col: message (hint)`. */
  format(): string {
    const { file, line, column, hint } = this.details;
    const where = file ? `${file}${line ? `:${line}:${column ?? 1}` : ''}: ` : '';
    return `${where}${this.message}${hint ? `\n  hint: ${hint}` : ''}`;
  }
}
