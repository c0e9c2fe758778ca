import type { RecordRef } from '../../model/record.js';
import type { RuleRecord } from '../define.js';

/** Frontmatter refs of a relation key as a list (`supersedes: 3` and `supersedes: [3, 4]`). */
export function frontmatterRefs(record: RuleRecord, key: string): RecordRef[] {
  const value = record.record.frontmatter[key];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is RecordRef => typeof v === 'number' || (typeof v === 'string' && v.length > 0));
}
