import { join } from 'node:path';
import type { RuleSetting } from '../model/config.js';
import type { DecisionRecord } from '../model/record.js';
import type {
  ReviewCollision,
  ReviewDecisionDiff,
  ReviewFinding,
  ReviewHoldLink,
  ReviewRecordChange,
  ReviewReport,
} from '../model/review.js';
import type { RadarSet } from '../radar/resolve.js';
import { classifyFile, parseRecordName } from '../parse/filename.js';
import { looksLikeTemplate, parseRecord, type ParsedRecord } from '../parse/record.js';
import { lint, type LintInput } from '../lint/engine.js';
import type { Rule } from '../rules/define.js';
import { nextNumber } from '../decision/numbering.js';
import { evidenceChanges as diffEvidence } from './evidence.js';
import { holdOptions, type HoldLookup } from './hold.js';
import { pairRecords, type SnapshotFile } from './match.js';
import { renumberedName } from './renumber.js';
import { decisionDiff } from './decision-diff.js';
import { governingDecisions } from './governs.js';
import { encodePath } from './link.js';
import { ringChanges } from './rings.js';

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
  /** URL or relative link of a head file (file name in the log folder), percent-encoded; default: `<dir>/<file>` encoded. */
  link?: (file: string) => string;
  /**
   * The repository around the log, paths relative to the working directory with `/` separators:
   * `files`, every file at head (lint checks links to images and attachments against the ones
   * under the log folder); `changed`, the files the range changes (merge base → head), matched
   * against the `applies-to` globs of accepted and proposed decisions.
   */
  repository?: { files: readonly string[]; changed: readonly string[] };
  /** Default `applies-to` globs of the log (configuration `appliesTo`). */
  appliesTo?: readonly string[];
  /** Radars: blip rings moved since a changed decision are reported (`decisions[].rings`). */
  radars?: RadarSet;
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
 * the review: records added, edited, removed and renamed; the semantic decision diff of each
 * changed record (see `decisionDiff`); options newly linked to HOLD blips; number collisions
 * (see `findCollisions`, with the renumbering to apply: the next number free in base AND head);
 * the accepted and proposed decisions whose `applies-to` globs match the changed files outside
 * the log; lint findings on the changed records only, with the head tree as link targets. Pure:
 * files come in, a {@link ReviewReport} comes out.
 */
export function buildReview(input: ReviewInput): ReviewReport {
  const base = recordsOf((input.mergeBase ?? input.base).files);
  const baseTip = input.mergeBase ? recordsOf(input.base.files) : base;
  const head = recordsOf(input.head.files);
  const byPath = <T extends SnapshotFile>(list: T[]) => new Map(list.map((r) => [r.path, r]));
  const baseBy = byPath(base);
  const headBy = byPath(head);
  const pairing = pairRecords(base, head, input.renames);
  const link = input.link ?? ((file: string) => encodePath(input.dir === '.' ? file : `${input.dir}/${file}`));
  const hold = input.hold ?? noHold;

  const changes: ReviewRecordChange[] = [];
  const decisions: ReviewDecisionDiff[] = [];
  const holdLinks: ReviewHoldLink[] = [];
  const evidenceChanges: ReviewReport['evidenceChanges'] = [];
  const describe = (r: DecisionRecord) => ({ number: r.number ?? null, title: r.title, status: r.status ?? null });
  const changed: Parsed[] = [];

  const compare = (b: Parsed, h: Parsed) => {
    const diff = decisionDiff(b.record, h.record, h.path, input.radars ? ringChanges(input.radars, h.record) : []);
    if (diff) decisions.push(diff);
    evidenceChanges.push(...diffEvidence(h.path, b.record, h.record));
    const before = new Set(holdOptions(b.record.options, hold).map((x) => `${x.option.id}\0${x.option.blip}`));
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
    evidenceChanges.push(...diffEvidence(h.path, undefined, hp.record));
  }
  for (const b of pairing.removed) {
    changes.push({ kind: 'removed', file: b.path, ...describe(baseBy.get(b.path)!.record) });
  }
  const order = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  changes.sort(order);
  decisions.sort(order);
  holdLinks.sort(order);
  evidenceChanges.sort(order);

  // Records added, or renamed to another number, are the ones a pull request can make collide.
  const numberOf = (path: string) => parseRecordName(path).number;
  const movers = [...pairing.added, ...pairing.renamed.filter((r) => numberOf(r.base.path) !== numberOf(r.head.path)).map((r) => r.head)].map((f) => headBy.get(f.path)!);
  const forkPaths = new Set(base.map((r) => r.path));
  const collisions = findCollisions(input, head, baseTip.filter((r) => !forkPaths.has(r.path)), movers);
  const governing = governingOf(input, head, link);
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
      statusChanges: decisions.filter((d) => d.status).length,
      optionChanges: decisions.filter((d) => d.chosen || d.options.added.length || d.options.removed.length).length,
      matrixChanges: decisions.filter((d) => d.matrix).length,
      governing: governing.length,
      holdLinks: holdLinks.length,
      collisions: collisions.length,
      errors,
      warnings,
    },
    ok: collisions.length === 0 && errors === 0,
    changes,
    decisions,
    governing,
    evidenceChanges,
    holdLinks,
    collisions,
    findings,
  };
}

/**
 * Number collisions of the records a branch adds (or renumbers): another record has the same
 * number once the branch is merged, either a distinct record at head (`otherIn: 'head'`; two
 * added records clash once, the later file name is renumbered) or a record the base branch added
 * since the merge base (`otherIn: 'base'`). A record of the merge base that the head deletes does
 * not count: a range that deletes record N and adds a different N leaves one N. Each colliding
 * record gets the next number free in the base and the head (file names of both, records or not),
 * in file-name order.
 */
function findCollisions(input: ReviewInput, head: Parsed[], baseAdded: Parsed[], movers: Parsed[]): ReviewCollision[] {
  let next = Math.max(nextNumber(input.base.files.map((f) => f.path)), nextNumber(input.head.files.map((f) => f.path)));
  const result: ReviewCollision[] = [];
  const moved = new Set<string>();
  const sorted = [...movers].sort((a, b) => (a.path < b.path ? -1 : 1));
  const isMover = new Set(sorted.map((r) => r.path));
  for (const r of sorted) {
    const number = parseRecordName(r.path).number;
    if (number === undefined) continue;
    const same = (o: Parsed) => o.path !== r.path && !moved.has(o.path) && parseRecordName(o.path).number === number;
    // Another added record sorted after this one is renumbered instead (when its turn comes).
    const atHead = head.filter(same).filter((o) => !(isMover.has(o.path) && o.path > r.path));
    const inBase = baseAdded.filter(same);
    const other = atHead[0] ? { file: atHead[0].path, in: 'head' as const } : inBase[0] ? { file: inBase[0].path, in: 'base' as const } : undefined;
    if (!other) continue;
    moved.add(r.path);
    const suggestedNumber = next++;
    const suggestedFile = renumberedName(r.path, suggestedNumber);
    const dirOption = input.dir === '.' ? '' : ` --dir ${quote(input.dir)}`;
    result.push({ file: r.path, number, otherFile: other.file, otherIn: other.in, suggestedNumber, suggestedFile, command: `adrkit renumber${dirOption} ${quote(r.path)} ${suggestedNumber}` });
  }
  return result;
}

/** Accepted and proposed head decisions whose `applies-to` globs match changed files outside the log folder. */
function governingOf(input: ReviewInput, head: Parsed[], link: (file: string) => string) {
  if (!input.repository) return [];
  const inLog = (f: string) => input.dir === '.' || f === input.dir || f.startsWith(`${input.dir}/`);
  const outside = input.repository.changed.filter((f) => input.dir !== '.' ? !inLog(f) : !head.some((r) => r.path === f));
  if (outside.length === 0) return [];
  return governingDecisions(head.map((r) => ({ record: r.record, path: r.path, url: link(r.path), logDefault: input.appliesTo })), outside);
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
  // The head tree under the log folder (records, images, attachments), as `lint` sees the work tree.
  const prefix = input.dir === '.' ? '' : `${input.dir}/`;
  const files = input.repository ? new Set(input.repository.files.filter((f) => f.startsWith(prefix) && !f.startsWith('../'))) : undefined;
  return lint(inputs, { rules: opts.rules, settings: opts.settings, only, today: opts.today, radar: opts.radar, files, logDirs: [input.dir] }).map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    message: f.message,
  }));
}
