/**
 * Whether a markdown text reads like a decision record rather than ordinary documentation: it
 * names a status or has the sections decision records share (Context, Decision, Consequences,
 * Considered Options, Decision Outcome), as a heading, a `Key:` line, a bullet, a table row or a
 * front-matter key, in English, French, German, Spanish, Portuguese, Italian, Chinese or Japanese.
 * Used to tell a folder of records from a folder of numbered guides (`01-install.md`). Pure;
 * linear in the length of the text (only the first {@link SNIFF_CHARS} characters are read).
 */
export function readsLikeRecord(text: string): boolean {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  let kinds = 0;
  const seen = new Set<string>();
  for (const match of head.matchAll(SIGNAL)) {
    const word = match[1].toLowerCase();
    const kind = KIND[word] ?? kindOf(word);
    if (kind && !seen.has(kind)) {
      seen.add(kind);
      kinds++;
      // A status is enough; otherwise two of the usual sections (a guide has a "Context" now and then).
      if (kind === 'status' || kinds >= 2) return true;
    }
  }
  return false;
}

/** Characters of a file read when deciding whether it is a record. */
export const SNIFF_CHARS = 64 * 1024;

const WORDS = {
  status: ['status', 'statut', 'estado', 'stato', 'estatus', '状态', '狀態', 'ステータス', '状態'],
  context: ['context', 'contexte', 'contexto', 'kontext', 'contesto', 'background', 'context and problem statement', '背景', '上下文', 'コンテキスト'],
  decision: ['decision', 'décision', 'decisão', 'decisión', 'entscheidung', 'decisione', 'decision outcome', 'considered options', 'options considérées', '决策', '決定', '决定'],
  consequences: ['consequences', 'conséquences', 'consequências', 'consecuencias', 'konsequenzen', 'conseguenze', '后果', '結果', '影響'],
} as const;

const KIND: Record<string, string> = Object.fromEntries(Object.entries(WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind])));

function kindOf(word: string): string | undefined {
  return Object.entries(WORDS).find(([, words]) => (words as readonly string[]).some((w) => word.startsWith(w)))?.[0];
}

const ALTERNATIVES = Object.values(WORDS)
  .flat()
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');

/**
 * A line that starts (after a heading mark, bullet, table bar, quote or emphasis) with one of the
 * words and then ends, or goes on with `:`, `|` or `*`: `## Status`, `Status: Accepted`,
 * `- **Status**: Proposed`, `| Status | Accepted |`, `status: accepted` (front matter).
 */
const SIGNAL = new RegExp(`^[ \\t]{0,3}(?:#{1,6}[ \\t]+|[-*+][ \\t]+|\\|[ \\t]*|>[ \\t]*)?[*_]{0,2}(${ALTERNATIVES})[*_]{0,2}[ \\t]*(?:[:：|*]|$)`, 'gimu');
