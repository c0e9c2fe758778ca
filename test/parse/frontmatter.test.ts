import { describe, expect, it } from 'vitest';
import { parseFrontmatter, splitFrontmatter } from '../../src/parse/frontmatter.js';
import { editFrontmatter } from '../../src/parse/frontmatter-edit.js';
import { planRenumber } from '../../src/review/renumber.js';

// The cases where the three splits (parser, edits, renumber) used to disagree: the one split
// (parse/frontmatter.ts) follows the parser.
describe('splitFrontmatter, the one split of parser, edits and renumber', () => {
  it('cuts LF, CRLF and BOM files the way the parser reads them', () => {
    for (const text of ['---\ntitle: A\n---\nbody\n', '---\r\ntitle: A\r\n---\r\nbody\r\n', '\uFEFF---\ntitle: A\n---\nbody\n']) {
      const split = splitFrontmatter(text)!;
      expect(split.open + split.yaml + split.close + split.rest).toBe(text);
      expect(split.yaml.replace(/\r\n/g, '\n')).toBe('title: A\n');
      expect(split.rest.replace(/\r\n/g, '\n')).toBe('body\n');
      expect(split.eol).toBe(text.includes('\r\n') ? '\r\n' : '\n');
      expect(parseFrontmatter(text).body).toBe(split.rest);
      expect(parseFrontmatter(text).data).toEqual({ title: 'A' });
    }
  });

  it('keeps an indented `---` inside a block scalar in the YAML and closes on the first fence line', () => {
    const text = '---\nnote: |\n  before\n  ---\n  after\n--- \nbody\n---\nmore\n';
    const split = splitFrontmatter(text)!;
    expect(split.yaml).toBe('note: |\n  before\n  ---\n  after\n');
    expect(split.close).toBe('--- \n');
    expect(split.rest).toBe('body\n---\nmore\n');
    expect(parseFrontmatter(text).data).toEqual({ note: 'before\n---\nafter\n' });
  });

  it('does not take a line that only starts with `---` for a fence (gray-matter did)', () => {
    const text = '---\ntitle: A\n----\n--- x\n...\nbody\n';
    expect(splitFrontmatter(text)!.yaml).toBe('title: A\n----\n--- x\n');
    expect(splitFrontmatter(text)!.rest).toBe('body\n');
  });

  it('accepts an empty block and fences with trailing blanks (renumber did not), and no unclosed block', () => {
    expect(splitFrontmatter('---\n---\nbody\n')).toMatchObject({ yaml: '', rest: 'body\n' });
    expect(splitFrontmatter('---\t\ntitle: A\n---  \nbody\n')).toMatchObject({ yaml: 'title: A\n', rest: 'body\n' });
    expect(splitFrontmatter('---\ntitle: A\n')).toBeUndefined();
    expect(splitFrontmatter('# ---\n')).toBeUndefined();
    expect(parseFrontmatter('---\ntitle: A\n').problems.map((p) => p.code)).toEqual(['unclosed']);
  });

  it('renumber rewrites relation numbers in a block whose fences have trailing blanks', () => {
    const text = '--- \ntitle: A\nstatus: accepted\nrelates-to: [2]\n---\t\nSee 2.\n';
    const plan = planRenumber([{ path: '0001-a.md', text }, { path: '0002-b.md', text: '# 2. B\n' }], '2', 4);
    expect(plan.edits[0].after).toBe(text.replace('relates-to: [2]', 'relates-to: [4]'));
  });
});

// The cases where the two editFrontmatter (lint fixes, record edits) used to disagree.
describe('editFrontmatter, the one edit of lint fixes and record edits', () => {
  it('refuses a file without frontmatter unless asked to create the block', () => {
    expect(() => editFrontmatter('# Nygard\n', (doc) => doc.set('status', 'accepted'))).toThrow(/no frontmatter/);
    expect(editFrontmatter('# Nygard\n', (doc) => doc.set('status', 'accepted'), { create: true })).toBe('---\nstatus: accepted\n---\n# Nygard\n');
    expect(editFrontmatter('\uFEFF# Nygard\r\n', (doc) => doc.set('status', 'accepted'), { create: true })).toBe('---\r\nstatus: accepted\r\n---\r\n# Nygard\r\n');
  });

  it('returns the text itself when the edit changes nothing, however it is spaced', () => {
    const text = '---\r\ntitle:   "spaced"   # comment\r\ntags: [ a,b ]\r\n---\r\nbody\r\n';
    expect(editFrontmatter(text, (doc) => doc.set('title', 'spaced'))).toBe(text);
  });

  it('keeps untouched entries byte for byte, and untouched lines inside the entry it changes', () => {
    const text = '---\ntitle: A\ntags: [ ml ]   # kept\noptions:\n  - id: a\n    scores: { accuracy: 4, cost: 3 }\n    blip: redis\n  - id: b\n---\nbody\n';
    const fixed = editFrontmatter(text, (doc) => doc.setIn(['options', 0, 'blip'], 'sicara/redis'));
    expect(fixed).toBe(text.replace('blip: redis', 'blip: sicara/redis'));
  });

  it('refuses invalid YAML and a frontmatter that is not a mapping, changing nothing', () => {
    expect(() => editFrontmatter('---\ntitle: [\n---\n', () => undefined)).toThrow(/not valid YAML/);
    expect(() => editFrontmatter('---\n- a\n---\n', () => undefined)).toThrow(/not a YAML mapping/);
  });
});
