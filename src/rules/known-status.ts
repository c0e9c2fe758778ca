import { z } from 'zod';
import { RecordFormat } from '../model/record.js';
import { STATUSES } from '../model/status.js';
import { normaliseStatus } from '../parse/status.js';
import { didYouMean } from '../util/suggest.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'known-status',
    description: `The record has a status, and it is one of ${STATUSES.join(', ')} (after normalising case, emoji and common synonyms such as "Approved" or "In Review").`,
    severity: 'error',
    fixable: false,
    scope: 'record',
    messages: {
      missing: 'the record has no status: add one of {{statuses}}',
      placeholder: 'status "{{text}}" is an unfilled template placeholder: pick one of {{statuses}}',
      unknown: 'unknown status "{{text}}"{{hint}}: use one of {{statuses}}, or map your word to one in the configuration ("statuses": { {{word}}: "accepted" })',
    },
    options: z
      .object({
        optionalFor: z.array(RecordFormat).default(['madr']).describe('formats where a missing status is allowed (MADR makes status optional)'),
      })
      .strict(),
    docs: 'A team\'s own words can be mapped in the configuration: `"statuses": { "Shipped": "accepted" }` in adrkit.config.json. Statuses are normalised before checking (`✅ Accepted`, `Superseded by 0004`, `Approved`, `draft` are all fine); the message quotes the text as written. MADR makes the status optional, so a missing status is only reported for other formats (option `optionalFor`), and only in a log where some record has a status.',
  },
  check({ target, records, options, report }) {
    const { record } = target;
    const statuses = STATUSES.join(', ');
    const unknown = (text: string, path: string) => {
      const word = text.replace(/^[^\p{L}]+/u, '').split(/[\s;,(]/)[0] ?? '';
      const hint = didYouMean(word.toLowerCase(), STATUSES);
      report({ messageId: 'unknown', data: { text, hint, statuses, word: JSON.stringify(word || text) }, path });
    };
    if (record.statusPlaceholder !== undefined) {
      report({ messageId: 'placeholder', data: { text: record.statusPlaceholder, statuses }, path: 'status' });
    } else if (record.statusText === undefined || record.statusText === '') {
      if ('status' in record.frontmatter && typeof record.frontmatter.status !== 'string') return; // wrong type: frontmatter-schema
      // A log in which no record has a status does not use statuses (Docusaurus pages, RFC folders).
      const logUsesStatus = records.some((r) => r.record.statusText !== undefined || r.record.statusPlaceholder !== undefined);
      if (!options.optionalFor.includes(record.format) && logUsesStatus) report({ messageId: 'missing', data: { statuses }, path: 'status' });
    } else if (record.status === undefined) unknown(record.statusText, 'status');
    const history = record.frontmatter['status-history'];
    if (Array.isArray(history)) {
      history.forEach((entry, i) => {
        const status = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).status : undefined;
        if (typeof status !== 'string') return;
        const normalised = normaliseStatus(status);
        const path = `status-history[${i}].status`;
        if (normalised.placeholder) report({ messageId: 'placeholder', data: { text: normalised.original, statuses }, path });
        else if (!normalised.status) unknown(normalised.original, path);
      });
    }
  },
});
