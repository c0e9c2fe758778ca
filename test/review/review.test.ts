import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { z } from 'zod';
import { gitdir, runCli, type GitDir } from '../helpers/index.js';
import { ReviewReport } from '../../src/model/review.js';
import { config, record } from './fixtures.js';

/** Splits a markdown review into its `### ` sections (the part before the first one under ''). */
function sections(markdown: string): Map<string, string> {
  const map = new Map<string, string>();
  const parts = markdown.split(/^### /m);
  map.set('', parts[0]);
  for (const part of parts.slice(1)) map.set(part.slice(0, part.indexOf('\n')), part.slice(part.indexOf('\n') + 1));
  return map;
}

describe('adrkit review', () => {
  let repo: GitDir;
  beforeAll(() => {
    // main: 0001, 0002 (proposed, two options)
    repo = gitdir([
      {
        files: {
          'adrkit.config.json': config(),
          'adr/0001-use-postgres.md': record('Use postgres', 'accepted'),
          'adr/0002-pick-embedding-model.md': record('Pick embedding model', 'proposed', { options: [{ id: 'dinov2', blip: 'dinov2' }, { id: 'clip' }] }),
          'adr/README.md': '# Decision log\n',
        },
        message: 'initial log',
      },
    ]);
    // feature-b adds 0003 and is merged into main first.
    repo.git(['checkout', '-q', '-b', 'feature-b']);
    repo.commit({ files: { 'adr/0003-use-kafka.md': record('Use kafka', 'proposed') }, message: 'add 0003 kafka', date: '2024-02-01T10:00:00Z' });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--ff-only', 'feature-b']);
    // feature-a branched before the merge: also adds a 0003, accepts 0002, renames 0001.
    repo.git(['checkout', '-q', '-b', 'feature-a', 'HEAD~1']);
    repo.commit({
      files: {
        'adr/0003-use-redis.md': record('Use redis', 'proposed', { options: [{ id: 'redis' }, { id: 'numpy-pandas', blip: 'pandas-numpy-backend' }, { id: 'legacy', blip: 'in-house-cache', ring: 'hold' }] }),
        'adr/0002-pick-embedding-model.md': record('Pick embedding model', 'Accepted', { options: [{ id: 'dinov2', blip: 'dinov2' }, { id: 'siglip' }], chosen: 'dinov2' }),
        'adr/0001-use-postgres.md': null,
        'adr/0001-use-postgresql.md': record('Use postgres', 'accepted'),
      },
      message: 'feature a',
      date: '2024-02-02T10:00:00Z',
    });
  });
  afterAll(() => repo.remove());

  it('reports additions, edits, renames, status and option changes, HOLD links and the collision, section by section', async () => {
    const { code, stdout, stderr } = await runCli(['review', '--base', 'main', '--head', 'feature-a'], { cwd: repo.path });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.startsWith('<!-- adrkit-review -->\n')).toBe(true);
    const s = sections(stdout);
    expect([...s.keys()]).toEqual(['', 'Records', 'Decisions', 'Options linked to HOLD blips', 'Number collisions']);
    expect(s.get('')).toContain('Compared `main`');
    expect(s.get('')).toContain('❌ 1 number collision to fix before merging.');
    expect(s.get('')).toContain('| 1 | 1 | 1 | 0 | 1 | 1 | 0 | 2 | 0 | 1 | 0 | 0 |');
    const rows = s.get('Records')!.split('\n').filter((l) => l.startsWith('| ['));
    expect(rows).toEqual([
      '| [1. Use postgres](adr/0001-use-postgresql.md) | renamed from `0001-use-postgres.md` | accepted |',
      '| [2. Pick embedding model](adr/0002-pick-embedding-model.md) | edited | accepted |',
      '| [3. Use redis](adr/0003-use-redis.md) | added | proposed |',
    ]);
    expect(s.get('Decisions')!.trim().split('\n')).toEqual([
      '#### 2. Pick embedding model (`0002-pick-embedding-model.md`)',
      '',
      '- Status: **proposed → accepted**',
      '- Options: added `siglip`; removed `clip`',
      '- Chosen option: **`none` → `dinov2`**',
    ]);
    const hold = s.get('Options linked to HOLD blips')!;
    expect(hold).toContain('- `0003-use-redis.md`: option `legacy` → blip `in-house-cache`');
    expect(hold).toContain('- `0003-use-redis.md`: option `numpy-pandas` → blip `pandas-numpy-backend` (Pandas avec backend NumPy)');
    const collisions = s.get('Number collisions')!;
    expect(collisions).toContain('| `0003-use-redis.md` | 3 | `0003-use-kafka.md` (added to `main`) | `0004-use-redis.md` |');
    expect(collisions).toContain('npx adrkit renumber --dir adr 0003-use-redis.md 4');
  });

  it('counts changes from the merge base, and finds the collision the other way round too', async () => {
    const { stdout } = await runCli(['review', '--base', 'feature-a', '--head', 'main', '--format', 'json'], { cwd: repo.path });
    const report = JSON.parse(stdout) as ReviewReport;
    expect(report.mergeBase).toBe(repo.git(['rev-parse', 'main~1']).trim());
    expect(report.changes.map((c) => [c.kind, c.file])).toEqual([['added', '0003-use-kafka.md']]);
    expect(report.collisions).toEqual([
      { file: '0003-use-kafka.md', number: 3, otherFile: '0003-use-redis.md', otherIn: 'base', suggestedNumber: 4, suggestedFile: '0004-use-kafka.md', command: 'adrkit renumber --dir adr 0003-use-kafka.md 4' },
    ]);
  });

  it('writes JSON that validates against schema/review.schema.json', async () => {
    const { code, stdout } = await runCli(['review', '--base', 'main', '--head', 'feature-a', '--format', 'json'], { cwd: repo.path });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const schemaPath = join(import.meta.dirname, '../../schema/review.schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(validate({ ...report, ok: 'yes' })).toBe(false);
    expect(ReviewReport.parse(report).summary).toEqual({ added: 1, edited: 1, removed: 0, renamed: 1, statusChanges: 1, optionChanges: 1, matrixChanges: 0, governing: 0, holdLinks: 2, collisions: 1, errors: 0, warnings: 0 });
    expect(report.decisions[0].status).toEqual({ from: 'proposed', to: 'accepted', fromText: 'proposed', toText: 'Accepted' });
    // the committed schema is the one generated from the zod model
    const generated = z.toJSONSchema(ReviewReport, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    expect(schema.properties).toEqual(generated.properties);
  });

  it('compares with the working tree by default and links to GitHub blobs in pull requests', async () => {
    repo.git(['checkout', '-q', 'main']);
    repo.write({ 'adr/0002-pick-embedding-model.md': record('Pick embedding model', 'rejected', { options: [{ id: 'dinov2', blip: 'dinov2' }, { id: 'clip' }] }) });
    try {
      const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/models', GITHUB_HEAD_REF: 'feature-x' };
      const { code, stdout } = await runCli(['review', '--base', 'main'], { cwd: repo.path, env });
      expect(code).toBe(0);
      expect(stdout).toContain('with the working tree in `adr`');
      expect(stdout).toContain('✅ 1 record changed, no number collision, no lint error.');
      expect(stdout).toContain('[2. Pick embedding model](https://github.com/acme/models/blob/feature-x/adr/0002-pick-embedding-model.md)');
      expect(stdout).toContain('**proposed → rejected**');
    } finally {
      repo.git(['checkout', '-q', '--', '.']);
    }
  });

  it('says when nothing changed and exits 0', async () => {
    const { code, stdout } = await runCli(['review', '--base', 'main', '--head', 'main'], { cwd: repo.path });
    expect(code).toBe(0);
    expect(stdout).toContain('No decision record changed.');
  });

  it('reports lint errors on the changed records only and exits 1', async () => {
    const lintRepo = gitdir([
      { files: { 'adrkit.config.json': config(['frontmatter-schema']), 'adr/0001-old.md': '---\ntitle: Old\nstatus: accepted\ndate: 2024-01-01\ndeciders: [ada]\ncolour: red\n---\n# Old\n' } },
      { files: { 'adr/0002-new.md': '---\ntitle: New\nstatus: accepted\ndate: 2024-01-02\ndeciders: [ada]\nweight: heavy\n---\n# New\n' } },
    ]);
    try {
      const { code, stdout } = await runCli(['review', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], { cwd: lintRepo.path });
      const report = JSON.parse(stdout) as ReviewReport;
      expect(code).toBe(1);
      expect(report.ok).toBe(false);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['adr/0002-new.md']));
      expect(report.findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['frontmatter-schema', 'error', 6]]);
    } finally {
      lintRepo.remove();
    }
  });

  it('exits 2 with a fetch hint on an unknown ref', async () => {
    const { code, stdout, stderr } = await runCli(['review', '--base', 'origin/nope'], { cwd: repo.path });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown ref origin/nope: fetch it (git fetch origin nope) or use fetch-depth: 0');
  });
});
