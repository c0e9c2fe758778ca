import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testdir } from './helpers/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs an ES module snippet that imports the built package by its name, as a user's code would. */
function runAsUser(code: string, env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('adrkit as a library (the built package entry point)', () => {
  it('has the files package.json points to', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const file of [pkg.main, pkg.types, pkg.exports['.'].import, pkg.exports['.'].types]) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it('reads, lints and renders a decision log through `import ... from "adrkit"`', () => {
    const dir = testdir({
      'node_modules/.keep': '',
      'adr/0001-use-x.md': '---\ntitle: Use X\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n\n## Context and problem\n\nWhy.\n\nSee [Y](0002-use-y.md) and ![the graph](graph.png).\n',
      'adr/graph.png': 'png',
    });
    const out = runAsUser(
      `import { openProject, readProjectLogs, listLogFiles, lint, RULES, buildSite, loadSiteTemplates } from 'adrkit';
       const project = await openProject(process.env.DIR);
       const loaded = readProjectLogs(project).flatMap((log) => log.records);
       const files = await listLogFiles(process.env.DIR, project.dirs);
       const findings = lint(loaded, { rules: RULES, today: '2026-11-21', logDirs: ['adr'], files });
       const site = buildSite({ title: 'T', baseUrl: '', sections: [{ name: 'adr', dir: 'adr' }],
         records: loaded.map((l) => ({ record: l.record, file: 'adr/' + l.record.path, section: 'adr', created: undefined, updated: undefined, authors: [], statusHistory: [] })) }, loadSiteTemplates());
       console.log(JSON.stringify({ titles: loaded.map((l) => l.record.title), links: findings.filter((f) => f.ruleId === 'link-target').map((f) => f.message), pages: [...site.keys()].filter((p) => p.startsWith('records/')) }));`,
      { DIR: dir.path },
    );
    const result = JSON.parse(out);
    expect(result.titles).toEqual(['Use X']);
    // The missing record is reported; the image, a file of the log folder, is not.
    expect(result.links).toEqual(['link target "0002-use-y.md" does not exist (did you mean "0001-use-x.md"?)']);
    expect(result.pages).toEqual(['records/0001.html']);
    dir.remove();
  });

  it('exports defineRule and defineConfig: a custom rule runs beside the built-in ones, a JavaScript config is typed and loaded', () => {
    const dir = testdir({
      'adr/0001-use-x.md': '---\ntitle: Use X\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n\nTODO: say why.\n',
      'adrkit.config.mjs': `import { defineConfig } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};\nexport default defineConfig({ dir: 'adr', rules: { 'stale-proposed': 'off' } });\n`,
    });
    const out = runAsUser(
      `import { defineRule, defineConfig, loadConfig, openProject, readProjectLogs, lint, RULES } from 'adrkit';
       const noTodo = defineRule({
         meta: { id: 'no-todo', description: 'no TODO left in a record', severity: 'warning', fixable: false, scope: 'record', messages: { todo: 'a TODO is left in the body' } },
         check({ target, report }) { if (target.record.body.includes('TODO')) report({ messageId: 'todo', path: 'body' }); },
       });
       const config = await loadConfig(process.env.DIR);
       const project = await openProject(process.env.DIR);
       const loaded = readProjectLogs(project).flatMap((log) => log.records);
       const findings = lint(loaded, { rules: [...RULES, noTodo], today: '2026-11-21', settings: config.config.rules });
       const same = defineConfig({ dir: 'x' });
       console.log(JSON.stringify({ config: config.config, file: config.filepath.endsWith('adrkit.config.mjs'), same, todo: findings.filter((f) => f.ruleId === 'no-todo').map((f) => [f.severity, f.message]) }));`,
      { DIR: dir.path },
    );
    const result = JSON.parse(out);
    expect(result.config).toMatchObject({ dir: 'adr', rules: { 'stale-proposed': 'off' } });
    expect(result.file).toBe(true);
    expect(result.same).toEqual({ dir: 'x' });
    expect(result.todo).toEqual([['warning', 'a TODO is left in the body']]);
    dir.remove();
  });
});
