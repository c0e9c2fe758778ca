import { scoreMatrix } from '../decision/matrix.js';
import { defineRule } from './define.js';
import { matrixInputBroken } from './shared/matrix-input.js';

/** Words that show the Decision section argues against the matrix ("despite its lower score"). */
const JUSTIFICATION = /\b(despite|although|though|even if|even though|however|because|while|whereas|but)\b[^.]*\b(scor\w*|matrix|total|points?|ranked|weight\w*)\b|\b(scor\w*|matrix|total|points?|ranked)\b[^.]*\b(despite|although|though|however|but|because)\b/i;

export default defineRule({
  meta: {
    id: 'matrix-chosen-not-best',
    description: 'When the chosen option is not the best-scoring one, the Decision section says why.',
    severity: 'warn',
    fixable: false,
    scope: 'record',
    formats: ['native'],
    messages: { notBest: 'chosen option "{{chosen}}" scores {{chosenTotal}} but "{{best}}" scores {{bestTotal}}: explain in the Decision section why the matrix was overruled' },
    docs: 'A decision may overrule its matrix (a criterion the matrix misses, a risk), but readers must learn why. The rule is satisfied when the Decision section names the best-scoring option or explains with words like "despite its lower score" / "although X scores higher, because …".',
  },
  check({ target, report }) {
    const { record } = target;
    if (!record.chosen) return;
    if (matrixInputBroken(record.frontmatter)) return;
    const matrix = scoreMatrix(record);
    const chosen = matrix.rows.find((r) => r.chosen);
    if (!matrix.scored || !chosen || chosen.best || matrix.bestTotal === undefined) return;
    const best = matrix.rows.filter((r) => r.best);
    const decision = record.sections.filter((s) => /^(decision|decision outcome|recommendation|chosen option)$/i.test(s.heading)).map((s) => s.text).join('\n');
    const mentionsBest = best.some((r) => [r.option.name, r.option.id].some((n) => typeof n === 'string' && n.length > 1 && decision.toLowerCase().includes(n.toLowerCase())));
    if (mentionsBest || JUSTIFICATION.test(decision.replace(/<!--[\s\S]*?-->/g, ''))) return;
    const idx = record.options.indexOf(chosen.option);
    report({
      messageId: 'notBest',
      data: { chosen: chosen.option.name ?? chosen.option.id, chosenTotal: chosen.total, best: best.map((r) => r.option.name ?? r.option.id).join('", "'), bestTotal: matrix.bestTotal },
      path: idx >= 0 ? 'chosen' : 'section:Decision',
    });
  },
});
