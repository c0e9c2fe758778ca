import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default for `run` is one worker less than the cores: a single worker on a 2-core
    // machine, which then runs the 81 files one after another while most of them wait on git,
    // node or Chromium child processes. One worker per core (2 here) overlaps those waits:
    // measured on a subset of 26 files, 129 s with 1 worker -> 86 s with 2, same CPU time (load ~9).
    maxWorkers: '100%',
    globalSetup: ['test/global-setup.ts'],
  },
});
