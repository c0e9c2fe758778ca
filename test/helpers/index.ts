export { testdir, type TestDir, type TreeFiles } from './testdir.js';
export { gitdir, gitEnv, type GitDir, type TestCommit } from './gitdir.js';
export { fakeIo, runCli, FIXED_NOW, type FakeIo, type CliResult } from './fake-io.js';
