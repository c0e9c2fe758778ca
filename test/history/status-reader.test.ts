import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';
import { gitBlobId, statusHistory, statusOfRecord, statusOfText } from '../../src/history/status-history.js';
import type { RecordHistory } from '../../src/history/parse-log.js';
import { nygard } from './gitdir.js';

const SAMPLES: Array<[string, string]> = [
  ['0001-native.md', '---\ntitle: Use X\nstatus: Accepted\noptions: []\n---\n# Use X\n'],
  ['0002-placeholder.md', '---\nstatus: "{proposed | accepted}"\n---\n# T\n'],
  ['0003-number-status.md', '---\nstatus: 3\n---\n# T\n\n## Status\n\nRejected\n'],
  ['0004-nygard.md', nygard(4, 'Use Y', 'Superseded by [5](0005-z.md)')],
  ['0005-madr.md', '# Use Z\n\n* Status: deprecated\n* Date: 2020-01-01\n\n## Context and Problem Statement\n\nx\n'],
  ['20200101-l4b.md', '# Use W\n\n- Status: draft\n- Date: 2020-01-01\n\n## Context\n\nx\n'],
  ['0006-none.md', '# No status\n\nJust text.\n'],
  ['0007-binary.md', '---\nstatus: accepted\n---\n\u0000'],
  ['0008-bad-yaml.md', '---\nstatus: [accepted\n---\n# T\n\n## Status\n\nProposed\n'],
];

describe('statusOfText', () => {
  it('reads the same status and status text as parseRecord, for every format', () => {
    for (const [path, text] of SAMPLES) {
      expect(statusOfText(path, text), path).toEqual(statusOfRecord(parseRecord(path, text).record));
    }
  });
});

describe('gitBlobId', () => {
  it('is the id git hash-object gives (UTF-8 content, including non-ASCII and CRLF)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adrkit-blob-'));
    try {
      for (const text of ['', 'plain\n', 'Décision – “quoted” ✓\r\nsecond line\n']) {
        writeFileSync(join(dir, 'f.md'), text);
        const expected = execFileSync('git', ['hash-object', '--no-filters', join(dir, 'f.md')], { encoding: 'utf8' }).trim();
        expect(gitBlobId(text)).toBe(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('statusHistory with a status lookup', () => {
  it('asks once per version and keeps only changes', () => {
    const version = (hash: string, blob: string) => ({ hash, date: `2024-01-0${hash}T00:00:00Z`, author: 'A', email: 'a@x', kind: 'M', path: '0001-a.md', blob });
    const history = { versions: [version('1', 'b1'), version('2', 'b2'), version('3', 'b3'), version('4', 'b4')], created: undefined, updated: undefined, authors: [] } as unknown as RecordHistory;
    const known = new Map([
      ['b1', { status: 'proposed' as const, statusText: 'Proposed' }],
      ['b2', { status: 'proposed' as const, statusText: 'proposed' }],
      ['b4', { status: 'accepted' as const, statusText: 'Accepted' }],
    ]);
    const asked: string[] = [];
    const transitions = statusHistory(history, (v) => (asked.push(v.blob), known.get(v.blob)));
    expect(asked).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(transitions.map((t) => [t.status, t.statusText, t.hash])).toEqual([
      ['proposed', 'Proposed', '1'],
      ['accepted', 'Accepted', '4'],
    ]);
  });
});
