import type { DecisionRecord } from '../model/record.js';
import { STATUSES, type Status } from '../model/status.js';
import { plainText } from './markdown.js';

/** Result of {@link normaliseStatus}. */
export interface NormalisedStatus {
  /** The normalised status, or `undefined` when the text does not name a known status. */
  status: Status | undefined;
  /** The original text, trimmed, exactly as written in the file. */
  original: string;
  /** Reference named after "superseded by" (a record number, slug, file name or title), when present. */
  supersededBy?: string;
  /** Reference named after "supersedes" in a combined status ("accepted; supersedes ADR-0045"). */
  supersedes?: string;
  /**
   * True when the text is an unfilled template placeholder (`[ accepted | deprecated ]`,
   * `{Proposed|Accepted}`, `{status}`, `Accepted or Rejected`, `TBD`): no status, and never shown
   * as one.
   */
  placeholder: boolean;
}

/** A team's own status words (`"Shipped": "accepted"`), from the `statuses` setting of the configuration. */
export type StatusMap = Readonly<Record<string, Status>>;

/**
 * The status vocabulary: written forms (lower case, matched at the start of the text, after emoji
 * and punctuation) per normalised status, per language. Sources: the adr-tools, MADR, log4brains
 * and Kubernetes-KEP/Flux RFC vocabularies, and the status convention of the corpus README.
 * Order matters: the first table whose pattern matches wins, so the qualified forms
 * ("partly superseded" is still in force) come before the plain ones.
 */
export const STATUS_VOCABULARY: ReadonlyArray<{ status: Status; language: string; words: readonly string[] }> = [
  // A decision that is only partly superseded is still in force.
  { status: 'accepted', language: 'en', words: ['partly supersede', 'partially supersede', 'partly supercede', 'partially supercede', 'partly replaced', 'partially replaced'] },
  { status: 'superseded', language: 'en', words: ['supersede', 'superseed', 'supercede', 'superceed', 'replaced', 'invalidated', 'reverted by', 'deprecated in favo', 'obsoleted by'] },
  { status: 'superseded', language: 'fr', words: ['remplac', 'supplant', 'invalidé par', 'annulé et remplacé'] },
  { status: 'superseded', language: 'de', words: ['ersetzt', 'abgelöst'] },
  { status: 'superseded', language: 'es', words: ['reemplazad', 'sustituid', 'substituid', 'reemplazo'] },
  { status: 'superseded', language: 'pt', words: ['substituíd', 'substituid', 'superad'] },
  { status: 'superseded', language: 'zh', words: ['已取代', '被取代', '取代', '已替代', '被替代', '已被替代', '已被取代', '替换'] },
  { status: 'superseded', language: 'ja', words: ['置き換え', '置換', '後継'] },
  { status: 'accepted', language: 'en', words: ['accept', 'approved', 'adopted', 'agreed', 'decided', 'done', 'implemented', 'implementable', 'partially accepted', 'partially implemented', 'partly accepted', 'partly implemented', 'experimental', 'valid', 'active', 'completed', 'complete', 'refinement completed', 'in force', 'final', 'ratified'] },
  { status: 'accepted', language: 'fr', words: ['accepté', 'acceptée', 'adopté', 'adoptée', 'approuvé', 'approuvée', 'validé', 'validée', 'décidé', 'décidée', 'implémenté', 'implémentée', 'mis en œuvre', 'en vigueur', 'actée', 'acté'] },
  { status: 'accepted', language: 'de', words: ['angenommen', 'akzeptiert', 'genehmigt', 'beschlossen', 'umgesetzt', 'implementiert', 'entschieden', 'freigegeben'] },
  { status: 'accepted', language: 'es', words: ['aceptad', 'aprobad', 'adoptad', 'implementad', 'decidid', 'vigente'] },
  { status: 'accepted', language: 'pt', words: ['aceito', 'aceita', 'aprovad', 'adotad', 'implementad', 'decidid'] },
  { status: 'accepted', language: 'zh', words: ['通过', '已通过', '完成', '已完成', '接受', '已接受', '采纳', '已采纳', '批准', '已批准', '已实施', '实施', '生效', '已生效', '决定', '已决定'] },
  { status: 'accepted', language: 'ja', words: ['承認', '採用', '採択', '決定', '完了', '受理', '実装済', '合意'] },
  { status: 'proposed', language: 'en', words: ['propos', 'pending', 'draft', 'in review', 'review', 'under review', 'under discussion', 'in discussion', 'in progress', 'in-progress', 'incomplete', 'open', 'wip', 'provisional', 'on hold', 'rfc', 'requested', 'suggested', 'planned', 'exploring', 'investigating', 'tentative', 'new', 'idea'] },
  { status: 'proposed', language: 'fr', words: ['proposé', 'proposée', 'proposition', 'brouillon', 'en cours', 'en revue', 'en révision', 'en relecture', 'en discussion', 'à valider', 'en attente', 'ébauche', 'en réflexion'] },
  { status: 'proposed', language: 'de', words: ['vorgeschlagen', 'vorschlag', 'entwurf', 'in prüfung', 'in bearbeitung', 'in diskussion', 'offen'] },
  { status: 'proposed', language: 'es', words: ['propuest', 'borrador', 'en revisión', 'en revision', 'en discusión', 'pendiente', 'en progreso', 'abierto'] },
  { status: 'proposed', language: 'pt', words: ['proposto', 'proposta', 'rascunho', 'em revisão', 'em revisao', 'em discussão', 'pendente', 'em andamento', 'aberto'] },
  { status: 'proposed', language: 'zh', words: ['提议', '提案', '建议', '草案', '草稿', '审核中', '审查中', '评审中', '讨论中', '待定', '待审', '进行中', '提出'] },
  { status: 'proposed', language: 'ja', words: ['提案', '草案', 'ドラフト', '検討中', 'レビュー中', '審議中', '議論中', '保留'] },
  { status: 'rejected', language: 'en', words: ['reject', 'declined', 'refused', 'abandoned', 'not accepted', 'won\'t do', 'wont do'] },
  { status: 'rejected', language: 'fr', words: ['rejeté', 'rejetée', 'refusé', 'refusée', 'abandonné', 'abandonnée'] },
  { status: 'rejected', language: 'de', words: ['abgelehnt', 'verworfen', 'zurückgewiesen'] },
  { status: 'rejected', language: 'es', words: ['rechazad', 'descartad'] },
  { status: 'rejected', language: 'pt', words: ['rejeitad', 'recusad', 'descartad'] },
  { status: 'rejected', language: 'zh', words: ['拒绝', '已拒绝', '否决', '已否决', '驳回', '不通过'] },
  { status: 'rejected', language: 'ja', words: ['却下', '不採用', '否決', '棄却'] },
  { status: 'deprecated', language: 'en', words: ['deprecat', 'obsolete', 'retired', 'withdrawn', 'revoked', 'reverted', 'invalid', 'sunset', 'archived', 'discontinued', 'deferred'] },
  { status: 'deprecated', language: 'fr', words: ['obsolète', 'déprécié', 'dépréciée', 'retiré', 'retirée', 'caduc', 'caduque', 'annulé', 'annulée', 'abrogé', 'abrogée'] },
  { status: 'deprecated', language: 'de', words: ['veraltet', 'abgekündigt', 'zurückgezogen', 'aufgehoben', 'obsolet'] },
  { status: 'deprecated', language: 'es', words: ['obsoleto', 'obsoleta', 'en desuso', 'retirad', 'revertid', 'derogad'] },
  { status: 'deprecated', language: 'pt', words: ['obsoleto', 'obsoleta', 'descontinuad', 'depreciad', 'revertid', 'revogad'] },
  { status: 'deprecated', language: 'zh', words: ['已弃用', '弃用', '废弃', '已废弃', '过时', '已过时', '撤销', '已撤销'] },
  { status: 'deprecated', language: 'ja', words: ['非推奨', '廃止', '廃止済', '撤回'] },
];

/** Words that say "no status yet" (`TBD`): no status, like an unfilled placeholder. */
const UNDECIDED = /^(?:tbd|tba|todo|n\/a|na|none|unknown|\?+|-+|…|\.\.\.|à définir|a definir|por definir|a definir|待定义|未定|未定義)$/i;

/** Statuses longer than this are analysed on their first characters only (real statuses are short). */
const MAX_STATUS_CHARS = 300;

/** Every written form with its status, longest first, so that `in review` wins over `review`. */
const FORMS: ReadonlyArray<[string, Status]> = STATUS_VOCABULARY.flatMap((entry) => entry.words.map((w) => [w, entry.status] as [string, Status])).sort((a, b) => b[0].length - a[0].length);

/**
 * Normalises a free-text status as found in real decision logs (adr-tools, MADR, log4brains,
 * Flux RFCs, hand-written, in English, French, German, Spanish, Portuguese, Chinese and Japanese)
 * to one of {@link STATUSES}, with the vocabulary in {@link STATUS_VOCABULARY}.
 *
 * Handles case, leading emoji and punctuation, trailing dots and brackets, template braces
 * around a real value (`{ accepted }`), the misspelling "Superceded", "superseded / replaced /
 * invalidated / reverted by X" (X kept in `supersededBy`) and "accepted; supersedes X" (X kept in
 * `supersedes`). Unfilled placeholders (`[ accepted | deprecated ]`, `{Proposed|Accepted}`,
 * `{status}`, `Accepted or Rejected`) and `TBD` give no status with `placeholder: true`. Never throws.
 *
 * @param raw - status text, e.g. `"⌛️ Superseded by 036. Multi-cluster"`.
 * @param custom - a team's own words, matched case-insensitively against the whole text or its
 *   first word before the built-in vocabulary (`{ Shipped: 'accepted' }`).
 * @returns the normalised status (or `undefined`), the original text and any referenced record.
 */
export function normaliseStatus(raw: string, custom: StatusMap = {}): NormalisedStatus {
  const original = String(raw ?? '').trim();
  const head = original.length > MAX_STATUS_CHARS ? original.slice(0, MAX_STATUS_CHARS) : original;
  if (isPlaceholder(head)) return { status: undefined, original, placeholder: true };
  // Template braces around a real value: `{ accepted }`, `{proposed}`.
  const braced = /^\{\s*([^{}|]*?)\s*\}$/.exec(head);
  let text = clean(braced ? braced[1] : head);
  const customStatus = lookupCustom(text, custom);
  if (customStatus) return { status: customStatus, original, placeholder: false };
  if (UNDECIDED.test(text)) return { status: undefined, original, placeholder: true };
  let supersedes: string | undefined;
  const combined = /^(.*?)[;,]\s*(?:supersedes|replaces|remplace|ersetzt|substitui|reemplaza)\s+(.+)$/.exec(text);
  if (combined) {
    text = combined[1].trim();
    // Cut the reference from the original text (case kept) right after the keyword.
    const keyword = /[;,]\s*(?:supersedes|replaces|remplace|ersetzt|substitui|reemplaza)\s+/i.exec(head);
    supersedes = cleanRef(keyword ? head.slice(keyword.index + keyword[0].length) : combined[2]);
  }
  let supersededBy: string | undefined;
  const by = /(?:supersede|superseed|supercede|superceed|replace|remplac|invalidat|revert|obsolet|ersetzt|abgelöst|substituíd|substituid|reemplazad|sustituid)\S*\s+(?:by|par|durch|por|with|avec)\s*:?\s*(.+)$/u.exec(text)
    ?? /deprecated in favou?r of\s*:?\s*(.+)$/u.exec(text);
  if (by && !/^(?:partly|partially)\b/.test(text)) {
    const start = head.toLowerCase().lastIndexOf(by[1].slice(0, Math.min(8, by[1].length)));
    supersededBy = cleanRef(start >= 0 ? head.slice(start) : by[1]);
  }
  const status = statusOfWords(text);
  const result: NormalisedStatus = { status, original, placeholder: false };
  if (supersededBy) result.supersededBy = supersededBy;
  if (supersedes) result.supersedes = supersedes;
  return result;
}

/** The normalised status a status text starts with, from the vocabulary (no placeholder handling). */
function statusOfWords(text: string): Status | undefined {
  for (const [form, status] of FORMS) {
    if (!text.startsWith(form)) continue;
    // A form that ends inside a word is a stem (`accept` → accepted, acceptance); a Latin form
    // must not be followed by more letters unless it is such a stem (`open` ≠ `opentelemetry`).
    const next = text.charAt(form.length);
    if (next && /\p{L}/u.test(next) && /[\p{Script=Latin}]$/u.test(form) && !STEMS.has(form)) continue;
    return status;
  }
  return undefined;
}

/** Forms that are word stems: they match longer words (`propos` → proposed, proposal). */
const STEMS = new Set(['supersede', 'superseed', 'supercede', 'superceed', 'accept', 'propos', 'reject', 'deprecat', 'remplac', 'supplant', 'reemplazad', 'sustituid', 'substituid', 'substituíd', 'superad', 'aceptad', 'aprobad', 'adoptad', 'implementad', 'decidid', 'aprovad', 'adotad', 'propuest', 'rechazad', 'descartad', 'rejeitad', 'recusad', 'retirad', 'revertid', 'derogad', 'descontinuad', 'depreciad', 'revogad', 'deprecated in favo', 'partly supersede', 'partially supersede', 'partly supercede', 'partially supercede', 'obsolete', 'implementable', 'complete', 'invalid', 'invalidated', 'replaced', 'approved', 'adopted', 'implemented', 'reverted', 'retired', 'rfc', 'draft', 'review']);

/** Lower case, without leading emoji/punctuation, trailing dots/brackets, or markdown marks. */
function clean(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s.)\]*_~`!:;,]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function lookupCustom(text: string, custom: StatusMap): Status | undefined {
  const keys = Object.keys(custom);
  if (keys.length === 0) return undefined;
  const first = text.split(/[\s;,(]/)[0];
  for (const key of keys) {
    const k = clean(key);
    if (k === text || k === first) return custom[key];
  }
  return undefined;
}

/**
 * True for an unfilled template status: `[ accepted | deprecated | … ]`, `{Proposed|Accepted}`,
 * `{status}`, `<status>`, `Accepted or Rejected`, `proposed / accepted / rejected`, `Status`.
 */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (/^\[[^\]]*\|/.test(t) || /^\[[^\]]*\]$/.test(t) || /\{[^}]*\|[^}]*\}/.test(t)) return true;
  if (/^<[^>]*>$/.test(t) && !/^<https?:/i.test(t)) return true;
  const braced = /^\{\s*([^{}]*?)\s*\}$/.exec(t);
  if (braced) return statusOfWords(clean(braced[1])) === undefined;
  // Two or more status words joined by or / | / slash: the template's list of choices.
  const parts = clean(t).split(/\s*(?:\bor\b|\bou\b|\boder\b|\bo\b|\|)\s*|\s+\/\s+|\s*,\s*/);
  if (parts.length >= 2 && parts.every((p) => p && !/\d|\b(?:by|par|durch|por)\b/.test(p) && p.split(' ').length <= 3 && statusOfWords(p) !== undefined)) return true;
  return /^(?:status|statut|estado|zustand|状态|状態|ステータス)$/i.test(clean(t));
}

/**
 * A status as a record's `statusText` gives it: the value as written, trimmed, with markdown
 * syntax removed (emphasis, code, link syntax `[label](href)` down to its label, HTML comments, a
 * leading `>`) and template braces kept (`{ accepted }`). The links it names stay readable as
 * relations from the written value (see {@link normaliseStatus}'s `supersededBy`). Pure.
 *
 * @param written - the status value as written, e.g. `Superseded by [ADR019 Use SES](ADR019-use-ses.md)`.
 * @returns plain text, e.g. `Superseded by ADR019 Use SES`; the trimmed input when nothing is left.
 */
export function statusTextOf(written: string): string {
  const trimmed = written.trim();
  return plainText(trimmed.replace(/^(?:>\s?)+/, '')) || trimmed;
}

function cleanRef(ref: string): string {
  const trimmed = ref.trim();
  const clean = trimmed.replace(/[\s.)]+$/u, '');
  // Give back the stripped `)` that close a parenthesis, such as a markdown link's (`[ADR-3](0003-x.md)`).
  const stripped = (trimmed.slice(clean.length).match(/\)/g) ?? []).length;
  const opened = (clean.match(/\(/g) ?? []).length - (clean.match(/\)/g) ?? []).length;
  return clean + ')'.repeat(Math.max(0, Math.min(stripped, opened)));
}

/**
 * A record read again with a team's own status words (the `statuses` setting): the same record
 * when the map is empty or changes nothing, else a copy with the status the map gives. Pure.
 *
 * @param record - a parsed record.
 * @param statuses - words and their statuses, e.g. `{ Shipped: 'accepted' }`.
 */
export function withStatusWords(record: DecisionRecord, statuses: StatusMap | undefined): DecisionRecord {
  if (!statuses || Object.keys(statuses).length === 0 || record.statusText === undefined) return record;
  const status = normaliseStatus(record.statusText, statuses).status;
  return status === record.status ? record : { ...record, status };
}

export { STATUSES };
