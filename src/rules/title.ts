import { isMap } from 'yaml';
import { defineRule } from './define.js';
import { editFrontmatter } from '../parse/frontmatter-edit.js';

export default defineRule({
  meta: {
    id: 'title',
    description: 'Algorithm decision records have a `title` in the frontmatter.',
    severity: 'error',
    fixable: true,
    scope: 'record',
    formats: ['native'],
    messages: {
      missing: 'the frontmatter has no `title`{{fixHint}}',
    },
    docs: 'The title names the decision in the index, the site and links. `--fix` copies the first level-1 heading into the frontmatter.',
  },
  check({ target, report }) {
    const title = target.record.frontmatter.title;
    if (typeof title === 'string' && title.trim()) return;
    if (title !== undefined && typeof title !== 'string') return; // wrong type: frontmatter-schema reports it
    const h1 = target.record.sections.find((s) => s.depth === 1 && s.heading.trim());
    const heading = h1?.heading.trim();
    report({
      messageId: 'missing',
      data: { fixHint: heading ? ` (\`--fix\` copies the heading "${heading}")` : ': add `title: <what is decided>`' },
      path: 'title',
      fix: heading && target.hasFrontmatter
        ? {
            target: target.record.path,
            edit: (source) =>
              editFrontmatter(source, (doc) => {
                if (!isMap(doc.contents)) throw new Error('frontmatter is not a mapping');
                const current = doc.get('title');
                if (typeof current === 'string' && current.trim()) return;
                if (doc.has('title')) doc.set('title', heading);
                else doc.contents.items.unshift(doc.createPair('title', heading));
              }),
          }
        : undefined,
    });
  },
});
