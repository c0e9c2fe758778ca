import type { Finding } from '../../model/finding.js';

/** Input of a reporter. */
export interface ReportInput {
  findings: Finding[];
  /** Number of files linted. */
  fileCount: number;
  /** Absolute working directory (SARIF uses it as the base URI). */
  cwd: string;
  /** Whether the output may use ANSI colours. */
  color: boolean;
}

/** A reporter turns findings into text; one reporter per file in `src/render/reporters/`. */
export interface Reporter {
  name: string;
  render(input: ReportInput): string;
}
