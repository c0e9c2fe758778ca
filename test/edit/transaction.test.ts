import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitWrites } from '../../src/workspace/transaction.js';
import { AdrkitError } from '../../src/model/errors.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'adrkit-tx-'));
  const a = join(dir, 'a.md');
  const b = join(dir, 'b.md');
  writeFileSync(a, 'A0');
  writeFileSync(b, 'B0');
  return { dir, a, b };
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes('.adrkit-'));

describe('commitWrites (all-or-nothing multi-file write)', () => {
  it('writes every file', () => {
    const { dir, a, b } = setup();
    expect(commitWrites([{ path: a, expected: 'A0', content: 'A1' }, { path: b, expected: 'B0', content: 'B1' }])).toEqual([a, b]);
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['A1', 'B1']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses to clobber a file changed since it was read, before writing anything', () => {
    const { dir, a, b } = setup();
    writeFileSync(b, 'B-edited-elsewhere');
    expect(() => commitWrites([{ path: a, expected: 'A0', content: 'A1' }, { path: b, expected: 'B0', content: 'B1' }])).toThrow(/changed on disk/);
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['A0', 'B-edited-elsewhere']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('detects a file replaced between read and write (injected hook) and leaves every file as it was', () => {
    const { dir, a, b } = setup();
    let error: unknown;
    try {
      commitWrites([{ path: a, expected: 'A0', content: 'A1' }, { path: b, expected: 'B0', content: 'B1' }], {
        afterPrepare: () => writeFileSync(b, 'B-concurrent'),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdrkitError);
    expect((error as AdrkitError).code).toBe('conflict');
    expect((error as AdrkitError).details.file).toBe(b);
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['A0', 'B-concurrent']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('rolls back files already renamed when a later rename fails', () => {
    const { dir, a, b } = setup();
    expect(() =>
      commitWrites([{ path: a, expected: 'A0', content: 'A1' }, { path: b, expected: 'B0', content: 'B1' }], {
        beforeRename: (index) => {
          if (index === 1) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        },
      }),
    ).toThrow(/ENOSPC.*every file was restored/);
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['A0', 'B0']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('rolls back when the second target cannot be written for real (it became a folder)', () => {
    const { dir, a, b } = setup();
    expect(() =>
      commitWrites([{ path: a, expected: 'A0', content: 'A1' }, { path: b, expected: 'B0', content: 'B1' }], {
        beforeRename: (index) => {
          if (index === 1) {
            rmSync(b);
            mkdirSync(b);
            writeFileSync(join(b, 'keep'), 'x');
          }
        },
      }),
    ).toThrow(AdrkitError);
    expect(readFileSync(a, 'utf8')).toBe('A0');
    expect(existsSync(join(b, 'keep'))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('creates a new file only when it still does not exist (expected undefined), and removes it on rollback', () => {
    const { dir, a } = setup();
    const c = join(dir, 'c.md');
    expect(() =>
      commitWrites([{ path: c, expected: undefined, content: 'C1' }, { path: a, expected: 'A0', content: 'A1' }], {
        beforeRename: (index) => {
          if (index === 1) throw new Error('boom');
        },
      }),
    ).toThrow(/boom/);
    expect(existsSync(c)).toBe(false);
    expect(readFileSync(a, 'utf8')).toBe('A0');
  });
});
