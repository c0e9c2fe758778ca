import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';
import { normaliseStatus } from '../../src/parse/status.js';
import { readDate } from '../../src/parse/dates.js';

// Reading must stay linear in the size of the file: each of these ~200 kB inputs used to be (or
// would be, with a careless pattern) quadratic. The ceiling is generous for a shared machine; a
// quadratic reader takes minutes on them.
const N = 200_000;
const HOSTILE: Array<[string, string]> = [
  ['a long line of |', `# X\n\n${'|'.repeat(N)}\n`],
  ['a long table row', `# X\n\n| Status | Date |\n|---|---|\n| ${'a | '.repeat(N / 4)}\n`],
  ['a long line of [', `# X\n\nStatus: ${'['.repeat(N)}\n`],
  ['a long line of *', `# X\n\n${'*'.repeat(N)}\n`],
  ['a long line of _', `# ${'_a'.repeat(N / 2)}\n`],
  ['spaces after a key', `# X\n\nStatus:${' '.repeat(N)}x\n`],
  ['a key-like run without a colon', `# X\n\n${'Status '.repeat(N / 7)}\n`],
  ['spaces inside a status line', `# X\n\n## Status\n\nAccepted${' '.repeat(N)}then text\n`],
  ['a long status section line', `# X\n\n## Status\n\n${'2024-01-01 '.repeat(N / 11)}\n`],
  ['a long status line of words', `# X\n\n## Status\n\n${'accepted or '.repeat(N / 12)}\n`],
  ['a long note', `# X\n\n**NOTE:** ${'this ADR '.repeat(N / 9)}\n`],
  ['deeply nested quotes', `# X\n\n${'>'.repeat(N / 10)} Status: accepted\n`],
  ['deeply nested lists', `# X\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- Status: a`).join('\n')}\n`],
  ['many headings', `# X\n\n${'## Status\n\nAccepted\n\n'.repeat(N / 25)}`],
  ['many metadata lines', `# X\n\n${'- Status: accepted\n'.repeat(N / 19)}`],
  ['a long title', `# ${'ADR-1 '.repeat(N / 6)}\n`],
];

describe('hostile inputs', () => {
  it.each(HOSTILE)('reads %s within the ceiling', (_, text) => {
    const start = performance.now();
    const { record } = parseRecord('0001-x.md', text);
    expect(typeof record.title).toBe('string');
    expect(performance.now() - start).toBeLessThan(5_000);
  }, 10_000);

  it('normalises and reads long status and date texts within the ceiling', () => {
    const start = performance.now();
    normaliseStatus(`superseded by ${'x '.repeat(N)}`);
    normaliseStatus(`{${'|'.repeat(N)}}`);
    readDate(`${'1'.repeat(N)}-01-01`);
    readDate(`${'janvier '.repeat(N / 8)}`);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
