/** Severity of a finding; `off` only appears in configuration. */
export type Severity = 'error' | 'warn' | 'info';

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** One lint finding: typed data, formatted by a reporter. */
export interface Finding {
  /** Rule id (`frontmatter-schema`) or a parser code (`parse/yaml`). */
  ruleId: string;
  severity: Severity;
  /** Path of the file, relative to the working directory, `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** Frontmatter key path (`options[2].blip`) or section the finding is about. */
  path?: string;
  /** True when `--fix` can fix it. */
  fixable?: boolean;
}
