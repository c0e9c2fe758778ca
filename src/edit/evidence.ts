import { Document, isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import { AdrkitError } from '../model/errors.js';
import { Evidence } from '../model/evidence.js';
import { lineStartAt } from '../util/text-position.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import { closest } from '../util/suggest.js';

/** Result of {@link addEvidence}. */
export interface EvidenceEdit {
  /** New file text (equal to the input when every entry was already there). */
  text: string;
  /** Entries written. */
  added: Evidence[];
  /** Entries skipped because the option already has an equal one. */
  skipped: Evidence[];
  /** Index of the option in `options`. */
  optionIndex: number;
}

const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/**
 * Appends evidence entries to `options[<id>].evidence` of a record's YAML frontmatter, as a pure
 * text edit with the yaml Document API (like `adrkit status`): an entry equal to one the option
 * already has is skipped, so running it twice changes nothing. Only the option's own node may
 * change, and the result must read back with exactly the new entries added. Entries are inserted as text: no other byte of the file changes
 * (a flow-style option `- {id: x, …}` is the exception: it is re-written in flow style).
 *
 * @param text - whole record file.
 * @throws AdrkitError `usage` for an invalid entry; `not-found` when the record has no frontmatter
 *   `options` or no option with this id (with a did-you-mean); `parse` for unreadable frontmatter;
 *   `internal` when the edit would touch anything else (nothing is written then).
 */
export function addEvidence(text: string, optionId: string, entries: Evidence[]): EvidenceEdit {
  for (const entry of entries) {
    const check = Evidence.safeParse(entry);
    if (!check.success) {
      const issue = check.error.issues[0];
      throw new AdrkitError('usage', `evidence entry is not valid: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
  }
  const split = splitFrontmatter(text);
  if (!split) throw new AdrkitError('not-found', 'the record has no YAML frontmatter with `options`', { hint: 'convert it with `adrkit import --write` first' });
  const before = parseDocument(split.yaml.replace(/\r\n/g, '\n'));
  if (before.errors.length) throw new AdrkitError('parse', `frontmatter is not valid YAML (${before.errors[0].message.split('\n')[0]}); nothing was changed`, { hint: 'fix it (adrkit lint shows where) and run the command again' });
  const options = before.get('options', true);
  if (!isSeq(options)) throw new AdrkitError('not-found', 'the record has no `options` list in its frontmatter', { hint: 'add the options first (`options: [{id: …, name: …}]`)' });
  const ids = options.items.map((o) => (isMap(o) ? String(o.get('id')) : ''));
  const optionIndex = ids.indexOf(optionId);
  if (optionIndex < 0) {
    const near = closest(optionId, ids.filter(Boolean));
    throw new AdrkitError('not-found', `no option with id "${optionId}"${near ? ` (did you mean "${near}"?)` : ''}`, { hint: `options are: ${ids.filter(Boolean).join(', ') || '(none)'}` });
  }
  const node = options.items[optionIndex] as YAMLMap;
  const existing = isSeq(node.get('evidence', true)) ? ((node.get('evidence') as { toJSON(): unknown[] }).toJSON()) : [];
  const have = new Set(existing.map(canonical));
  const added: Evidence[] = [];
  const skipped: Evidence[] = [];
  for (const e of entries) {
    if (have.has(canonical(e))) skipped.push(e);
    else {
      have.add(canonical(e));
      added.push(e);
    }
  }
  if (added.length === 0) return { text, added, skipped, optionIndex };

  const out = insertEntries(text, split, optionIndex, added);
  checkReadBack(out, optionIndex, before.toJS() as Record<string, unknown>, added);
  return { text: out, added, skipped, optionIndex };
}

type Split = NonNullable<ReturnType<typeof splitFrontmatter>>;

/**
 * Inserts the entries as text: block-style options get new lines after their last `evidence`
 * item (or a new `evidence:` key after their last key), indented like their neighbours, so no
 * other byte moves; a flow-style option (`- {id: x, …}`) is re-written as a whole, in flow style.
 */
function insertEntries(text: string, split: Split, optionIndex: number, added: Evidence[]): string {
  const yamlText = split.yaml;
  const eol = split.eol;
  const doc = parseDocument(yamlText);
  const option = (doc.get('options', true) as { items: unknown[] }).items[optionIndex] as YAMLMap;
  const base = split.open.length;
  const splice = (from: number, to: number, insert: string) => `${text.slice(0, base + from)}${insert}${text.slice(base + to)}`;
  if (option.flow || !option.range) {
    const seq = option.get('evidence', true);
    if (isSeq(seq)) for (const e of added) seq.add(doc.createNode(e));
    else option.set('evidence', doc.createNode(added));
    const flowText = new Document(option).toString({ lineWidth: 0, flowCollectionPadding: /\{ /.test(yamlText.slice(option.range![0], option.range![1])) }).trimEnd();
    return splice(option.range![0], option.range![1], flowText);
  }
  const lineStart = (offset: number) => lineStartAt(yamlText, offset);
  const afterLine = (offset: number) => {
    const nl = yamlText.indexOf('\n', Math.max(0, offset - 1));
    return nl < 0 ? yamlText.length : nl + 1;
  };
  const block = (indent: string, entries: Evidence[]) =>
    entries
      .map((e) => stringify(e, { lineWidth: 0 }).trimEnd().split('\n').map((line, k) => `${indent}${k === 0 ? '- ' : '  '}${line}`).join(eol))
      .join(eol) + eol;
  const seq = option.get('evidence', true);
  if (isSeq(seq) && !seq.flow && seq.items.length > 0 && seq.range) {
    const first = seq.items[0] as { range?: [number, number, number] };
    const dash = yamlText.lastIndexOf('-', first.range![0]);
    const indent = ' '.repeat(dash - lineStart(dash));
    const at = afterLine(seq.range[1]);
    const needsEol = at === yamlText.length && !yamlText.endsWith('\n') ? eol : '';
    return splice(at, at, needsEol + block(indent, added));
  }
  if (seq !== undefined) {
    // `evidence: []` or a flow list: rewrite the option's evidence value only.
    const node = seq as { range?: [number, number, number] };
    const items = [...((option.get('evidence') as { toJSON?(): unknown[] })?.toJSON?.() ?? []), ...added];
    const keyCol = firstKeyColumn(option, yamlText, lineStart);
    let from = node.range![0];
    while (from > 0 && (yamlText[from - 1] === ' ' || yamlText[from - 1] === '\t')) from--;
    return splice(from, node.range![1], `${eol}${block(' '.repeat(keyCol + 2), items as Evidence[]).slice(0, -eol.length)}`);
  }
  const keyCol = firstKeyColumn(option, yamlText, lineStart);
  const indentSeq = !/^[^\s#][^\n]*:[ \t]*\r?\n-[ \t]/m.test(yamlText);
  const at = afterLine(option.range[1]);
  const needsEol = at === yamlText.length && !yamlText.endsWith('\n') ? eol : '';
  return splice(at, at, `${needsEol}${' '.repeat(keyCol)}evidence:${eol}${block(' '.repeat(indentSeq ? keyCol + 2 : keyCol), added)}`);
}

function firstKeyColumn(option: YAMLMap, yamlText: string, lineStart: (offset: number) => number): number {
  const key = option.items[0]?.key as { range?: [number, number, number] } | undefined;
  const offset = key?.range?.[0] ?? option.range![0];
  return offset - lineStart(offset);
}

/** Throws unless the new text reads back as the old frontmatter plus exactly the added entries. */
function checkReadBack(after: string, optionIndex: number, data: Record<string, unknown>, added: Evidence[]): void {
  const split = splitFrontmatter(after);
  const doc = split ? parseDocument(split.yaml) : undefined;
  const expected = structuredClone(data) as { options: Array<Record<string, unknown>> };
  const option = expected.options[optionIndex];
  option.evidence = [...(Array.isArray(option.evidence) ? option.evidence : []), ...added];
  if (!doc || doc.errors.length || canonical(doc.toJS()) !== canonical(expected)) {
    throw new AdrkitError('internal', 'the evidence edit did not read back as written; nothing was written', { hint: 'add the entries by hand; please report this with the record file' });
  }
}
