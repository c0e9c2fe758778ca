import { fakeIo as sharedFakeIo, type FakeIo } from '../helpers/fake-io.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temp git repository with fixed identities; every commit gets the date you pass. */
export interface GitDir {
  dir: string;
  git(args: string[], date?: string): string;
  write(path: string, text: string): void;
  commit(message: string, date: string): void;
  cleanup(): void;
}

/** Creates a temp git repository (branch main, user "Ada" unless given). */
export function gitdir(prefix = 'adrkit-git-'): GitDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (args: string[], date = '2024-01-01T12:00:00+00:00') =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
    });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Ada']);
  git(['config', 'user.email', 'ada@example.org']);
  git(['config', 'commit.gpgsign', 'false']);
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message, date) {
      git(['add', '-A']);
      git(['commit', '-q', '-m', message], date);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fake CLI io capturing stdout and stderr (the shared helper, with this suite's clock). */
export function fakeIo(cwd: string): FakeIo {
  return sharedFakeIo({ cwd, now: Date.parse('2025-01-01T00:00:00Z') });
}

/** A Nygard-style record. */
export function nygard(n: number, title: string, status: string, date = '2024-01-01'): string {
  return `# ${n}. ${title}\n\nDate: ${date}\n\n## Status\n\n${status}\n\n## Context\n\nSome context.\n\n## Decision\n\nWe do it.\n`;
}
