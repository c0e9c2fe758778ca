import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint, type LintFinding, type LintOptions } from '../../src/lint/engine.js';
import { RULES } from '../../src/rules/index.js';
import { readLog } from '../../src/workspace/read-log.js';

/** Fixed "today" of every rule test. */
export const TODAY = '2025-06-01';

/** Every file under a folder, relative to it, `/` separators. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? listFiles(abs, base) : [relative(base, abs).split('\\').join('/')];
  });
}

/** Lints a fixture log folder (the folder is both the working directory and the log). */
export function lintFolder(dir: string, options: Partial<LintOptions> = {}): LintFinding[] {
  const log = readLog(dir, dir);
  return lint(log.records, { rules: RULES, today: TODAY, files: new Set(listFiles(dir)), logDirs: ['.'], unreadable: log.unreadable, ...options });
}
