/** Helpers shared by the CLI commands: loading the log and checking option values. */
import { AdrkitError } from '../model/errors.js';
import { isoDay, isRealIsoDate } from '../util/dates.js';
import { openProject, readProjectLogs, requireRecords, type Project } from '../workspace/project.js';
import type { LoadedRecord } from '../workspace/read-log.js';
import type { BuildProjectOptions } from '../workspace/build-project.js';
import type { CommandContext } from './context.js';
import type { CliIo } from './io.js';

/**
 * Checks a `--format` value against the formats a command writes, before any work is done.
 *
 * @throws AdrkitError `usage` (exit 2) naming the value and the formats to use instead.
 */
export function checkFormat(format: string, allowed: readonly string[]): void {
  if (allowed.includes(format)) return;
  const choices = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(', ')}`;
  throw new AdrkitError('usage', `unknown --format "${format}"`, { hint: `use ${choices}` });
}

/** Every record of the project's log(s) (`--dir` or the configured / detected folders). */
export async function loadRecords(ctx: CommandContext, dir: string | undefined): Promise<{ project: Project; records: LoadedRecord[] }> {
  const project = await openProject(ctx.cwd(), dir);
  const logs = readProjectLogs(project);
  requireRecords(logs);
  return { project, records: logs.flatMap((log) => log.records) };
}

/** `--date` or today from the injected clock, validated. */
export function dayOption(ctx: CommandContext, date: string | undefined): string {
  const day = date ?? isoDay(ctx.io.now());
  if (!isRealIsoDate(day)) throw new AdrkitError('usage', `--date must be a real date YYYY-MM-DD, got "${day}"`);
  return day;
}

/** Prints progress lines on a terminal only (`adrkit: reading decision records…`). */
export function progressOn(io: CliIo): BuildProjectOptions['progress'] {
  return io.stderr.isTTY ? (text) => io.stderr.write(`adrkit: ${text}\n`) : undefined;
}

/** Prints what reading a site reported: warnings (`adrkit: warning: …`), then problems (`file:line:col: message`). */
export function reportSiteProblems(io: CliIo, read: { warnings: string[]; problems: string[] }): void {
  for (const warning of read.warnings) io.stderr.write(`adrkit: warning: ${warning}\n`);
  for (const problem of read.problems) io.stderr.write(`${problem}\n`);
}
