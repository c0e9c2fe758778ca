import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir, runCli } from '../helpers/index.js';
import { CORPUS, sharedCorpusClone } from '../helpers/corpus.js';
import type { ReviewReport } from '../../src/model/review.js';
import { config, record } from './fixtures.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function review(cwd: string, args: string[], now?: number): Promise<{ code: number; report: ReviewReport; stderr: string }> {
  const { code, stdout, stderr } = await runCli(['review', ...args, '--format', 'json'], { cwd, now });
  return { code, report: JSON.parse(stdout) as ReviewReport, stderr };
}

describe('review never cries wolf', () => {
  it('checks links against the whole head tree: an image under assets/ that exists at head is no error, a missing one is', async () => {
    const withImage = (href: string) => `${record('Show the cover', 'accepted')}\n![sketch](${href})\n`;
    const repo = gitdir([
      { files: { 'adrkit.config.json': config(['link-target']), 'adr/0001-show-the-cover.md': record('Show the cover', 'proposed') } },
      { files: { 'adr/assets/0001-cover.png': PNG, 'adr/0001-show-the-cover.md': withImage('assets/0001-cover.png') } },
      { files: { 'adr/0001-show-the-cover.md': withImage('assets/0001-missing.png') } },
    ]);
    try {
      const ok = await review(repo.path, ['--base', 'HEAD~2', '--head', 'HEAD~1']);
      expect(ok.report.findings).toEqual([]);
      expect(ok.code).toBe(0);
      const broken = await review(repo.path, ['--base', 'HEAD~1', '--head', 'HEAD']);
      expect(broken.code).toBe(1);
      expect(broken.report.findings.map((f) => [f.ruleId, f.file, f.message])).toEqual([['link-target', 'adr/0001-show-the-cover.md', 'link target "assets/0001-missing.png" does not exist']]);
      // the working tree is read the same way (untracked images count, deleted ones do not)
      repo.write({ 'adr/0001-show-the-cover.md': withImage('assets/new.png'), 'adr/assets/new.png': PNG });
      expect((await review(repo.path, ['--base', 'HEAD'])).report.findings).toEqual([]);
    } finally {
      repo.remove();
    }
  });

  it('does not call a range that deletes record N and adds a different N a collision; a second N at head is one', async () => {
    const repo = gitdir([
      { files: { 'adrkit.config.json': config(), 'adr/0001-a.md': record('A', 'accepted'), 'adr/0002-use-webview.md': record('Use webview', 'accepted') } },
      { files: { 'adr/0002-use-webview.md': null, 'adr/0002-use-textflow.md': record('Use text flow', 'accepted', { options: [{ id: 'flow' }] }) } },
      { files: { 'adr/0002-use-canvas.md': record('Use canvas', 'proposed') } },
    ]);
    try {
      const replaced = await review(repo.path, ['--base', 'HEAD~2', '--head', 'HEAD~1']);
      expect(replaced.report.changes.map((c) => [c.kind, c.file])).toEqual([['added', '0002-use-textflow.md'], ['removed', '0002-use-webview.md']]);
      expect(replaced.report.collisions).toEqual([]);
      expect(replaced.code).toBe(0);
      const twice = await review(repo.path, ['--base', 'HEAD~1', '--head', 'HEAD']);
      expect(twice.report.collisions).toEqual([
        { file: '0002-use-canvas.md', number: 2, otherFile: '0002-use-textflow.md', otherIn: 'head', suggestedNumber: 3, suggestedFile: '0003-use-canvas.md', command: 'adrkit renumber --dir adr 0002-use-canvas.md 3' },
      ]);
      expect(twice.code).toBe(1);
    } finally {
      repo.remove();
    }
  });

  it('percent-encodes record links in the markdown (`#` would start a fragment)', async () => {
    const repo = gitdir([
      { files: { 'adrkit.config.json': config(), 'adr/0001-a.md': record('A', 'accepted') } },
      { files: { 'adr/0002-use-#-as-marker (draft).md': record('Use hash as marker', 'proposed') } },
    ]);
    try {
      const { stdout } = await runCli(['review', '--base', 'HEAD~1', '--head', 'HEAD'], { cwd: repo.path });
      expect(stdout).toContain('| [2. Use hash as marker](adr/0002-use-%23-as-marker%20%28draft%29.md) | added | proposed |');
      const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/x', GITHUB_HEAD_REF: 'feat/#12' };
      const gh = await runCli(['review', '--base', 'HEAD~1', '--head', 'HEAD'], { cwd: repo.path, env });
      expect(gh.stdout).toContain('(https://github.com/acme/x/blob/feat/%2312/adr/0002-use-%23-as-marker%20%28draft%29.md)');
    } finally {
      repo.remove();
    }
  });
});

const JABREF = join(CORPUS, 'JabRef__jabref.bundle');

describe.skipIf(!existsSync(JABREF))('review on JabRef history (HEAD~15..HEAD)', () => {
  it('finds no missing image, no collision for the replaced 0042, and encodes 0024-use-#-…', async () => {
    const cwd = sharedCorpusClone('JabRef__jabref');
    const { code, report } = await review(cwd, ['--base', 'HEAD~15', '--head', 'HEAD', '--dir', '.'], Date.UTC(2026, 11, 1));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.collisions).toEqual([]);
    expect(code).toBe(0);
    const at42 = report.changes.filter((c) => c.number === 42).map((c) => [c.kind, c.file]);
    expect(at42).toEqual([['added', '0042-use-markdowntextflow-for-summarization-content.md'], ['removed', '0042-use-webview-for-summarization-content.md']]);
    expect(report.changes.find((c) => c.number === 24)?.url).toBe('0024-use-%23-as-indicator-for-BibTeX-string-constants.md');
    // 30ab817 "Refine JabKit CLI: positional input argument …" added 0057 and marked 0045 "superseded by ADR-0057"
    expect(report.decisions.find((d) => d.number === 45)).toMatchObject({ status: { from: null, to: 'superseded' }, supersededBy: { added: ['57'], removed: [] } });
  });
});
if (!existsSync(JABREF)) console.log(`skipped: JabRef corpus test (${JABREF} not found)`);
