import { execFileSync } from 'node:child_process';
import { testdir, type TestDir, type TreeFiles } from './testdir.js';

/** One commit of {@link gitdir}: files to write (null deletes), a message and a fixed date. */
export interface TestCommit {
  files: Record<string, string | Uint8Array | null>;
  message?: string;
  /** ISO date-time of author and committer, e.g. `2024-01-15T10:00:00Z`. */
  date?: string;
  author?: { name: string; email: string };
}

/** A temporary git repository built by {@link gitdir}. */
export interface GitDir extends TestDir {
  /** Runs git in the repository with fixed identity and dates; returns stdout. */
  git(args: string[], date?: string): string;
  /** Adds a commit like the ones given to {@link gitdir}; returns its hash. */
  commit(commit: TestCommit): string;
}

/** Environment that makes git deterministic and independent of the user's config. */
export function gitEnv(date = '2024-01-01T00:00:00Z', author = { name: 'Ada Test', email: 'ada@example.com' }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/**
 * Builds a temporary git repository (branch `main`) with one commit per entry, each with a
 * fixed author and date, so history-derived facts are reproducible.
 *
 * @param commits - commits in order; the first one usually creates the decision log folder.
 * @param files - files written but not committed (work tree only).
 */
export function gitdir(commits: TestCommit[], files: TreeFiles = {}): GitDir {
  const dir = testdir({}, 'adrkit-git-');
  const git = (args: string[], date?: string, author?: TestCommit['author']) =>
    execFileSync('git', args, { cwd: dir.path, env: gitEnv(date, author), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Ada Test']);
  git(['config', 'user.email', 'ada@example.com']);
  git(['config', 'commit.gpgsign', 'false']);
  const commit = (c: TestCommit): string => {
    for (const [rel, content] of Object.entries(c.files)) {
      if (content === null) git(['rm', '-q', '--', rel]);
      else {
        dir.write({ [rel]: content });
        git(['add', '--', rel]);
      }
    }
    git(['commit', '-q', '--allow-empty', '-m', c.message ?? 'change'], c.date, c.author);
    return git(['rev-parse', 'HEAD']).trim();
  };
  commits.forEach((c, i) => commit({ date: `2024-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`, ...c }));
  dir.write(files);
  return { ...dir, git: (args, date) => git(args, date), commit };
}
