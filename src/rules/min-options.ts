import { z } from 'zod';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'min-options',
    description: 'An algorithm decision record compares at least three options (`options` in the frontmatter).',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: {
      tooFew: '{{count}} option{{plural}} listed; an algorithm decision compares at least {{min}} (add the alternatives you ruled out, e.g. the simple baseline)',
    },
    options: z.object({ min: z.number().int().min(1).default(3).describe('minimum number of options') }).strict(),
    docs: 'A decision with one or two options is usually a decision already taken. Listing the simple baseline and the "do nothing" option makes the trade-off visible.',
  },
  check({ target, options, report }) {
    const count = target.record.options.length;
    if (count >= options.min) return;
    report({ messageId: 'tooFew', data: { count, plural: count === 1 ? '' : 's', min: options.min }, path: 'options' in target.record.frontmatter ? 'options' : 'title' });
  },
});
