import { afterEach, describe, expect, it } from 'vitest';
import { openProject, readProjectLogs } from '../../src/workspace/project.js';
import { applyCommitTitles, mkdocsNavTitles } from '../../src/workspace/titles.js';
import { readLogHistory } from '../../src/history/git.js';
import { titleFromCommitSubject } from '../../src/parse/record.js';
import { gitdir, runCli, testdir, type GitDir, type TestDir } from '../helpers/index.js';

// A record with no title in the file (no H1, no frontmatter title): the metadata table is its first block.
const untitled = (status = 'Accepted', date = '2025-01-07') => `| Status | Date | Author(s) |\n|:--|:--|:--|\n| ${status} | ${date} | [@ana](https://github.com/ana) |\n\n## Context\n\nx\n\n## Decision\n\ny\n`;

const MKDOCS = `site_name: Hyades
docs_dir: docs
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  analytics: !ENV [GOOGLE_ANALYTICS_KEY, ""]
nav:
  - Home: index.md
  - Architecture:
      - Decisions:
          - Overview: architecture/decisions/000-index.md
          - "ADR-001: Drop Kafka Dependency": architecture/decisions/001-drop-kafka-dependency.md
          - ADR-002 Workflow Orchestration: ./architecture/decisions/002-workflow-orchestration.md
          - architecture/decisions/003-notification-publishing.md
          - "ADR-004: Has An H1 Of Its Own": architecture/decisions/004-file-storage-plugin.md
  - GitHub: https://github.com/DependencyTrack/hyades
`;

describe('titles from the MkDocs nav', () => {
  let dir: TestDir;
  afterEach(() => dir?.remove());

  it('gives a record without a title in its file the title of its nav entry (identifier removed), and nothing else', async () => {
    dir = testdir({
      'mkdocs.yml': MKDOCS,
      'docs/index.md': '# Home\n',
      'docs/architecture/decisions/000-index.md': 'Here is where we keep our ADRs.\n',
      'docs/architecture/decisions/001-drop-kafka-dependency.md': untitled(),
      'docs/architecture/decisions/002-workflow-orchestration.md': untitled('Proposed'),
      'docs/architecture/decisions/003-notification-publishing.md': untitled(),
      'docs/architecture/decisions/004-file-storage-plugin.md': `# File storage plugin\n\n${untitled()}`,
      'docs/architecture/decisions/005-materialize-project-hierarchies.md': untitled(),
      'adrkit.config.json': '{"dir":"docs/architecture/decisions"}\n',
    });
    const titles = mkdocsNavTitles(dir.join('docs/architecture/decisions'));
    expect(titles.get(dir.join('docs/architecture/decisions/001-drop-kafka-dependency.md'))).toBe('ADR-001: Drop Kafka Dependency');
    expect([...titles.keys()].some((k) => k.includes('github.com'))).toBe(false);
    const [log] = readProjectLogs(await openProject(dir.path));
    const read = Object.fromEntries(log.records.map((r) => [r.record.number, [r.record.title, r.record.titleSource ?? 'file']]));
    expect(read).toEqual({
      1: ['Drop Kafka Dependency', 'nav'],
      2: ['Workflow Orchestration', 'nav'],
      // A bare nav entry has no title: MkDocs takes the page's own; the file has none, so the slug.
      3: ['Notification publishing', 'file-name'],
      // The file's own H1 wins over the nav.
      4: ['File storage plugin', 'file'],
      5: ['Materialize project hierarchies', 'file-name'],
    });
  });

  it('reads no titles from a broken or absent mkdocs.yml, and never fails the read', async () => {
    dir = testdir({ 'mkdocs.yml': 'nav: [\n  - "unclosed\n', 'docs/adr/0001-use-x.md': untitled(), 'adrkit.config.json': '{"dir":"docs/adr"}\n' });
    expect(mkdocsNavTitles(dir.join('docs/adr')).size).toBe(0);
    const [log] = readProjectLogs(await openProject(dir.path));
    expect(log.records[0].record).toMatchObject({ title: 'Use x', titleSource: 'file-name' });
    const none = testdir({ 'adr/0001-use-x.md': untitled() });
    try {
      expect(mkdocsNavTitles(none.join('adr')).size).toBe(0);
    } finally {
      none.remove();
    }
  });
});

describe('titles from the commit that added the record', () => {
  let repo: GitDir;
  afterEach(() => repo?.remove());

  it.each([
    ['Add ADR-007: Spec-First REST API v2 (#1797)', 7, 'Spec-First REST API v2'],
    ['Add "ADR-001: Drop Kafka Dependency"', 1, 'Drop Kafka Dependency'],
    ['docs: RFC 12 - Tracing with OpenTelemetry', 12, 'Tracing with OpenTelemetry'],
    ['Add ADR-011: Notification Outbox', 12, undefined],
    ['Add ADR for consolidating user tables', 6, undefined],
    ['Renumber ADR-7', 7, undefined],
    ['Add ADR-007: Spec-First REST API v2', undefined, undefined],
  ])('%s (record %s) -> %s', (subject, number, title) => {
    expect(titleFromCommitSubject(subject, number)).toBe(title);
  });

  it('names a record without a title in its file after the subject of its adding commit (list, and the history pass)', async () => {
    repo = gitdir([
      { files: { 'adrkit.config.json': '{"dir":"adr"}\n', 'adr/001-drop-kafka-dependency.md': untitled() }, message: 'Add "ADR-001: Drop Kafka Dependency"', date: '2025-01-07T14:30:11+01:00' },
      { files: { 'adr/001-drop-kafka-dependency.md': untitled('Accepted', '2025-01-08') }, message: 'ADR-001: Fix a typo', date: '2025-01-09T10:00:00+01:00' },
      { files: { 'adr/006-consolidate-user-tables.md': untitled() }, message: 'Add ADR for consolidating user tables', date: '2025-04-17T18:53:47+02:00' },
      { files: { 'adr/007-spec-first-rest-api-v2.md': untitled() }, message: 'Add ADR-007: Spec-First REST API v2 (#1797)', date: '2025-06-20T16:32:24+02:00' },
      { files: { 'adr/008-use-sbom.md': `# Use SBOMs\n\n${untitled()}` }, message: 'Add ADR-008: Something Else', date: '2025-07-01T10:00:00Z' },
    ]);
    const r = await runCli(['list', '-f', 'json'], { cwd: repo.path });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ number: number; title: string }>).map((x) => [x.number, x.title])).toEqual([
      [1, 'Drop Kafka Dependency'],
      // The subject does not name the record by number: the file-name slug stays.
      [6, 'Consolidate user tables'],
      [7, 'Spec-First REST API v2'],
      // The file's own H1 wins.
      [8, 'Use SBOMs'],
    ]);
    const [log] = readProjectLogs(await openProject(repo.path));
    const history = await readLogHistory(log.dir, log.records.map((x) => x.record.path));
    expect(history.records.get('001-drop-kafka-dependency.md')?.versions.map((v) => v.subject)).toEqual(['Add "ADR-001: Drop Kafka Dependency"', 'ADR-001: Fix a typo']);
    applyCommitTitles(log, history.records);
    expect(log.records.find((x) => x.record.number === 1)?.record).toMatchObject({ title: 'Drop Kafka Dependency', titleSource: 'commit' });
  });
});
