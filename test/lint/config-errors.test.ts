import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

let dirs: TestDir[] = [];
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});
async function lintWith(file: string, text: string) {
  const dir = testdir({ [file]: text, 'adr/.keep': '' });
  dirs.push(dir);
  const r = await runCli(['lint'], { cwd: dir.path });
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

describe('configuration errors are as good as record errors', () => {
  it('JSON syntax errors at line:col, with the file relative to the project', async () => {
    const err = await lintWith('adrkit.config.json', '{\n  "dir": "adr",\n  "rules": { "title": "off", }\n}\n');
    expect(err).toMatch(/^adrkit: adrkit\.config\.json:3:\d+: invalid JSON: /);
    expect(err).toContain('trailing commas');
  });

  it('YAML syntax errors at the cause line:col, in adrkit words', async () => {
    const err = await lintWith('.adrkitrc.yaml', 'dir: adr\nrules:\n  title: [warn, {}\ntemplate: madr\n');
    expect(err).toContain('.adrkitrc.yaml:3:10: invalid YAML: this flow list `[ … ]` is never closed');
  });

  it('unknown keys with did-you-mean, at the key', async () => {
    const err = await lintWith('adrkit.config.json', '{\n  "dir": "adr",\n  "templat": "madr"\n}\n');
    expect(err).toContain('adrkit.config.json:3:3: unknown key "templat" (did you mean "template"?)');
    const nested = await lintWith('adrkit.config.yaml', 'dir: adr\nsite:\n  otu: public\n');
    expect(nested).toContain('adrkit.config.yaml:3:3: unknown key "site.otu" (did you mean "out"?)');
  });

  it('a bad rule severity lists the valid values; the hint points at the project\'s own $schema', async () => {
    const err = await lintWith('adrkit.config.json', '{\n  "$schema": "./schemas/adrkit.json",\n  "dir": "adr",\n  "rules": {\n    "valid-date": "high"\n  }\n}\n');
    expect(err).toContain('adrkit.config.json:5:5: rule "valid-date": the setting must be one of "off", "warn", "error", "info", or [severity, { options }]; got "high"');
    expect(err).toContain('hint: the allowed keys and values are in ./schemas/adrkit.json');
  });

  it('an unknown rule id gets a did-you-mean', async () => {
    const err = await lintWith('adrkit.config.json', '{"dir":"adr","rules":{"valid-dates":"off"}}');
    expect(err).toContain('unknown rule "valid-dates" in configuration (did you mean "valid-date"?)');
  });
});
