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

  it('is empty for a body without links', () => {
    expect(parseRecord('0001-a.md', '# A\n\nNo links here.\n').record.links).toEqual([]);
  });
});
