import MiniSearch from 'minisearch';

/** A record as indexed for search. */
export interface SearchDoc {
  /** Page URL relative to the site root. */
  href: string;
  title: string;
  status: string;
  tags: string[];
  blips: string[];
  /** Names of the deciders. */
  deciders?: string[];
  /** Names of the options considered. */
  options?: string[];
  /** Plain text of the body (truncated). */
  text: string;
}

/** Fields indexed; the browser loads the index with the same options (see assets/site.js). */
export const SEARCH_FIELDS = ['title', 'tags', 'blips', 'deciders', 'options', 'status', 'text'] as const;

/**
 * Query options of the site search box (templates/site/assets/site.js passes the same literal):
 * prefix matching, fuzzy within 20 % of the term length, title hits ×3 and tag hits ×2.
 */
export const SEARCH_OPTIONS = { prefix: true, fuzzy: 0.2, boost: { title: 3, tags: 2 } } as const;

/** Characters of body text indexed per record: bounds the index (≤ 1 MB gzipped for 1,000 records). */
export const MAX_INDEXED_TEXT = 4000;

/** Characters of body text kept per record for the result snippet (cut at a word boundary). */
export const SNIPPET_LENGTH = 160;

/** The first {@link SNIPPET_LENGTH} characters of a text, cut after a whole word, with `…` when cut. */
export function snippetOf(text: string): string {
  if (text.length <= SNIPPET_LENGTH) return text;
  const cut = text.slice(0, SNIPPET_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Builds the search index script `search-index.js`: a MiniSearch index (built now, loaded in the
 * browser with `MiniSearch.loadJS`) plus a compact result table `[href, title, status, snippet]` per
 * document, assigned to `globalThis.ADRKIT_SEARCH`. A script rather than JSON because `fetch()`
 * is blocked on `file://`; no stored fields, to keep the file small. Deterministic.
 */
export function buildSearchScript(docs: SearchDoc[]): string {
  const builder = new SearchIndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.script();
}

/**
 * {@link buildSearchScript} one document at a time, so a caller can index each record as soon as
 * its text is known and not keep the texts. Documents get ids in the order they are added; the
 * same documents in the same order give the same script.
 */
export class SearchIndexBuilder {
  private readonly search = searchEngine();
  private readonly results: Array<[string, string, string, string]> = [];

  /** Number of documents added. */
  get size(): number {
    return this.results.length;
  }

  add(d: SearchDoc): void {
    const doc = indexedDoc(this.results.length, d);
    this.search.add(doc);
    this.results.push([d.href, d.title, d.status, snippetOf(doc.text)]);
  }

  /** The `search-index.js` script of the documents added so far. */
  script(): string {
    const safe = (json: string) => json.replace(/</g, '\\u003c');
    const parts = [`globalThis.ADRKIT_SEARCH={"fields":${safe(JSON.stringify(SEARCH_FIELDS))},"index":`, ...indexJson(this.search as unknown as MiniSearch<never>, safe), `,"docs":${safe(JSON.stringify(this.results))}};\n`];
    return parts.join('');
  }
}

type IndexedDoc = { id: number; title: string; tags: string; blips: string; deciders: string; options: string; status: string; text: string };

/** The MiniSearch engine of the site search: {@link SEARCH_FIELDS}, no stored fields. */
function searchEngine(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({ fields: [...SEARCH_FIELDS], storeFields: [] });
}

function indexedDoc(id: number, d: SearchDoc): IndexedDoc {
  return { id, title: d.title, tags: d.tags.join(' '), blips: d.blips.join(' '), deciders: (d.deciders ?? []).join(' '), options: (d.options ?? []).join(' '), status: d.status, text: d.text.slice(0, MAX_INDEXED_TEXT) };
}

/** A hit of {@link SearchIndex.search}: the document as added, with MiniSearch's score and matched terms. */
export interface SearchHit<D extends SearchDoc = SearchDoc> {
  doc: D;
  score: number;
  terms: string[];
}

/**
 * The site's search index in memory, queried like the site's search box (same fields, same
 * {@link SEARCH_OPTIONS}): for library users and the MCP server. Pure.
 */
export class SearchIndex<D extends SearchDoc = SearchDoc> {
  private readonly search = searchEngine();
  private readonly docs: D[] = [];

  constructor(docs: Iterable<D> = []) {
    for (const d of docs) this.add(d);
  }

  add(d: D): void {
    this.search.add(indexedDoc(this.docs.length, d));
    this.docs.push(d);
  }

  /** Best hits first, at most `limit`. */
  query(text: string, limit = 20): Array<SearchHit<D>> {
    return this.search.search(text, { ...SEARCH_OPTIONS, boost: { ...SEARCH_OPTIONS.boost } }).slice(0, limit).map((r) => ({ doc: this.docs[r.id as number]!, score: r.score, terms: r.terms }));
  }
}

/**
 * `JSON.stringify(search.toJSON())` in pieces, one per indexed term, so the whole index is never
 * copied into one object tree (hundreds of MB for 10,000 records). Same text as the one-shot form;
 * falls back to it when MiniSearch's internal term map is not where this expects it.
 */
function indexJson(search: MiniSearch<never>, safe: (json: string) => string): string[] {
  const internal = search as unknown as { _index?: Iterable<[string, Map<number, Map<number, number>>]> };
  const terms = internal._index;
  if (!terms || typeof terms[Symbol.iterator] !== 'function') return [safe(JSON.stringify(search.toJSON()))];
  internal._index = [];
  let head: string;
  try {
    head = JSON.stringify(search.toJSON());
  } finally {
    internal._index = terms;
  }
  const marker = '"index":[]';
  const at = head.indexOf(marker);
  if (at === -1) return [safe(JSON.stringify(search.toJSON()))];
  const parts = [safe(head.slice(0, at + marker.length - 1))];
  let first = true;
  for (const [term, fieldIndex] of terms) {
    const data: Record<number, Record<number, number>> = {};
    for (const [fieldId, freqs] of fieldIndex) data[fieldId] = Object.fromEntries(freqs);
    parts.push(`${first ? '' : ','}${safe(JSON.stringify([term, data]))}`);
    first = false;
  }
  parts.push(safe(head.slice(at + marker.length - 1)));
  return parts;
}
