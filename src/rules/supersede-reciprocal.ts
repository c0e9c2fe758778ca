import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { RecordRef } from '../model/record.js';
import { defineRule, type Fix, type RuleRecord } from './define.js';
import { editFrontmatter } from '../parse/frontmatter-edit.js';
import { recordIndex, referenceTo } from '../decision/resolve.js';

/** Adds `ref` to the relation `key` of a frontmatter document (scalar becomes a list), unless present. */
function addRef(doc: Document, key: string, ref: RecordRef): void {
  if (!isMap(doc.contents)) throw new Error('frontmatter is not a mapping');
  const node = doc.get(key, true);
  if (node === undefined || node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    doc.set(key, ref);
  } else if (isScalar(node)) {
    if (String(node.value) === String(ref)) return;
    doc.set(key, doc.createNode([node.value, ref]));
  } else if (isSeq(node)) {
    if (node.items.some((item) => isScalar(item) && String(item.value) === String(ref))) return;
    node.add(doc.createNode(ref));
  } else throw new Error(`${key} is neither a value nor a list`);
}

function setStatus(doc: Document): void {
  if (!isMap(doc.contents)) throw new Error('frontmatter is not a mapping');
  if (doc.get('status') !== 'superseded') doc.set('status', 'superseded');
}

const fixable = (r: RuleRecord) => r.record.format === 'native' && r.hasFrontmatter;

export default defineRule({
  meta: {
    id: 'supersede-reciprocal',
    description: 'Supersede links go both ways: A supersedes B exactly when B is superseded by A, and a superseded record has the status `superseded`.',
    severity: 'warn',
    fixable: true,
    scope: 'log',
    messages: {
      missingSupersededBy: '{{other}} supersedes this record, but this record does not say "superseded by {{other}}"',
      missingSupersedes: '{{other}} says it is superseded by this record, but this record does not list it in `supersedes`',
      status: 'superseded by {{other}}, but the status is "{{status}}": set it to superseded',
    },
    docs: '`--fix` edits the frontmatter of adrkit records (adds `superseded-by` / `supersedes`, sets `status: superseded`), keeping comments and key order. Records of other formats are reported but not edited.',
  },
  check({ records, report }) {
    const name = (r: RuleRecord) => (r.record.number !== undefined ? String(r.record.number).padStart(4, '0') : r.record.slug);
    const resolveAll = (r: RuleRecord, refs: RecordRef[]) => refs.map((ref) => recordIndex(records).resolve(ref, r)).filter((x): x is RuleRecord => x !== undefined && x !== r);
    const fix = (target: RuleRecord, edit: (doc: Document) => void): Fix | undefined =>
      fixable(target) ? { target: target.record.path, edit: (text) => editFrontmatter(text, edit) } : undefined;

    // Each older record with the records that supersede it, from either side of the link.
    const supersededBy = new Map<RuleRecord, Set<RuleRecord>>();
    const link = (older: RuleRecord, newer: RuleRecord) => {
      if (!supersededBy.has(older)) supersededBy.set(older, new Set());
      supersededBy.get(older)!.add(newer);
    };
    for (const newer of records) {
      for (const older of resolveAll(newer, newer.record.supersedes)) {
        link(older, newer);
        if (!resolveAll(older, older.record.supersededBy).includes(newer)) {
          const ref = referenceTo(newer.record);
          report(older, {
            messageId: 'missingSupersededBy',
            data: { other: name(newer) },
            path: 'superseded-by' in older.record.frontmatter ? 'superseded-by' : 'status',
            fix: fix(older, (doc) => {
              addRef(doc, 'superseded-by', ref);
              setStatus(doc);
            }),
          });
        }
      }
    }
    for (const older of records) {
      for (const newer of resolveAll(older, older.record.supersededBy)) {
        link(older, newer);
        if (!resolveAll(newer, newer.record.supersedes).includes(older)) {
          const ref = referenceTo(older.record);
          report(newer, {
            messageId: 'missingSupersedes',
            data: { other: name(older) },
            path: 'supersedes' in newer.record.frontmatter ? 'supersedes' : 'status',
            fix: fix(newer, (doc) => addRef(doc, 'supersedes', ref)),
          });
        }
      }
    }
    for (const [older, newers] of supersededBy) {
      if (older.record.status === 'superseded') continue;
      const first = [...newers][0];
      report(older, {
        messageId: 'status',
        data: { other: name(first), status: older.record.statusText ?? '(none)' },
        path: 'status',
        fix: fix(older, setStatus),
      });
    }
  },
});
