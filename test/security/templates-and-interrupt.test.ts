import { spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, testdir } from '../helpers/index.js';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'dist/cli/bin.js');

function record(n: number, title: string): string {
  return `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n${'Some context. '.repeat(40)}\n\n## Decision\n\nWe do it.\n\n## Consequences\n\nFine.\n`;
}

describe('site templates stay inside the project', () => {
  it('refuses a templates folder outside the project', async () => {
    const outside = testdir({ 'index.hbs': 'stolen' });
    const project = testdir({ 'adr/0001-a.md': record(1, 'A'), 'adrkit.config.json': JSON.stringify({ site: { templates: outside.path } }) });
    const result = await runCli(['build', '--out', '_site'], { cwd: project.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/outside the project/);
    expect(existsSync(join(project.path, '_site'))).toBe(false);
  });

  it('refuses a template that is a symbolic link to a file elsewhere', async () => {
    const secret = testdir({ 'secret.hbs': 'TOP-SECRET' });
    const project = testdir({ 'adr/0001-a.md': record(1, 'A'), 'theme/partials/.keep': '', 'adrkit.config.json': JSON.stringify({ site: { templates: 'theme' } }) });
    symlinkSync(join(secret.path, 'secret.hbs'), join(project.path, 'theme/partials/footer.hbs'));
    const result = await runCli(['build', '--out', '_site'], { cwd: project.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/links outside the templates folder/);
  });

  it('uses an override inside the project', async () => {
    const project = testdir({ 'adr/0001-a.md': record(1, 'A'), 'theme/assets/extra.txt': 'hello', 'adrkit.config.json': JSON.stringify({ site: { templates: 'theme' } }) });
    const result = await runCli(['build', '--out', '_site'], { cwd: project.path });
    expect(result.code).toBe(0);
    expect(readFileSync(join(project.path, '_site/assets/extra.txt'), 'utf8')).toBe('hello');
  });
});

describe('an interrupted build', () => {
  it('leaves the previous site complete whenever it is killed', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 300; n++) files[`adr/${String(n).padStart(4, '0')}-decision-${n}.md`] = record(n, `Decision ${n}`);
    const project = testdir(files);
    // the builds before and after the kills run in-process: only the killed ones need a process
    expect((await runCli(['build', '--out', 'site'], { cwd: project.path })).code).toBe(0);
    const count = () => (JSON.parse(readFileSync(join(project.path, 'site/decisions.json'), 'utf8')) as unknown[]).length;
    expect(count()).toBe(300);
    mkdirSync(join(project.path, 'adr'), { recursive: true });
    for (let n = 301; n <= 400; n++) writeFileSync(join(project.path, `adr/${String(n).padStart(4, '0')}-decision-${n}.md`), record(n, `Decision ${n}`));
    // Kill builds at several points; after each, the site is one complete build: the old or the new.
    for (const delay of [30, 80, 150, 250, 400]) {
      const child = spawn('node', [BIN, 'build', '--out', 'site'], { cwd: project.path, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      expect([300, 400]).toContain(count());
      expect(existsSync(join(project.path, 'site/index.html'))).toBe(true);
      const index = readFileSync(join(project.path, 'site/index.html'), 'utf8');
      expect(index).toMatch(/<\/html>\s*$/);
    }
    expect((await runCli(['build', '--out', 'site'], { cwd: project.path })).code).toBe(0);
    expect(count()).toBe(400);
  });
});
