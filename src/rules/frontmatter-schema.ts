import type { z } from 'zod';
import { Frontmatter } from '../model/record.js';
import { didYouMean } from '../util/suggest.js';
import { defineRule } from './define.js';

const KEYS = Object.keys(Frontmatter.shape);

/** Key path `options[2].blip` from a zod issue path. */
export function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function describe(issue: z.core.$ZodIssue, value: unknown): { messageId: string; data: Record<string, string> } {
  switch (issue.code) {
    case 'invalid_value':
      return { messageId: 'badValue', data: { expected: issue.values.map((v) => JSON.stringify(v)).join(' | '), hint: '' } };
    case 'invalid_type':
      // zod 4 leaves `issue.input` out unless asked (`reportInput`), so it was always undefined and
      // every wrong type read as "is required" (and a non-string title or status was dropped).
      return { messageId: value === undefined ? 'missing' : 'wrongType', data: { expected: issue.expected } };
    default:
      return { messageId: 'invalid', data: { message: issue.message } };
  }
}

/**
 * Issues another rule reports better (with a fix or a precise hint): status spelling and values
 * (`known-status`, `status-format`), date values (`valid-date`), a missing title (`title`), evidence
 * entries (`evidence-malformed`).
 */
function ownedElsewhere(path: string, value: unknown, messageId: string): boolean {
  if (/^options\[\d+\]\.evidence(?:$|[.[])/.test(path)) return true;
  if (typeof value === 'string' && (path === 'status' || /^status-history\[\d+\]\.status$/.test(path))) return true;
  if (typeof value === 'string' && (path === 'date' || path === 'revisit-by' || /^status-history\[\d+\]\.date$/.test(path))) return true;
  if (messageId === 'missing' && (path === 'title' || path === 'status')) return true;
  return false;
}

export default defineRule({
  meta: {
    id: 'frontmatter-schema',
    description: 'Frontmatter of adrkit records matches schema/decision-record.schema.json: known keys, right types, valid enum values.',
    severity: 'error',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: {
      unknownKey: 'unknown frontmatter key "{{key}}"{{hint}}',
      missing: '"{{key}}" is required',
      wrongType: '"{{key}}" must be {{expected}}',
      badValue: '"{{key}}" must be one of {{expected}}{{hint}}',
      invalid: '"{{key}}": {{message}}',
    },
    docs: 'Catches typos (`superseeded-by`), wrong types (a single string where a list is expected) and unknown enum values early, in the editor (via the JSON Schema) and in CI. Status and date values, and a missing title or status, are left to `known-status`, `status-format`, `valid-date` and `title`, which say more (and can fix some); evidence entries (`options[].evidence`) to `evidence-malformed`.',
  },
  check({ target, report }) {
    const result = Frontmatter.safeParse(target.record.frontmatter);
    if (result.success) return;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const parent = keyPath(issue.path);
          const path = parent ? `${parent}.${key}` : key;
          if (ownedElsewhere(path, undefined, 'unknownKey')) continue;
          report({ messageId: 'unknownKey', data: { key: path, hint: parent ? '' : didYouMean(key, KEYS) }, path });
        }
        continue;
      }
      const path = keyPath(issue.path);
      const value = issue.path.reduce<unknown>((obj, k) => (obj as Record<PropertyKey, unknown> | undefined)?.[k], target.record.frontmatter);
      const { messageId, data } = describe(issue, value);
      if (ownedElsewhere(path, value, messageId)) continue;
      if (messageId === 'badValue' && typeof value === 'string' && issue.code === 'invalid_value') {
        data.hint = didYouMean(value, issue.values.map(String));
      }
      report({ messageId, data: { key: path, ...data }, path });
    }
  },
});
