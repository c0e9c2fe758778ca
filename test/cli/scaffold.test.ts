import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { fakeIo } from '../helpers/fake-io.js';
import { parseRecord } from '../../src/parse/record.js';

const NOW = Date.UTC(2026, 10, 21, 12);

const io = (cwd: string) => fakeIo({ cwd, now: NOW });

const tmp = () => mkdtempSync(join(tmpdir(), 'adrkit-cli-'));

describe('adrkit init / new / list', () => {
  it('init creates the folder, the config and a first lint-clean record', async () => {
    const cwd = tmp();
    const a = io(cwd);
    expect(await run(['init'], a)).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'adrkit.config.json'), 'utf8'))).toMatchObject({ dir: 'adr' });
    expect(readdirSync(join(cwd, 'adr'))).toEqual(['0001-record-algorithm-decisions.md']);
    const b = io(cwd);
    expect(await run(['lint'], b)).toBe(0);
  });

  it('init writes its first record in the configured template (algorithm by default), lint-clean, and ignores the site folder in git', async () => {
    const cwd = tmp();
    expect(await run(['init'], io(cwd))).toBe(0);
    const text = readFileSync(join(cwd, 'adr/0001-record-algorithm-decisions.md'), 'utf8');
    const { record } = parseRecord('0001-record-algorithm-decisions.md', text);
    expect(record).toMatchObject({ format: 'native', status: 'accepted', chosen: 'adr-adrkit' });
    expect(record.options).toHaveLength(3);
    expect(text).not.toContain('<!--');
    expect(readFileSync(join(cwd, '.gitignore'), 'utf8')).toBe('# adrkit build output\n/_site/\n');
    for (const template of ['madr', 'nygard']) {
      const other = tmp();
      writeFileSync(join(other, 'adrkit.config.json'), JSON.stringify({ dir: 'adr', template, site: { out: 'public/decisions' } }));
      writeFileSync(join(other, '.gitignore'), 'node_modules');
      expect(await run(['init'], io(other))).toBe(0);
      const [name] = readdirSync(join(other, 'adr'));
      expect(parseRecord(name, readFileSync(join(other, 'adr', name), 'utf8')).record.format).toBe(template === 'madr' ? 'madr' : 'nygard');
      expect(readFileSync(join(other, '.gitignore'), 'utf8')).toBe('node_modules\n# adrkit build output\n/public/decisions/\n');
      const again = io(other);
      expect(await run(['init'], again)).toBe(0);
      expect(readFileSync(join(other, '.gitignore'), 'utf8')).toBe('node_modules\n# adrkit build output\n/public/decisions/\n');
      expect(await run(['lint'], io(other))).toBe(0);
    }
  });

  it('new renders the algorithm template with the next number, options and blips', async () => {
    const cwd = tmp();
    await run(['init'], io(cwd));
    const a = io(cwd);
    expect(await run(['new', 'Choose', 'an', 'embedding', 'model', '--option', 'DINOv2@dinov2', '--option', 'CLIP', '--option', 'ResNet-50', '--tag', 'vision', '--decider', 'Ana'], a)).toBe(0);
    expect(a.out().trim()).toBe('adr/0002-choose-an-embedding-model.md');
    const { record, problems } = parseRecord('0002-choose-an-embedding-model.md', readFileSync(join(cwd, a.out().trim()), 'utf8'));
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ format: 'native', number: 2, title: 'Choose an embedding model', status: 'proposed', date: '2026-11-21', tags: ['vision'], deciders: ['Ana'] });
    expect(record.options.map((o) => [o.id, o.name, o.blip])).toEqual([
      ['dinov2', 'DINOv2', 'dinov2'],
      ['clip', 'CLIP', undefined],
      ['resnet-50', 'ResNet-50', undefined],
    ]);
    expect(record.sections.map((s) => s.heading)).toEqual(['Choose an embedding model', 'Context and problem', 'Decision criteria', 'Options', 'DINOv2 (radar: dinov2)', 'CLIP', 'ResNet-50', 'Decision', 'Impacts']);
  });

  it('new never overwrites and never reuses a number, whatever files are in the folder', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'docs/decisions'), { recursive: true });
    writeFileSync(join(cwd, 'docs/decisions/0007-existing.md'), 'keep me');
    writeFileSync(join(cwd, 'docs/decisions/0003-template.md'), 'template');
    const a = io(cwd);
    expect(await run(['new', 'Existing', '-t', 'nygard'], a)).toBe(0);
    expect(a.out().trim()).toBe('docs/decisions/0008-existing.md');
    expect(readFileSync(join(cwd, 'docs/decisions/0007-existing.md'), 'utf8')).toBe('keep me');
  });

  it('new follows the zero padding of the existing log and the nygard template', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'adr'));
    writeFileSync(join(cwd, 'adr/041-old.md'), '# 41. Old\n');
    const a = io(cwd);
    expect(await run(['new', '--template', 'nygard', 'Use Karpenter'], a)).toBe(0);
    expect(a.out().trim()).toBe('adr/042-use-karpenter.md');
    const text = readFileSync(join(cwd, 'adr/042-use-karpenter.md'), 'utf8');
    expect(parseRecord('042-use-karpenter.md', text).record).toMatchObject({ format: 'nygard', number: 42, title: 'Use Karpenter', status: 'proposed', date: '2026-11-21' });
  });

  it('titles cannot escape the log folder', async () => {
    const cwd = tmp();
    await run(['init'], io(cwd));
    const a = io(cwd);
    expect(await run(['new', '../../etc/passwd', '-t', 'nygard'], a)).toBe(0);
    expect(a.out().trim()).toBe('adr/0002-etc-passwd.md');
  });

  it('usage errors exit 2 with one clear line and no stack trace', async () => {
    const cwd = tmp();
    await run(['init'], io(cwd));
    for (const argv of [['new', 'x', '--status', 'acceptd'], ['new', 'x', '--template', 'foo'], ['list', '--format', 'xml'], ['frobnicate']]) {
      const a = io(cwd);
      expect(await run(argv, a)).toBe(2);
      expect(a.err()).not.toMatch(/\n\s+at /);
      expect(a.err().length).toBeGreaterThan(0);
    }
  });

  it('a missing decision log folder is a clear error, exit 2', async () => {
    const a = io(tmp());
    expect(await run(['list'], a)).toBe(2);
    expect(a.err()).toMatch(/no decision log folder found/);
    expect(a.err()).toMatch(/adrkit init/);
  });

  it('list prints JSON with number, title, status, date', async () => {
    const cwd = tmp();
    await run(['init'], io(cwd));
    await run(['new', 'Second', '--status', 'accepted', '-t', 'nygard'], io(cwd));
    const a = io(cwd);
    expect(await run(['list', '--format', 'json'], a)).toBe(0);
    expect(JSON.parse(a.out())).toMatchObject([
      { number: 1, title: 'Record algorithm decisions', status: 'accepted', date: '2026-11-21' },
      { number: 2, title: 'Second', status: 'accepted' },
    ]);
  });

  it('auto-detects adr-tools .adr-dir and runs anywhere with -C', async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'architecture/log'), { recursive: true });
    writeFileSync(join(cwd, '.adr-dir'), 'architecture/log\n');
    writeFileSync(join(cwd, 'architecture/log/0001-a.md'), '# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n');
    const a = io(tmp());
    expect(await run(['-C', cwd, 'list', '--format', 'json'], a)).toBe(0);
    expect(JSON.parse(a.out())).toMatchObject([{ number: 1, title: 'A', status: 'accepted' }]);
  });
});
