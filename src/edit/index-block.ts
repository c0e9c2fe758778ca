import type { DecisionRecord } from '../model/record.js';

/** Markers around the generated table of contents. */
export const INDEX_START = '<!-- adrkit:index -->';
export const INDEX_END = '<!-- adrkit:index-end -->';

/** Escapes a table cell (pipes, line breaks). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Markdown table of contents of a decision log: number, title (linked), status, date, one row
 * per record in log order. Pure.
 * @param hrefOf - link target of a record relative to the index file.
 */
export function renderIndexTable(records: DecisionRecord[], hrefOf: (record: DecisionRecord) => string): string {
  const rows = records.map((r) => {
    const title = `[${cell(r.title).replace(/[[\]]/g, '\\$&')}](${encodeURI(hrefOf(r))})`;
    return `| ${r.number ?? ''} | ${title} | ${r.status ?? cell(r.statusText ?? '')} | ${r.date ?? ''} |`;
  });
  return ['| # | Title | Status | Date |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * Puts `table` between the index markers of `text` (replacing what was there); when the markers
 * are absent they are appended at the end of the file. Everything outside the markers is kept.
 * Idempotent. Pure.
 */
export function replaceIndexBlock(text: string, table: string): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const block = `${INDEX_START}${eol}${table.replace(/\n/g, eol)}${eol}${INDEX_END}`;
  const start = text.indexOf(INDEX_START);
  const end = start >= 0 ? text.indexOf(INDEX_END, start) : -1;
  if (start >= 0 && end >= 0) return text.slice(0, start) + block + text.slice(end + INDEX_END.length);
  const sep = text.length === 0 ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return `${text}${sep}${block}${eol}`;
}
