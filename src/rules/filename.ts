import { z } from 'zod';
import { hasShortIdPrefix, parseRecordName, slugify } from '../parse/filename.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'filename',
    description: 'Algorithm decision record files are named `NNNN-slug.md`, the slug made from the title.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: {
      noNumber: 'file name "{{name}}" has no record number: rename it to {{expected}}',
      slug: 'file name "{{name}}" does not match the title: expected {{expected}}',
      extension: 'file name "{{name}}" should end in .md',
      pattern: 'file name "{{name}}" should be NNNN-slug.md: rename it to {{expected}}',
    },
    options: z.object({ checkSlug: z.boolean().default(true).describe('also check that the slug matches the title (a warning)') }).strict(),
    docs: 'A missing number is an error (numbers are how records refer to each other). A slug that no longer matches the title, usually after the title was edited, is a warning; turn it off with `["error", { "checkSlug": false }]`.',
  },
  check({ target, options, report }) {
    const { record } = target;
    const name = record.path.slice(record.path.lastIndexOf('/') + 1);
    const parsed = parseRecordName(name);
    const slug = slugify(record.title);
    const digits = /^(\d+)/.exec(name)?.[1].length ?? 4;
    const numberText = parsed.number !== undefined ? String(parsed.number).padStart(Math.max(4, digits), '0') : 'NNNN';
    const expected = `${numberText}-${slug}.md`;
    // `numbering: date | short-id` logs name records `YYYYMMDD-slug.md` / `k3x9a2-slug.md`: no number expected.
    if (parsed.number === undefined && (parsed.datePrefix !== undefined || hasShortIdPrefix(name))) return;
    if (parsed.number === undefined) {
      report({ messageId: 'noNumber', data: { name, expected }, position: { line: 1, column: 1 } });
      return;
    }
    if (!/^\d+-/.test(name)) {
      report({ messageId: 'pattern', data: { name, expected }, position: { line: 1, column: 1 }, severity: 'warn' });
      return;
    }
    if (!/\.md$/.test(name)) report({ messageId: 'extension', data: { name }, position: { line: 1, column: 1 }, severity: 'warn' });
    if (options.checkSlug && parsed.titleSlug !== slug && parsed.titleSlug.toLowerCase() !== slug) {
      report({ messageId: 'slug', data: { name, expected: `${/^\d+/.exec(name)![0]}-${slug}.md` }, path: 'title', severity: 'warn' });
    }
  },
});
