import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitdir, runCli, type GitDir } from '../helpers/index.js';
import type { ReviewReport } from '../../src/model/review.js';
import { config } from './fixtures.js';

function adr(title: string, status: string, extra: string[] = []): string {
  return ['---', `title: ${title}`, `status: ${status}`, 'date: 2024-01-01', ...extra, '---', '', `# ${title}`, ''].join('\n');
}

const RANKING = adr('Pick a ranking model', 'accepted', [
  'applies-to: [src/ranking/**, src/rankng/legacy/**]',
  'options:',
  '  - { id: lightgbm, name: LightGBM }',
  '  - { id: xgboost, name: XGBoost }',
  'chosen: lightgbm',
]);

describe('decisions that govern code paths (applies-to)', () => {
  let repo: GitDir;
  beforeAll(() => {
    repo = gitdir([
      {
        files: {
          'adrkit.config.json': config(['applies-to-unmatched'], { appliesTo: { adr: ['pipelines/**'] } }),
          'adr/0012-pick-a-ranking-model.md': RANKING,
          'adr/0013-feature-store.md': adr('Use a feature store', 'proposed', ['applies-to: src/features/*.py']),
          'adr/0014-use-rules.md': adr('Use hand rules', 'rejected', ['applies-to: [src/**]']),
          'adr/0015-nightly-training.md': adr('Train nightly', 'accepted'),
          'src/ranking/model.py': 'x = 1\n',
          'src/features/store.py': 'y = 1\n',
          'src/ui/app.ts': '',
          'pipelines/train.yaml': '',
        },
      },
      { files: { 'src/ranking/model.py': 'x = 2\n', 'src/ranking/new.py': '', 'src/ui/app.ts': 'ui', 'adr/README.md': '# Log\n' } },
    ]);
  });
  afterAll(() => repo.remove());

  it('review names the accepted and proposed decisions whose globs match the changed files outside the log', async () => {
    const { stdout } = await runCli(['review', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], { cwd: repo.path });
    const report = JSON.parse(stdout) as ReviewReport;
    expect(report.governing).toEqual([
      {
        file: '0012-pick-a-ranking-model.md',
        number: 12,
        title: 'Pick a ranking model',
        status: 'accepted',
        chosen: { id: 'lightgbm', name: 'LightGBM' },
        patterns: ['src/ranking/**'],
        files: ['src/ranking/model.py', 'src/ranking/new.py'],
        url: 'adr/0012-pick-a-ranking-model.md',
      },
    ]);
    const md = (await runCli(['review', '--base', 'HEAD~1', '--head', 'HEAD'], { cwd: repo.path })).stdout;
    expect(md).toContain('No decision record changed.');
    expect(md).toContain('- touches `src/ranking/**` (2 files), governed by [12. Pick a ranking model](adr/0012-pick-a-ranking-model.md) (accepted): chosen LightGBM');
  });

  it('`adrkit governs <path…>` answers locally: own globs, the log default, not rejected records', async () => {
    const { code, stdout } = await runCli(['governs', 'src/features/store.py', 'pipelines/train.yaml', '--format', 'json'], { cwd: repo.path });
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { paths: string[]; governing: Array<{ number: number; patterns: string[]; files: string[] }> };
    expect(out.paths).toEqual(['src/features/store.py', 'pipelines/train.yaml']);
    expect(out.governing.map((g) => [g.number, g.patterns, g.files])).toEqual([
      [13, ['src/features/*.py'], ['src/features/store.py']],
      [15, ['pipelines/**'], ['pipelines/train.yaml']],
    ]);
    const table = await runCli(['governs', 'src/ranking'], { cwd: repo.path });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/12 +│? *Pick a ranking model/);
    expect(table.stdout).toContain('LightGBM');
    const none = await runCli(['governs', 'docs/x.md'], { cwd: repo.path });
    expect(none).toMatchObject({ code: 0, stdout: 'No accepted or proposed decision declares `applies-to` globs matching docs/x.md.\n' });
    expect((await runCli(['governs', 'x', '--format', 'yaml'], { cwd: repo.path })).code).toBe(2);
  });

  it('lint warns on a glob that matches no file of the repository, at the glob', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'json'], { cwd: repo.path });
    expect(code).toBe(1); // the test configuration turns the rule (default: warn) into an error
    const { findings } = JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; line: number; path: string; message: string }> };
    expect(findings.map((f) => [f.ruleId, f.file, f.line, f.path, f.message])).toEqual([
      ['applies-to-unmatched', 'adr/0012-pick-a-ranking-model.md', 5, 'applies-to[1]', 'applies-to glob "src/rankng/legacy/**" matches no file in the repository: fix the path or remove it (globs are relative to the project root)'],
    ]);
  });
});
