import MiniSearch from 'minisearch';

/** A record as indexed for search. */
export interface SearchDoc {
  /** Page URL relative to the site root. */
  href: string;
  title: string;
  status: string;
  tags: string[];
  blips: string[];
  /** Plain text of the body (truncated). */
  text: string;
}

/** Fields indexed; the browser loads the index with the same options (see assets/site.js). */
export const SEARCH_FIELDS = ['title', 'tags', 'blips', 'status', 'text'] as const;

/** Characters of body text indexed per record: bounds the index (≤ 1 MB gzipped for 1,000 records). */
export const MAX_INDEXED_TEXT = 4000;

/**
 * Builds the search index script `search-index.js`: a MiniSearch index (built now, loaded in the
 * browser with `MiniSearch.loadJS`) plus a compact result table `[href, title, status]` per
 * document, assigned to `globalThis.ADRKIT_SEARCH`. A script rather than JSON because `fetch()`
 * is blocked on `file://`; no stored fields, to keep the file small. Deterministic.
 */
export function buildSearchScript(docs: SearchDoc[]): string {
  const search = new MiniSearch<{ id: number; title: string; tags: string; blips: string; status: string; text: string }>({
    fields: [...SEARCH_FIELDS],
    storeFields: [],
  });
  search.addAll(
    docs.map((d, id) => ({ id, title: d.title, tags: d.tags.join(' '), blips: d.blips.join(' '), status: d.status, text: d.text.slice(0, MAX_INDEXED_TEXT) })),
  );
  const payload = {
    fields: SEARCH_FIELDS,
    index: search.toJSON(),
    docs: docs.map((d) => [d.href, d.title, d.status]),
  };
  return `globalThis.ADRKIT_SEARCH=${JSON.stringify(payload).replace(/</g, '\\u003c')};\n`;
}
