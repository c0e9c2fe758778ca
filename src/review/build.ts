import { join } from 'node:path';
import type { RuleSetting } from '../model/config.js';
import type { DecisionRecord } from '../model/record.js';
import type {
  ReviewCollision,
  ReviewFinding,
  ReviewHoldLink,
  ReviewOptionChange,
  ReviewRecordChange,
  ReviewReport,
  ReviewStatusChange,
} from '../model/review.js';
import { classifyFile, parseRecordName } from '../parse/filename.js';
import { looksLikeTemplate, parseRecord, type ParsedRecord } from '../parse/record.js';
import { lint, type LintInput } from '../lint/engine.js';
import type { Rule } from '../rules/define.js';
import { nextNumber } from '../decision/numbering.js';
import type { RadarSet } from '../radar/resolve.js';
import { holdOptions, type HoldLookup } from './hold.js';
import { pairRecords, type SnapshotFile } from './match.js';
import { renumberedName } from './renumber.js';

/** One side of a review: a ref and the files of the log folder there. */
export interface ReviewSide {
  ref: string;
  /** Commit id; null for the working tree. */
  commit: string | null;
  /** Every top-level file of the log folder (records, index, README, templates). */
  files: SnapshotFile[];
}

/** Input of {@link buildReview}. */
export interface ReviewInput {
  /** Log folder relative to the working directory, `/` separators (`.` for the working directory itself). */
  dir: string;
  /** The base branch tip: collisions are numbers it already uses. */
  base: ReviewSide & { commit: string };
  head: ReviewSide;
  /**
   * Where head branched from base (`git merge-base`): changes are counted from here, like a pull
   * request diff, so records the base gained meanwhile do not show as removed. Default: `base`.
   */
  mergeBase?: { commit: string; files: SnapshotFile[] };
  /** Renames detected by git between base and head (file names in the log folder). */
  renames?: Array<{ from: string; to: string }>;
  /** HOLD ring lookup (see `holdLookupFromRadarYaml`); options' own `ring: hold` count too. */
  hold?: HoldLookup;
  /** Lint settings: when given, changed records are linted (the whole head log is the context). */
  lint?: { rules: Rule[]; settings?: Record<string, RuleSetting>; today: string; radar?: RadarSet };
  /** URL or relative link of a head file (file name in the log folder); default: `<dir>/<file>`. */
  link?: (file: string) => string;
}

interface Parsed extends SnapshotFile {
  parsed: ParsedRecord;
  record: DecisionRecord;
}

const noHold: HoldLookup = () => undefined;

/** Parses the record files of a snapshot (index, README, non-markdown files and templates are skipped). */
function recordsOf(files: SnapshotFile[]): Parsed[] {
  const result: Parsed[] = [];
  for (const f of files) {
    if (classifyFile(f.path) !== 'record') continue;
    const parsed = parseRecord(f.path, f.text);
    if (looksLikeTemplate(parsed.record)) continue;
    result.push({ ...f, parsed, record: parsed.record });
  }
  return result;
}

/**
 * Compares two snapshots of a decision log (typically a pull request's base and head) and builds
 * the review: records added, edited, removed and renamed; status transitions; options and chosen
 * option changes; options newly linked to HOLD blips; numbers of added records that the base
 * already uses (with the renumbering to apply: the next number free in base AND head); lint
 * findings on the changed records only. Pure: files come in, a {@link ReviewReport} comes out.
 */
export function buildReview(input: ReviewInput): ReviewReport {
  const base = recordsOf((input.mergeBase ?? input.base).files);
  const baseTip = input.mergeBase ? recordsOf(input.base.files) : base;
  const head = recordsOf(input.head.files);
  const byPath = <T extends SnapshotFile>(list: T[]) => new Map(list.map((r) => [r.path, r]));
  const baseBy = byPath(base);
  const headBy = byPath(head);
  const pairing = pairRecords(base, head, input.renames);
  const link = input.link ?? ((file: string) => (input.dir === '.' ? file : `${input.dir}/${file}`));
  const hold = input.hold ?? noHold;

  const changes: ReviewRecordChange[] = [];
  const statusChanges: ReviewStatusChange[] = [];
  const optionChanges: ReviewOptionChange[] = [];
  const holdLinks: ReviewHoldLink[] = [];
  const describe = (r: DecisionRecord) => ({ number: r.number ?? null, title: r.title, status: r.status ?? null });
  const changed: Parsed[] = [];

  const compare = (b: Parsed, h: Parsed) => {
    const from = b.record;
    const to = h.record;
    if (from.status !== to.status) {
      statusChanges.push({ file: h.path, number: to.number ?? null, title: to.title, from: from.status ?? null, to: to.status ?? null, fromText: from.statusText ?? null, toText: to.statusText ?? null });
    }
    const ids = (r: DecisionRecord) => r.options.map((o) => String(o?.id));
    const added = ids(to).filter((id) => !ids(from).includes(id));
    const removed = ids(from).filter((id) => !ids(to).includes(id));
    const chosenChanged = (from.chosen ?? null) !== (to.chosen ?? null);
    if (added.length || removed.length || chosenChanged) {
      optionChanges.push({ file: h.path, number: to.number ?? null, title: to.title, added, removed, ...(chosenChanged ? { chosen: { from: from.chosen ?? null, to: to.chosen ?? null } } : {}) });
    }
    const before = new Set(holdOptions(from.options, hold).map((x) => `${x.option.id}\0${x.option.blip}`));
    addHoldLinks(h, (id, blip) => !before.has(`${id}\0${blip}`));
  };
  const addHoldLinks = (h: Parsed, isNew: (id: string, blip: string) => boolean) => {
    for (const { option, blipName } of holdOptions(h.record.options, hold)) {
      if (!isNew(option.id, option.blip!)) continue;
      holdLinks.push({ file: h.path, number: h.record.number ?? null, option: option.id, blip: option.blip!, ...(blipName ? { blipName } : {}), chosen: h.record.chosen === option.id });
    }
  };

  for (const { base: b, head: h } of pairing.same) {
    if (b.text === h.text) continue;
    const hp = headBy.get(h.path)!;
    changes.push({ kind: 'edited', file: h.path, ...describe(hp.record), url: link(h.path) });
    changed.push(hp);
    compare(baseBy.get(b.path)!, hp);
  }
  for (const { base: b, head: h } of pairing.renamed) {
    const hp = headBy.get(h.path)!;
    changes.push({ kind: 'renamed', file: h.path, previousFile: b.path, ...describe(hp.record), url: link(h.path) });
    changed.push(hp);
    compare(baseBy.get(b.path)!, hp);
  }
  for (const h of pairing.added) {
    const hp = headBy.get(h.path)!;
    changes.push({ kind: 'added', file: h.path, ...describe(hp.record), url: link(h.path) });
    changed.push(hp);
    addHoldLinks(hp, () => true);
  }
  for (const b of pairing.removed) {
    changes.push({ kind: 'removed', file: b.path, ...describe(baseBy.get(b.path)!.record) });
  }
  const order = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  changes.sort(order);
  statusChanges.sort(order);
  optionChanges.sort(order);
  holdLinks.sort(order);

  const collisions = findCollisions(input, baseTip, pairing.added.map((f) => headBy.get(f.path)!));
  const findings = input.lint ? lintChanged(input, head, changed) : [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  const count = (kind: ReviewRecordChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return {
    version: 1,
    dir: input.dir,
    base: { ref: input.base.ref, commit: input.base.commit },
    mergeBase: input.mergeBase?.commit ?? input.base.commit,
    head: { ref: input.head.ref, commit: input.head.commit },
    summary: {
      added: count('added'),
      edited: count('edited'),
      removed: count('removed'),
      renamed: count('renamed'),
      statusChanges: statusChanges.length,
      optionChanges: optionChanges.length,
      holdLinks: holdLinks.length,
      collisions: collisions.length,
      errors,
      warnings,
    },
    ok: collisions.length === 0 && errors === 0,
    changes,
    statusChanges,
    optionChanges,
    holdLinks,
    collisions,
    findings,
  };
}

/**
 * Added records whose number the base tip uses for another record (the classic clash of two
 * branches that each added "the next" record). Each gets the next number free
 * in the base and the head (file names of both, records or not), in file-name order.
 */
function findCollisions(input: ReviewInput, baseTip: Parsed[], added: Parsed[]): ReviewCollision[] {
  const baseByNumber = new Map<number, Parsed>();
  for (const r of baseTip) if (r.record.number !== undefined && !baseByNumber.has(r.record.number)) baseByNumber.set(r.record.number, r);
  let next = Math.max(nextNumber(input.base.files.map((f) => f.path)), nextNumber(input.head.files.map((f) => f.path)));
  const result: ReviewCollision[] = [];
  for (const r of [...added].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const number = parseRecordName(r.path).number;
    if (number === undefined) continue;
    const other = baseByNumber.get(number);
    if (!other || other.path === r.path) continue;
    const suggestedNumber = next++;
    const suggestedFile = renumberedName(r.path, suggestedNumber);
    const dirOption = input.dir === '.' ? '' : ` --dir ${quote(input.dir)}`;
    result.push({ file: r.path, number, baseFile: other.path, suggestedNumber, suggestedFile, command: `adrkit renumber${dirOption} ${quote(r.path)} ${suggestedNumber}` });
  }
  return result;
}

function quote(arg: string): string {
  return /^[\w./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Lints the head log, reporting on the changed records only. */
function lintChanged(input: ReviewInput, head: Parsed[], changed: Parsed[]): ReviewFinding[] {
  const fileOf = (path: string) => (input.dir === '.' ? path : `${input.dir}/${path}`);
  const inputs: LintInput[] = head.map((r) => ({ ...r.parsed, file: fileOf(r.path), absPath: join(input.dir, r.path), text: r.text }));
  const only = new Set(changed.map((r) => fileOf(r.path)));
  if (only.size === 0) return [];
  const opts = input.lint!;
  return lint(inputs, { rules: opts.rules, settings: opts.settings, only, today: opts.today, radar: opts.radar }).map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    message: f.message,
  }));
}
