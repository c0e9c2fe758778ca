import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/site/markdown.js';

describe('renderMarkdown', () => {
  it('drops the title, starts the outline at h2 and never skips a heading level', () => {
    expect(renderMarkdown('# T\n\n## A\n\n## B\n\n#### C\n\n### D\n', { dropTitle: true })).toBe('<h2>A</h2>\n<h2>B</h2>\n<h3>C</h3>\n<h3>D</h3>\n');
  });

  it('keeps only allow-listed markup', () => {
    const html = renderMarkdown('<details><summary>More</summary>x</details>\n\n<form action="x"><input name="a"></form>\n\n![alt](data:image/png;base64,AAAA) ![remote](https://e.org/x.png)\n\n- [x] done\n');
    expect(html).toContain('<details><summary>More</summary>x</details>');
    expect(html).not.toMatch(/<form|<input|https:\/\/e\.org/);
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="alt" />');
    expect(html).toContain('☑ done');
  });

  it('rewrites links to other records', () => {
    expect(renderMarkdown('[x](0002-b.md#ctx) [y](https://e.org/0002-b.md)', { rewriteLink: (h) => (h.startsWith('0002') ? '0002.html#ctx' : undefined) })).toBe(
      '<p><a href="0002.html#ctx">x</a> <a href="https://e.org/0002-b.md">y</a></p>\n',
    );
  });
});
