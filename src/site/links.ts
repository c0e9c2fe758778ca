import type { RecordRef } from '../model/record.js';
import { relativeLinks } from '../parse/links.js';
import { lexBlocksIfReadable } from '../parse/markdown.js';
import type { SiteRecord } from './types.js';
import { recordIndex, type RecordIndex } from '../decision/resolve.js';

/** Relations between records as the site shows them, both directions resolved to record indexes. */
export interface Relations {
  supersedes: number[];
  supersededBy: number[];
  relatesTo: number[];
  amends: number[];
  amendedBy: number[];
}

/**
 * Page key of each record (file name of its page, without `.html`): the record number padded to
 * 4 digits (`0012`) — stable when a record's title and file name change, and short, which keeps
 * the home page small — or, for unnumbered records and duplicate numbers, the file name stem made
 * URL-safe. Prefixed with the section when the site has several; de-duplicated with `-2`, `-3`.
 */
export function pageKeys(records: SiteRecord[], multiSection: boolean): string[] {
  const used = new Set<string>();
  const numberCount = new Map<string, number>();
  for (const r of records) {
    if (r.record.number === undefined) continue;
    const id = `${r.section}\u0000${r.record.number}`;
    numberCount.set(id, (numberCount.get(id) ?? 0) + 1);
  }
  return records.map((r) => {
    const unique = r.record.number !== undefined && numberCount.get(`${r.section}\u0000${r.record.number}`) === 1;
    const stem = unique ? String(r.record.number).padStart(4, '0') : safeSegment(r.record.slug);
    const base = multiSection ? `${safeSegment(r.section)}.${stem}` : stem;
    let key = base;
    for (let n = 2; used.has(key.toLowerCase()); n++) key = `${base}-${n}`;
    used.add(key.toLowerCase());
    return key;
  });
}

/** A string made safe as one URL path segment and file name: `[A-Za-z0-9._-]`, no leading dot. */
export function safeSegment(text: string): string {
  const clean = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return clean || 'x';
}

/**
 * Resolves the references of site records to record indexes, with the one resolver of
 * `decision/resolve.ts` (its rule for ambiguous references: same folder as the referring record,
 * else unresolved).
 */
export class RecordResolver {
  private readonly index: RecordIndex<SiteRecord>;
  private readonly position = new Map<SiteRecord, number>();

  constructor(private readonly records: SiteRecord[]) {
    this.index = recordIndex(records);
    records.forEach((r, i) => this.position.set(r, i));
  }

  /** Index of the record `ref` names, seen from record `from`, or undefined. */
  resolve(ref: RecordRef, from: number): number | undefined {
    const hit = this.index.resolve(ref, this.records[from]);
    return hit === undefined ? undefined : this.position.get(hit);
  }

  /** Index of the record a relative link target points to (`0005-x.md`, `./0005-x.md#y`, `../other/0005-x.md`), or undefined. */
  resolveHref(href: string, from: number): number | undefined {
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return undefined;
    if (!/\.(md|markdown)$/i.test(href.split('#')[0].split('?')[0])) return undefined;
    return this.resolve(href, from);
  }
}

/** Record field, the relation it states, and the inverse relation shown on the other record. */
const RELATION_PAIRS = [
  ['supersedes', 'supersedes', 'supersededBy'],
  ['supersededBy', 'supersededBy', 'supersedes'],
  ['relatesTo', 'relatesTo', 'relatesTo'],
  ['amends', 'amends', 'amendedBy'],
] as const;

/**
 * Resolves every relation of every record, in both directions: `A supersedes B` shows on B as
 * "superseded by A" even when B does not say so. Unresolvable references are dropped. Pure;
 * lists are sorted by record index and free of duplicates and self-links.
 */
export function resolveRelations(records: SiteRecord[]): Relations[] {
  const resolver = new RecordResolver(records);
  const result: Relations[] = records.map(() => ({ supersedes: [], supersededBy: [], relatesTo: [], amends: [], amendedBy: [] }));
  const add = (list: number[], index: number | undefined, self: number) => {
    if (index !== undefined && index !== self && !list.includes(index)) list.push(index);
  };
  records.forEach(({ record }, i) => {
    for (const [field, relation, inverse] of RELATION_PAIRS) {
      for (const ref of record[field]) {
        const j = resolver.resolve(ref, i);
        add(result[i][relation], j, i);
        if (j !== undefined) add(result[j][inverse], i, j);
      }
    }
  });
  for (const rel of result) for (const list of Object.values(rel) as number[][]) list.sort((a, b) => a - b);
  return result;
}

/**
 * The supersede chain through record `index`: the oldest predecessor first, `index` itself, then
 * its successors (first link followed at each step; cycles stop the walk).
 */
export function supersedeChain(relations: Relations[], index: number): number[] {
  const before: number[] = [];
  const seen = new Set([index]);
  for (let cur = relations[index].supersedes[0]; cur !== undefined && !seen.has(cur); cur = relations[cur].supersedes[0]) {
    before.unshift(cur);
    seen.add(cur);
  }
  const after: number[] = [];
  for (let cur = relations[index].supersededBy[0]; cur !== undefined && !seen.has(cur); cur = relations[cur].supersededBy[0]) {
    after.push(cur);
    seen.add(cur);
  }
  return [...before, index, ...after];
}

/**
 * Records each record's body links to (relative markdown links that resolve to another record,
 * e.g. `[x](0005-use-x.md#why)`), and the inverse: the records whose bodies link to each record.
 * Pure; lists are sorted by record index, without duplicates or self-links.
 */
export function bodyLinks(records: SiteRecord[], resolver = new RecordResolver(records)): { to: number[][]; from: number[][] } {
  const to = records.map((r, i) => {
    const targets = new Set<number>();
    // A body too deeply nested to lex has no links (the parser reported it).
    for (const l of relativeLinks(lexBlocksIfReadable(r.record.body) ?? [], 1)) {
      const j = resolver.resolveHref(l.href, i);
      if (j !== undefined && j !== i) targets.add(j);
    }
    return [...targets].sort((a, b) => a - b);
  });
  const from: number[][] = records.map(() => []);
  to.forEach((targets, i) => targets.forEach((j) => from[j].push(i)));
  return { to, from };
}

