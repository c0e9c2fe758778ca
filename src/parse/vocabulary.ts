/**
 * Metadata keys and section headings of decision records in the languages adrkit reads
 * (English, French, German, Spanish, Portuguese, Chinese, Japanese), from the MADR, adr-tools,
 * log4brains and Nygard templates and their translations. Keys are compared after
 * {@link keyOf}: lower case, markdown marks, `(s)` and trailing colons removed.
 */

/** A metadata field adrkit reads from the body. */
export type MetaField = 'status' | 'date' | 'updated' | 'deciders' | 'tags' | 'supersedes' | 'supersededBy';

const FIELD_KEYS: Record<MetaField, readonly string[]> = {
  status: ['status', 'statut', 'state', 'estado', 'situação', 'situacao', 'stand', 'zustand', 'status der entscheidung', 'decision status', 'statut de la décision', 'estado de la decisión', 'status da decisão', '状态', '狀態', '状態', 'ステータス', '决策状态', '決定状態'],
  date: ['date', 'data', 'fecha', 'datum', 'decision date', 'date of decision', 'decided', 'decided on', 'creation date', 'created', 'created on', 'created at', 'date de création', 'date de décision', 'date de la décision', 'fecha de decisión', 'fecha de creación', 'data da decisão', 'data de criação', 'entscheidungsdatum', 'erstellt', 'erstellt am', '日期', '决策日期', '创建日期', '決定日', '作成日', '日付'],
  updated: ['updated', 'last updated', 'last update', 'update', 'revision date', 'revision-date', 'last modified', 'modified', 'mise à jour', 'dernière mise à jour', 'atualização', 'última atualização', 'actualizado', 'última actualización', 'aktualisiert', 'zuletzt aktualisiert', '更新日期', '更新日', '最終更新'],
  deciders: ['deciders', 'decision-makers', 'decision makers', 'decider', 'author', 'authors', 'auteur', 'auteurs', 'autor', 'autoren', 'autores', 'décisionnaires', 'décideurs', 'entscheider', 'entscheidungsträger', 'decisores', 'responsables', 'responsáveis', 'contributeurs', 'contributors', 'owner', 'owners', '决策者', '作者', '決定者', '作成者', '著者'],
  tags: ['tags', 'tag', 'labels', 'keywords', 'étiquettes', 'mots-clés', 'schlagwörter', 'schlagworte', 'etiquetas', 'palavras-chave', '标签', 'タグ'],
  supersedes: ['supersedes', 'replaces', 'remplace', 'ersetzt', 'substitui', 'reemplaza', 'sustituye', '取代', '替代', '置き換え元'],
  supersededBy: ['superseded by', 'superseded-by', 'replaced by', 'remplacé par', 'ersetzt durch', 'abgelöst durch', 'substituído por', 'reemplazado por', 'sustituido por', '被取代', '被替代', '置き換え先'],
};

const KEY_INDEX = new Map<string, MetaField>();
for (const [field, keys] of Object.entries(FIELD_KEYS) as Array<[MetaField, readonly string[]]>) for (const k of keys) KEY_INDEX.set(k, field);

/** Normalised key: lower case, no markdown marks, no `(s)`, no trailing colon or spaces. */
function keyOf(key: string): string {
  return key
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\((?:s|en|es)\)/g, 's')
    .replace(/\s+/g, ' ')
    .replace(/[\s:：]+$/, '')
    .trim();
}

/**
 * Normalised section heading, the one key headings are compared by (format detection, the status
 * section, required sections, the radar-hold rule): lower case, curly quotes straightened, no
 * numbering (`2.`, `1.3`, `iv.`), no markdown marks, no trailing colon (also full-width) or
 * `.!?`, spaces collapsed.
 */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+/, '')
    .replace(/[*_`]/g, '')
    .replace(/[\s:：.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The metadata field a key names (`Statut` → status, `Author(s)` → deciders), if any. */
export function fieldOfKey(key: string): MetaField | undefined {
  const k = keyOf(key);
  return KEY_INDEX.get(k) ?? KEY_INDEX.get(k.replace(/s$/, ''));
}

/**
 * Section headings by role, per language (lower case, compared by {@link headingKey}):
 * the MADR, Nygard, log4brains and adrkit template headings, their translations, and the
 * headings of common home-grown templates (Kubernetes-style RFCs: Summary / Motivation /
 * Proposal / Design Details; What / Why / How; Background & Context; Proposed Solution).
 */
export const SECTION_HEADINGS = {
  status: ['status', 'statut', 'estado', 'situação', 'situacao', 'stand', 'zustand', 'status der entscheidung', 'decision status', '状态', '狀態', '状態', 'ステータス', '决策状态'],
  context: ['context', 'context and problem', 'context and problem statement', 'problem', 'problem statement', 'problem to be solved', 'background', 'background and context', 'background & context', 'context & problem statement', 'context and background', 'context and motivation', 'motivation', 'why', 'summary', 'summary and motivation', 'purpose', 'introduction', 'overview', 'abstract', 'tl;dr', 'tldr', 'contexte', 'contexte et énoncé du problème', 'contexte et problème', 'contexte et problématique', 'problématique', 'kontext', 'kontext und problemstellung', 'problemstellung', 'hintergrund', 'contexto', 'contexto y enunciado del problema', 'contexto y problema', 'contexto e problema', 'contexto e declaração do problema', 'antecedentes', '背景', '上下文', '背景和问题', '问题背景', '背景と課題', 'コンテキスト', '文脈'],
  options: ['options', 'considered options', 'considered option', 'options considered', 'considered alternatives', 'alternatives', 'alternatives considered', 'alternatives evaluated', 'alternative solutions', 'pros and cons of the options', 'pros and cons of the alternatives', 'options considérées', 'options envisagées', 'alternatives envisagées', 'alternatives considérées', 'betrachtete optionen', 'optionen', 'alternativen', 'opciones consideradas', 'opciones', 'alternativas', 'alternativas consideradas', 'opções consideradas', 'opções', '备选方案', '考虑的选项', '選択肢', '検討した選択肢', '代替案'],
  decision: ['decision', 'decisions', 'decision outcome', 'outcome', 'proposed solution', 'solution', 'solution description', 'solution description (normative)', 'proposal', "what's proposed", 'the existing decision', 'what', 'how', 'design', 'design details', 'approach', 'recommendation', 'tl;dr', 'décision', 'décisions', 'résultat de la décision', 'solution proposée', 'proposition', 'entscheidung', 'entscheidungsergebnis', 'lösung', 'decisión', 'resultado de la decisión', 'solución', 'decisão', 'decisao', 'resultado da decisão', 'solução', '决策', '决定', '决策结果', '解决方案', '決定', '決定事項', '結論', '解決策'],
  consequences: ['consequences', 'consequence', 'impacts', 'impact', 'implications', 'results', 'result', 'outcomes and consequences', 'positive consequences', 'negative consequences', 'stakeholder impacts', 'expected business consequences', 'risks', 'risks and mitigations', 'drawbacks', 'trade-offs', 'tradeoffs', 'conséquences', 'conséquence', 'impacts et conséquences', 'konsequenzen', 'auswirkungen', 'folgen', 'consecuencias', 'consequências', 'consequencias', '后果', '影响', '結果', '影響'],
  criteria: ['decision criteria', 'criteria', 'decision drivers', 'drivers', 'critères de décision', 'facteurs de décision', 'entscheidungskriterien', 'criterios de decisión', 'critérios de decisão', '决策因素', '決定要因'],
} as const;

/** Headings of the MADR template (any version), translated: their presence marks a MADR record. */
export const MADR_TEMPLATE_HEADINGS: readonly string[] = ['considered options', 'decision outcome', 'context and problem statement', 'considered alternatives', 'decision drivers', 'pros and cons of the options', 'pros and cons of the alternatives', 'options considérées', 'résultat de la décision', 'contexte et énoncé du problème', 'facteurs de décision', 'betrachtete optionen', 'entscheidungsergebnis', 'opciones consideradas', 'resultado de la decisión', 'opções consideradas', 'resultado da decisão', '考虑的选项', '决策结果', '検討した選択肢', '決定の結果'];

/** Headings of the Nygard / adr-tools template, translated: their presence marks a Nygard record. */
export const NYGARD_TEMPLATE_HEADINGS: readonly string[] = [...SECTION_HEADINGS.status, 'context', 'contexte', 'kontext', 'contexto', '背景', 'decision', 'décision', 'entscheidung', 'decisión', 'decisão', '决策', '決定', 'consequences', 'conséquences', 'konsequenzen', 'consecuencias', 'consequências', '后果', '結果'];
