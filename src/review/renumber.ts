import { AdrkitError } from '../model/errors.js';
import { classifyFile, parseRecordName, recordNumberSpan } from '../parse/filename.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import type { SnapshotFile } from './match.js';

/** Frontmatter keys whose values reference records by number or file name. */
const RELATION_KEYS = ['supersedes', 'superseded-by', 'relates-to', 'amends'];

/** What {@link planRenumber} decides: one file renamed, and the text of every file that changes. */
export interface RenumberPlan {
  /** Old file name (relative to the log folder). */
  from: string;
  /** New file name. */
  to: string;
  fromNumber: number;
  toNumber: number;
  /** New text of the renamed file (written under `to`). */
  renamedText: string;
  /** Other files whose links change: `before` is the text read, `after` the text to write. */
  edits: Array<{ path: string; before: string; after: string }>;
}

/**
 * The file name of a record after renumbering: the number part is replaced and its zero padding
 * and any prefix kept (`adr-003-x.md` → `adr-012-x.md`, `0003-x.md` → `0012-x.md`,
 * `ODH-ADR-Operator-0007-x.md` → `ODH-ADR-Operator-0012-x.md`).
 * @throws AdrkitError `usage` when the name has no number.
 */
export function renumberedName(fileName: string, to: number): string {
  const span = recordNumberSpan(fileName);
  if (!span) throw new AdrkitError('usage', `${fileName} has no record number to change`);
  return `${fileName.slice(0, span.start)}${String(to).padStart(span.end - span.start, '0')}${fileName.slice(span.end)}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Plans `adrkit renumber`: renames a record (keeping its slug) and rewrites every reference to it
 * in the log: relative markdown links and link texts (`[3. Use X](0003-use-x.md)`, adr-tools
 * status sections), file names and slugs anywhere in the text (log4brains ids, frontmatter
 * values), record numbers in the `supersedes` / `superseded-by` / `relates-to` / `amends`
 * frontmatter keys (only when the old number is unique in the log: with two records numbered
 * alike, a bare number is ambiguous and stays), and the record's own `# 3. Title` heading. Pure.
 *
 * @param files - every top-level file of the log folder (records, index, README).
 * @param from - record number, or file name when several records share the number.
 * @param to - the new number.
 * @throws AdrkitError `not-found` when no record matches `from`; `usage` when `from` is ambiguous;
 *   `exists` when `to` is already used by a file of the log.
 */
export function planRenumber(files: SnapshotFile[], from: string, to: number): RenumberPlan {
  if (!Number.isInteger(to) || to < 0 || to >= 1e7) throw new AdrkitError('usage', `the new number must be a whole number, got "${to}"`);
  const records = files.filter((f) => classifyFile(f.path) === 'record');
  const numberOf = (f: SnapshotFile) => parseRecordName(f.path).number;
  let source: SnapshotFile | undefined;
  if (/^\d+$/.test(from)) {
    const matches = records.filter((f) => numberOf(f) === Number(from));
    if (matches.length > 1) throw new AdrkitError('usage', `several records use number ${Number(from)}: ${matches.map((m) => m.path).join(', ')}`, { hint: 'pass the file name of the one to renumber instead of its number' });
    source = matches[0];
  } else {
    const name = from.slice(from.replace(/\\/g, '/').lastIndexOf('/') + 1);
    source = records.find((f) => f.path === name || f.path.replace(/\.(md|markdown)$/i, '') === name);
  }
  if (!source) throw new AdrkitError('not-found', `no record ${from} in the decision log`, { hint: 'run `adrkit list` to see the records and their numbers' });
  const fromNumber = numberOf(source)!;
  if (fromNumber === undefined) throw new AdrkitError('usage', `${source.path} has no record number`);
  const toName = renumberedName(source.path, to);
  const taken = files.find((f) => f.path === toName || (f !== source && numberOf(f) === to));
  if (taken) throw new AdrkitError('exists', `number ${to} is already used by ${taken.path}`, { hint: 'pick a free number (see `adrkit review` for a suggestion)' });
  const uniqueNumber = records.filter((f) => numberOf(f) === fromNumber).length === 1;

  const rewrite = (text: string) => rewriteReferences(text, source!.path, toName, fromNumber, to, uniqueNumber);
  let renamedText = rewrite(source.text);
  renamedText = renamedText.replace(new RegExp(`^(#\\s+)0*${fromNumber}(\\.\\s)`, 'm'), (_, h: string, dot: string) => `${h}${to}${dot}`);
  const edits: RenumberPlan['edits'] = [];
  for (const f of files) {
    if (f === source || !/\.(md|markdown)$/i.test(f.path)) continue;
    const after = rewrite(f.text);
    if (after !== f.text) edits.push({ path: f.path, before: f.text, after });
  }
  return { from: source.path, to: toName, fromNumber, toNumber: to, renamedText, edits };
}

function rewriteReferences(text: string, fromFile: string, toFile: string, fromNumber: number, to: number, uniqueNumber: boolean): string {
  const fromSlug = fromFile.replace(/\.(md|markdown)$/i, '');
  const toSlug = toFile.replace(/\.(md|markdown)$/i, '');
  // Link texts that start with the number, for links to the file: `[3. Use X](0003-use-x.md)`.
  let out = text.replace(new RegExp(`\\[(\\s*(?:ADR[- ]?)?)0*${fromNumber}(\\b[^\\]]*)\\]\\((\\s*<?(?:\\./)?)${escape(fromSlug)}(?![\\w-])`, 'gi'), (_, pre: string, rest: string, hrefPre: string) => `[${pre}${to}${rest}](${hrefPre}${fromSlug}`);
  // File names and slugs anywhere (links, reference definitions, frontmatter values, status lines).
  out = out.replace(new RegExp(`(?<![\\w.-])${escape(fromSlug)}(?![\\w-])`, 'g'), toSlug);
  if (uniqueNumber) out = rewriteFrontmatterNumbers(out, fromNumber, to);
  return out;
}

/** Replaces the number `from` by `to` in the relation keys of a leading YAML frontmatter block. */
function rewriteFrontmatterNumbers(text: string, from: number, to: number): string {
  const split = splitFrontmatter(text);
  if (!split) return text;
  const lines = split.yaml.split('\n');
  let inKey = false;
  const number = new RegExp(`(?<![\\w.-])0*${from}(?![\\w.-])`, 'g');
  for (let i = 0; i < lines.length; i++) {
    const key = /^([A-Za-z][\w-]*)\s*:(.*)$/.exec(lines[i]);
    if (key) {
      inKey = RELATION_KEYS.includes(key[1]);
      if (inKey) lines[i] = `${key[1]}:${key[2].replace(number, String(to))}`;
    } else if (inKey && /^\s+-\s/.test(lines[i])) {
      lines[i] = lines[i].replace(/^(\s+-\s+)(.*)$/, (_, p: string, v: string) => p + v.replace(number, String(to)));
    } else if (!/^\s/.test(lines[i])) inKey = false;
  }
  return split.open + lines.join('\n') + split.close + split.rest;
}
