import { isMap, isScalar } from 'yaml';
import { normaliseStatus } from '../parse/status.js';
import { defineRule } from './define.js';
import { editFrontmatter } from '../parse/frontmatter-edit.js';

export default defineRule({
  meta: {
    id: 'status-format',
    description: 'Frontmatter statuses are written in canonical lower case (`accepted`, not `Accepted` or `accepted.`).',
    severity: 'warn',
    fixable: true,
    scope: 'record',
    formats: ['native'],
    messages: { nonCanonical: 'status "{{text}}" is written non-canonically: use "{{status}}"' },
    docs: 'Imported formats keep their own spelling; adrkit records use the canonical value so that tools and the JSON Schema agree. `--fix` rewrites the value in place, keeping comments and key order.',
  },
  check({ target, report }) {
    const fm = target.record.frontmatter;
    const candidates: Array<{ path: Array<string | number>; text: unknown }> = [{ path: ['status'], text: fm.status }];
    const history = fm['status-history'];
    if (Array.isArray(history)) history.forEach((e, i) => candidates.push({ path: ['status-history', i, 'status'], text: e && typeof e === 'object' ? (e as Record<string, unknown>).status : undefined }));
    for (const { path, text } of candidates) {
      if (typeof text !== 'string') continue;
      const normalised = normaliseStatus(text);
      if (!normalised.status || text === normalised.status) continue;
      // "superseded by X" carries a reference; only a pure spelling difference is fixed here
      if (normalised.supersededBy || normalised.supersedes) continue;
      const canonical = normalised.status;
      const keyPath = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
      report({
        messageId: 'nonCanonical',
        data: { text, status: canonical },
        path: keyPath,
        fix: {
          target: target.record.path,
          edit: (source) =>
            editFrontmatter(source, (doc) => {
              const node = doc.getIn(path, true);
              if (isScalar(node) && typeof node.value === 'string' && normaliseStatus(node.value).status === canonical && node.value !== canonical) node.value = canonical;
              else if (!isMap(doc.contents)) throw new Error('frontmatter is not a mapping');
            }),
        },
      });
    }
  },
});
