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
  private readonly search = new MiniSearch<{ id: number; title: string; tags: string; blips: string; deciders: string; options: string; status: string; text: string }>({
    fields: [...SEARCH_FIELDS],
    storeFields: [],
  });
  private readonly results: Array<[string, string, string, string]> = [];

  /** Number of documents added. */
  get size(): number {
    return this.results.length;
  }

  add(d: SearchDoc): void {
    const text = d.text.slice(0, MAX_INDEXED_TEXT);
    this.search.add({
      id: this.results.length,
      title: d.title,
      tags: d.tags.join(' '),
      blips: d.blips.join(' '),
      deciders: (d.deciders ?? []).join(' '),
      options: (d.options ?? []).join(' '),
      status: d.status,
      text,
    });
    this.results.push([d.href, d.title, d.status, snippetOf(text)]);
  }

  /** The `search-index.js` script of the documents added so far. */
  script(): string {
    const safe = (json: string) => json.replace(/</g, '\\u003c');
    const parts = [`globalThis.ADRKIT_SEARCH={"fields":${safe(JSON.stringify(SEARCH_FIELDS))},"index":`, ...indexJson(this.search as unknown as MiniSearch<never>, safe), `,"docs":${safe(JSON.stringify(this.results))}};\n`];
    return parts.join('');
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
