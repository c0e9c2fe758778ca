import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/parse/record.js';

describe('record body links', () => {
  it('lists relative links and images with their file positions, not URLs, anchors or code', () => {
    const text = [
      '---',
      'title: Use X',
      '---',
      '# Use X',
      '',
      'See [the old one](0001-use-y.md#context) and ![graph](img/graph.png "Graph").',
      'Not [a URL](https://example.com), not [an anchor](#options), not `[code](x.md)`.',
      '',
      '```',
      '[fenced](ignored.md)',
      '```',
      '[ref]: ../notes/ref.md',
      '',
    ].join('\n');
    const { record } = parseRecord('0002-use-x.md', text);
    expect(record.links).toEqual([
      { href: '0001-use-y.md#context', position: { line: 6, column: 19 } },
      { href: 'img/graph.png', position: { line: 6, column: 55 } },
      { href: '../notes/ref.md', position: { line: 12, column: 8 } },
    ]);
  });

  it('finds links in lists, tables, quotes and nested images, with CRLF line ends, and skips code spans that look the same', () => {
    const text = [
      '# Use X',
      '',
      '- first [a](a.md)',
      '  - nested `[b](b.md)` then [b](b.md)',
      '',
      '| option | record |',
      '| --- | --- |',
      '| Y | [y](<0002 y.md>) |',
      '',
      '> quoted [q](q.md)',
      '> [![badge](img/b.svg)](docs/x.md "X")',
      '',
      '    [indented code](no.md)',
      '',
      '<!-- [commented](no.md) -->',
      'Use [the ref][r] and [r], ask [Ana](@ana) or [Bo](bo@example.com), see [DR020](./DR020%20(Strangler%20Fig).md).',
      '',
      '[r]: <../r.md> "R"',
      '[^1]: footnote.md',
      '',
    ].join('\r\n');
    const { record } = parseRecord('0003-use-x.md', text);
    expect(record.links).toEqual([
      { href: 'a.md', position: { line: 3, column: 13 } },
      { href: 'b.md', position: { line: 4, column: 33 } },
      { href: '0002 y.md', position: { line: 8, column: 12 } },
      { href: 'q.md', position: { line: 10, column: 14 } },
      { href: 'docs/x.md', position: { line: 11, column: 25 } },
      { href: 'img/b.svg', position: { line: 11, column: 13 } },
      { href: './DR020%20(Strangler%20Fig).md', position: { line: 16, column: 80 } },
      { href: '../r.md', position: { line: 18, column: 7 } },
    ]);
  });

  it('reads hostile lines in linear time (100 KB of `[`, `![`, `[](`, `[\\]`): a generous ceiling; the cost is in `npm run bench`', () => {
    for (const unit of ['[', '![', '[](', '[\\]', '[a](', '<!--[']) {
      const line = unit.repeat(Math.ceil(100_000 / unit.length));
      const started = performance.now();
      const { record } = parseRecord('0004-hostile.md', `# Hostile\n\n${line}\n`);
      const ms = performance.now() - started;
      expect(record.title).toBe('Hostile');
      expect(ms, `${unit}: ${Math.round(ms)} ms`).toBeLessThan(5_000);
    }
  });

  it('is empty for a body without links', () => {
    expect(parseRecord('0001-a.md', '# A\n\nNo links here.\n').record.links).toEqual([]);
  });
});
