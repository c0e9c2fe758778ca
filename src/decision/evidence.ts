import { HF_REPO_ID, type Evidence } from '../model/evidence.js';

/** A link an evidence entry points to. */
export interface EvidenceLink {
  href: string;
  label: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** True for a Hugging Face `namespace/name` repo id (bare names are not linked: they may be vendor model names). */
export function isHubRepoId(id: unknown): id is string {
  return typeof id === 'string' && id.includes('/') && HF_REPO_ID.test(id);
}

/** Short human label of an entry: `mteb/scifact ndcg_at_10 = 74.8`, `mlflow run 8f1c…`, a paper title. Pure. */
export function evidenceLabel(e: Evidence): string {
  switch (e.kind) {
    case 'benchmark':
      return `${e.dataset}${e.task && e.task !== 'default' ? ` (${e.task})` : ''} ${e.metric} = ${e.value}${e.unit ? ` ${e.unit}` : ''}`;
    case 'run':
      return `${e.tracker} run ${e.name ?? e.id}`;
    case 'paper':
      return e.title;
    case 'dataset':
    case 'model':
      return e.id;
    case 'link':
      return e.note;
    default:
      return String((e as { kind?: unknown }).kind ?? 'evidence');
  }
}

/**
 * The links of an entry, most specific first: arXiv abstract (`https://arxiv.org/abs/<id>`), DOI
 * resolver (`https://doi.org/<doi>`), Hugging Face model (`https://huggingface.co/<id>`) and dataset
 * (`https://huggingface.co/datasets/<id>`) pages for `namespace/name` ids, then the entry's own
 * `url` / `source`. Only `http(s)` URLs; malformed identifiers are not linked. Pure.
 */
export function evidenceLinks(e: Evidence): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  const add = (href: string | undefined, label: string) => {
    if (href && /^https?:\/\//i.test(href) && !links.some((l) => l.href === href)) links.push({ href, label });
  };
  const rec = e as Record<string, unknown>;
  if (e.kind === 'paper') {
    if (str(rec.arxiv) && /^[\w./-]+$/.test(rec.arxiv as string)) add(`https://arxiv.org/abs/${rec.arxiv as string}`, `arXiv:${rec.arxiv as string}`);
    if (str(rec.doi) && /^10\.\d{4,9}/.test(rec.doi as string)) add(`https://doi.org/${(rec.doi as string).split('/').map(encodeURIComponent).join('/')}`, `doi:${rec.doi as string}`);
  }
  if (e.kind === 'model' && isHubRepoId(rec.id)) add(`https://huggingface.co/${rec.id}`, 'Hugging Face model');
  if (e.kind === 'dataset' && isHubRepoId(rec.id)) add(`https://huggingface.co/datasets/${rec.id}`, 'Hugging Face dataset');
  if (e.kind === 'benchmark' && isHubRepoId(rec.dataset)) add(`https://huggingface.co/datasets/${rec.dataset}`, 'dataset');
  if (e.kind === 'run') add(str(rec.url), `${e.tracker} run`);
  else if (e.kind === 'benchmark') add(str(rec.source), 'source');
  else add(str(rec.url), 'link');
  return links;
}
