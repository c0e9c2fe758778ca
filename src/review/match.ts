import { parseRecordName } from '../parse/filename.js';

/** A file of a decision log snapshot (base or head). */
export interface SnapshotFile {
  /** File name relative to the log folder. */
  path: string;
  text: string;
}

/** How a base file and a head file correspond. */
export interface RecordPairing {
  /** Same path in both snapshots (edited when the text differs). */
  same: Array<{ base: SnapshotFile; head: SnapshotFile }>;
  /** Different paths, same record. */
  renamed: Array<{ base: SnapshotFile; head: SnapshotFile; by: 'git' | 'content' | 'slug' }>;
  added: SnapshotFile[];
  removed: SnapshotFile[];
}

/**
 * Pairs the records of two snapshots of a decision log. Pure. Files with the same path pair
 * up; the others pair as renames, in this order: git's rename detection (`renames`, from
 * `git diff -M`), identical content, then the same title slug after the number or date prefix
 * (`0003-use-x.md` → `0005-use-x.md`, a renumbering). What is left is added or removed.
 */
export function pairRecords(base: SnapshotFile[], head: SnapshotFile[], renames: Array<{ from: string; to: string }> = []): RecordPairing {
  const headByPath = new Map(head.map((f) => [f.path, f]));
  const baseByPath = new Map(base.map((f) => [f.path, f]));
  const result: RecordPairing = { same: [], renamed: [], added: [], removed: [] };
  const baseOnly = new Map(base.filter((f) => !headByPath.has(f.path)).map((f) => [f.path, f]));
  const headOnly = new Map(head.filter((f) => !baseByPath.has(f.path)).map((f) => [f.path, f]));
  for (const f of base) {
    const h = headByPath.get(f.path);
    if (h) result.same.push({ base: f, head: h });
  }
  const pair = (b: SnapshotFile, h: SnapshotFile, by: 'git' | 'content' | 'slug') => {
    result.renamed.push({ base: b, head: h, by });
    baseOnly.delete(b.path);
    headOnly.delete(h.path);
  };
  for (const { from, to } of renames) {
    const b = baseOnly.get(from);
    const h = headOnly.get(to);
    if (b && h) pair(b, h, 'git');
  }
  for (const b of [...baseOnly.values()]) {
    const h = [...headOnly.values()].find((x) => x.text === b.text);
    if (h) pair(b, h, 'content');
  }
  const slugOf = (f: SnapshotFile) => parseRecordName(f.path.slice(f.path.lastIndexOf('/') + 1)).titleSlug.toLowerCase();
  for (const b of [...baseOnly.values()]) {
    const slug = slugOf(b);
    if (!slug) continue;
    const candidates = [...headOnly.values()].filter((x) => slugOf(x) === slug);
    const sameInBase = [...baseOnly.values()].filter((x) => slugOf(x) === slug);
    if (candidates.length === 1 && sameInBase.length === 1) pair(b, candidates[0], 'slug');
  }
  result.added = [...headOnly.values()];
  result.removed = [...baseOnly.values()];
  return result;
}
