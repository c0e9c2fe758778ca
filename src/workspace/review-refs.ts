import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AdrkitError } from '../model/errors.js';
import type { ReviewReport } from '../model/review.js';
import { RULES } from '../rules/index.js';
import { RuleOptionsError } from '../lint/engine.js';
import { changedRepoFiles, fromRepoRoot, listRepoFiles, mergeBase, readLogAtCommit, readRenames, repoPrefix, resolveCommit } from '../history/refs.js';
import { encodePath } from '../review/link.js';
import { logAppliesTo } from '../model/applies-to.js';
import { buildReview } from '../review/build.js';
import { holdLookupFromRadars, holdLookupFromRadarYaml, type HoldLookup } from '../review/hold.js';
import type { SnapshotFile } from '../review/match.js';
import { loadRadars } from '../radar/load.js';
import type { RadarSet } from '../radar/resolve.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { openProject } from './project.js';
import { toPosix } from './read-log.js';

/** The built-in radar used to spot HOLD blips (see src/review/hold.ts). */
const BUILTIN_RADAR = join(PACKAGE_ROOT, 'radar', 'sicara-2024.yaml');

function builtinHoldLookup(): HoldLookup {
  try {
    return holdLookupFromRadarYaml(readFileSync(BUILTIN_RADAR, 'utf8'));
  } catch {
    return () => undefined;
  }
}

/** Top-level files of a log folder in the working tree. */
function readWorkingTree(dir: string): SnapshotFile[] {
  const files: SnapshotFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    try {
      if (!statSync(abs).isFile()) continue;
      files.push({ path: name, text: readFileSync(abs, 'utf8') });
    } catch {
      // unreadable files are reported by `adrkit lint`
    }
  }
  return files;
}

/**
 * Link of a head file: an absolute GitHub blob URL when GITHUB_SERVER_URL, GITHUB_REPOSITORY and
 * GITHUB_HEAD_REF are set (pull request workflows), else the path relative to the working directory.
 */
function linker(env: Record<string, string | undefined>, prefix: string, relDir: string): (file: string) => string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_HEAD_REF: ref } = env;
  if (server && repo && ref) return (file) => `${server.replace(/\/$/, '')}/${repo}/blob/${encodePath(ref)}/${encodePath(`${prefix}${file}`)}`;
  return (file) => encodePath(relDir === '.' ? file : `${relDir}/${file}`);
}

/** Options of {@link reviewRefs} (the `adrkit review` flags). */
export interface ReviewRefsOptions {
  /** Base of the comparison (e.g. `origin/main`). */
  base: string;
  /** Head of the comparison; undefined: the working tree. */
  head?: string;
  dir?: string;
  /** `YYYY-MM-DD`, for lint rules. */
  today: string;
  /** Environment for links (GitHub variables); default none. */
  env?: Record<string, string | undefined>;
  warn?: (message: string) => void;
}

/**
 * Reviews what `head` (or the working tree) changes in the decision log since `base` (from
 * their merge base): the semantic decision diff `adrkit review` renders. Reads git.
 *
 * @throws AdrkitError `git` for an unknown ref, `config` for bad rule settings.
 */
export async function reviewRefs(cwd: string, options: ReviewRefsOptions): Promise<ReviewReport> {
  const project = await openProject(cwd, options.dir);
  const dir = project.dirs[0];
  const relDir = toPosix(relative(cwd, dir)) || '.';
  const prefix = await repoPrefix(dir);
  const baseCommit = await resolveCommit(dir, options.base);
  const headCommit = options.head ? await resolveCommit(dir, options.head) : null;
  const forkCommit = await mergeBase(dir, baseCommit, headCommit ?? 'HEAD');
  // Repository paths are relative to its root; the review speaks relative to the working directory.
  const cwdPrefix = await repoPrefix(cwd);
  const [baseFiles, forkFiles, headFiles, renames, tree, changed] = await Promise.all([
    readLogAtCommit(dir, baseCommit),
    forkCommit === baseCommit ? Promise.resolve(undefined) : readLogAtCommit(dir, forkCommit),
    headCommit ? readLogAtCommit(dir, headCommit) : Promise.resolve(existsSync(dir) ? readWorkingTree(dir) : []),
    readRenames(dir, forkCommit, headCommit ?? undefined),
    listRepoFiles(cwd, headCommit),
    changedRepoFiles(cwd, forkCommit, headCommit ?? undefined),
  ]);
  let radars: RadarSet | undefined;
  try {
    radars = loadRadars(cwd, project.config.config.radars);
  } catch (error) {
    options.warn?.(`radars not loaded (${(error as Error).message}); HOLD blips are read from the built-in radar only`);
  }
  try {
    return buildReview({
      dir: relDir,
      base: { ref: options.base, commit: baseCommit, files: baseFiles },
      head: { ref: options.head ?? 'working tree', commit: headCommit, files: headFiles },
      mergeBase: forkFiles ? { commit: forkCommit, files: forkFiles } : undefined,
      renames,
      hold: radars ? holdLookupFromRadars(radars) : builtinHoldLookup(),
      lint: { rules: RULES, settings: project.config.config.rules ?? {}, today: options.today, radar: radars },
      link: linker(options.env ?? {}, prefix, relDir),
      repository: { files: fromRepoRoot(tree, cwdPrefix), changed: fromRepoRoot(changed, cwdPrefix) },
      appliesTo: logAppliesTo(project.config.config.appliesTo, relDir),
      radars,
    });
  } catch (error) {
    if (error instanceof RuleOptionsError) throw new AdrkitError('config', error.message, { file: project.config.filepath });
    throw error;
  }
}
