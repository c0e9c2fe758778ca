import type { Evidence } from '../model/evidence.js';
import type { DecisionRecord } from '../model/record.js';
import type { ReviewEvidenceChange } from '../model/review-evidence.js';
import { evidenceLabel } from '../decision/evidence.js';

type Entry = Record<string, unknown> & { kind?: unknown };

/**
 * Identity of an evidence entry across two versions of a record, so an edited value reads as
 * "changed" rather than "removed + added": benchmark = dataset, task, split, metric; run =
 * tracker and id; paper = arXiv id, DOI or URL (else title); dataset and model = id; link = URL.
 */
export function evidenceKey(e: Entry): string {
  const v = (k: string) => (e[k] === undefined ? '' : String(e[k]));
  switch (e.kind) {
    case 'benchmark':
      return ['benchmark', v('dataset'), v('task'), v('split'), v('metric')].join('\0');
    case 'run':
      return ['run', v('tracker'), v('id')].join('\0');
    case 'paper':
      return ['paper', v('arxiv') || v('doi') || v('url') || v('title')].join('\0');
    case 'dataset':
    case 'model':
      return [String(e.kind), v('id')].join('\0');
    case 'link':
      return ['link', v('url')].join('\0');
    default:
      return JSON.stringify(e);
  }
}

/** Leaf fields of an entry, `metrics.latency_p95_ms` style. */
function flatten(e: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (e && typeof e === 'object' && !Array.isArray(e)) {
    for (const [k, v] of Object.entries(e)) for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  } else out.set(prefix.slice(0, -1), e);
  return out;
}

const entriesOf = (o: { evidence?: unknown } | undefined): Entry[] => (Array.isArray(o?.evidence) ? (o!.evidence as unknown[]).filter((e): e is Entry => !!e && typeof e === 'object') : []);
const brief = (e: Entry) => ({ label: evidenceLabel(e as Evidence), kind: String(e.kind ?? '') });

/**
 * The evidence a change to a record adds, removes or changes, per option id (options on either
 * side; a record that is new has `from` undefined and all its evidence is added). Entries are
 * matched by {@link evidenceKey}; a matched entry whose fields differ is `changed`, with each
 * changed field. Options without any evidence change are left out. Pure.
 */
export function evidenceChanges(file: string, from: Pick<DecisionRecord, 'options'> | undefined, to: Pick<DecisionRecord, 'options' | 'number' | 'title'>): ReviewEvidenceChange[] {
  const ids = [...new Set([...(from?.options ?? []), ...to.options].map((o) => o?.id).filter((id): id is string => typeof id === 'string'))];
  const result: ReviewEvidenceChange[] = [];
  for (const id of ids) {
    const before = entriesOf(from?.options.find((o) => o?.id === id));
    const after = entriesOf(to.options.find((o) => o?.id === id));
    const baseBy = new Map(before.map((e) => [evidenceKey(e), e]));
    const headKeys = new Set(after.map(evidenceKey));
    const added = after.filter((e) => !baseBy.has(evidenceKey(e))).map(brief);
    const removed = before.filter((e) => !headKeys.has(evidenceKey(e))).map(brief);
    const changed = after.flatMap((e) => {
      const old = baseBy.get(evidenceKey(e));
      if (!old) return [];
      const a = flatten(old);
      const b = flatten(e);
      const keys = [...new Set([...a.keys(), ...b.keys()])].filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)));
      return keys.length ? [{ ...brief(e), fields: keys.map((key) => ({ key, from: a.get(key) ?? null, to: b.get(key) ?? null })) }] : [];
    });
    if (added.length || removed.length || changed.length) result.push({ file, number: to.number ?? null, title: to.title, option: id, added, removed, changed });
  }
  return result;
}
