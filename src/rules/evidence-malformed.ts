import type { z } from 'zod';
import { EVIDENCE_KINDS, Evidence, HF_REPO_ID } from '../model/evidence.js';
import { didYouMean } from '../util/suggest.js';
import { defineRule } from './define.js';
import { keyPath } from './frontmatter-schema.js';

/** Keys of each evidence kind, for did-you-mean hints. */
const KEYS: Record<string, string[]> = Object.fromEntries(Evidence.options.map((o) => [String((o.shape.kind as z.ZodLiteral).value), Object.keys(o.shape)]));

/** Fields holding a repo id, by kind (checked against the Hugging Face shape when they contain a `/`). */
const REPO_ID_FIELDS: Record<string, string> = { benchmark: 'dataset', dataset: 'id', model: 'id' };

export default defineRule({
  meta: {
    id: 'evidence-malformed',
    description: 'Evidence entries on options have a known `kind`, its required fields, and well-formed arXiv ids, DOIs, repo ids and URLs; benchmark metrics name a criterion metric.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: {
      notList: '`evidence` of option "{{option}}" must be a list of entries',
      missingKind: 'evidence entry needs a `kind`: one of {{kinds}}',
      unknownKind: 'unknown evidence kind "{{kind}}"{{hint}}; kinds are: {{kinds}}',
      missing: '{{kind}} evidence needs `{{key}}`',
      wrongType: '`{{key}}` of {{kind}} evidence must be {{expected}}',
      unknownKey: 'unknown key `{{key}}` in {{kind}} evidence{{hint}}',
      badShape: '`{{key}}` "{{value}}": {{message}}',
      badRepoId: '`{{key}}` "{{value}}" is not a Hugging Face repo id `namespace/name` (letters, digits, `-`, `_`, `.`; no `--` or `..`){{hint}}',
      invalid: '{{kind}} evidence: {{message}}',
      unknownMetric: 'benchmark metric "{{metric}}" is not the metric of any criterion{{hint}}; measurable criteria read: {{metrics}}',
    },
    docs: [
      'Evidence kinds and their required fields: `benchmark` (dataset, metric, value), `run` (tracker, id, metrics), `paper` (title and one of arxiv, doi, url), `dataset` (id), `model` (id), `link` (url, note). See schema/decision-record.schema.json.',
      '',
      'Shapes: arXiv ids `2212.03533`, `2212.03533v2` or old-style `hep-th/9901001` (no `arXiv:` prefix); DOIs `10.NNNN/suffix` (no `https://doi.org/`); Hugging Face repo ids `namespace/name`; URLs absolute `http(s)`. A benchmark metric that no criterion names is reported as a warning when the record has measurable criteria (a typo such as `ndcg@10` for `ndcg_at_10` would leave the criterion without a value).',
    ].join('\n'),
  },
  check({ target, report }) {
    const { record } = target;
    const metrics = record.criteria.map((c) => c?.metric).filter((m): m is string => typeof m === 'string');
    const raw = Array.isArray(record.frontmatter.options) ? (record.frontmatter.options as unknown[]) : [];
    raw.forEach((option, i) => {
      if (!option || typeof option !== 'object') return;
      const evidence = (option as Record<string, unknown>).evidence;
      const name = String((option as Record<string, unknown>).id ?? i);
      if (evidence === undefined) return;
      if (!Array.isArray(evidence)) {
        report({ messageId: 'notList', data: { option: name }, path: `options[${i}].evidence` });
        return;
      }
      evidence.forEach((entry, j) => {
        const at = `options[${i}].evidence[${j}]`;
        const kind = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).kind : undefined;
        if (typeof kind !== 'string') {
          report({ messageId: 'missingKind', data: { kinds: EVIDENCE_KINDS.join(', ') }, path: at });
          return;
        }
        if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
          report({ messageId: 'unknownKind', data: { kind, hint: didYouMean(kind, EVIDENCE_KINDS), kinds: EVIDENCE_KINDS.join(', ') }, path: `${at}.kind` });
          return;
        }
        const fields = entry as Record<string, unknown>;
        const result = Evidence.safeParse(entry);
        for (const issue of result.success ? [] : result.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) report({ messageId: 'unknownKey', data: { key, kind, hint: didYouMean(key, KEYS[kind] ?? []) }, path: `${at}.${key}` });
            continue;
          }
          const key = keyPath(issue.path);
          const value = issue.path.reduce<unknown>((obj, k) => (obj as Record<PropertyKey, unknown> | undefined)?.[k], entry);
          const path = key ? `${at}.${key}` : at;
          if (issue.code === 'invalid_type') report({ messageId: value === undefined ? 'missing' : 'wrongType', data: { kind, key, expected: issue.expected }, path });
          else if (issue.code === 'invalid_format' && typeof value === 'string') report({ messageId: 'badShape', data: { key, value, message: issue.message }, path });
          else report({ messageId: 'invalid', data: { kind, message: issue.message }, path });
        }
        const repoField = REPO_ID_FIELDS[kind];
        const repoId = fields[repoField];
        if (typeof repoId === 'string' && repoId.includes('/') && !HF_REPO_ID.test(repoId)) {
          const bare = repoId.replace(/^https?:\/\/(?:www\.)?huggingface\.co\/(?:datasets\/)?/i, '').replace(/\/+$/, '');
          const hint = bare !== repoId && HF_REPO_ID.test(bare) ? ` (did you mean "${bare}"?)` : '';
          report({ messageId: 'badRepoId', data: { key: repoField, value: repoId, hint }, path: `${at}.${repoField}` });
        }
        if (kind === 'benchmark' && metrics.length > 0 && typeof fields.metric === 'string' && !metrics.includes(fields.metric)) {
          report({ messageId: 'unknownMetric', data: { metric: fields.metric, hint: didYouMean(fields.metric, metrics), metrics: metrics.join(', ') }, path: `${at}.metric`, severity: 'warn' });
        }
      });
    });
  },
});
