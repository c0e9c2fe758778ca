import { z } from 'zod';
import { RULES } from './rules/index.js';
import { GENERATED_SCHEMAS } from './model/schemas.js';

/**
 * Generated artefacts, by path relative to the package root: the JSON Schemas (draft-7, from the
 * zod model, `io: 'input'`) and the rule reference. `scripts/generate.mjs` writes them, or with
 * `--check` fails when the committed copies are stale.
 */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, { schema, title, description }] of Object.entries(GENERATED_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const doc = { $id: `https://adrkit.dev/schema/${name}`, title, description, ...json };
    files.set(`schema/${name}`, `${JSON.stringify(doc, null, 2)}\n`);
  }
  files.set('docs/rules.md', rulesDoc());
  return files;
}

const PARSE_DESCRIPTION = 'The file can be read as a decision record: text in UTF-8, a frontmatter block that is closed and valid YAML mapping.';

/** Docs of `parse`: not a rule module (the parser reports it), but configured and filtered like one. */
const PARSE_DOC = [
  '## parse',
  '',
  PARSE_DESCRIPTION,
  '',
  'Reported by the record parser rather than a rule module: an empty or binary file, text that is not UTF-8, a frontmatter block that is not closed, YAML that cannot be read, or frontmatter that is not a mapping. A YAML mistake is reported ONCE, at its cause (the opening `{`, `[` or quote that is never closed, the tab used as indentation, the repeated key), with how to fix it; the parser\'s follow-on errors are not shown. A record whose frontmatter cannot be read gets no other findings: rules would otherwise judge the empty data that stands in for it.',
  '',
  'A UTF-8 byte order mark and a body over 2 MB are warnings; everything else is an error.',
  '',
  '- Default severity: `error`',
  '- Scope: one record',
  '- Fixable: no',
  '- Configure like a rule (`"parse": "warn"`) and select with `adrkit lint --rule parse`.',
  '',
];

function rulesDoc(): string {
  const lines = [
    '# adrkit lint rules',
    '',
    '<!-- Generated from the rule metadata by `npm run gen`; do not edit. -->',
    '',
    'Configure severities in `adrkit.config.json`: `{ "rules": { "rule-id": "off" | "warn" | "error" | ["warn", { options }] } }`.',
    'Disable inline with `<!-- adrkit-disable rule-id -->`, `<!-- adrkit-disable-next-line rule-id -->`, or `# adrkit-disable-next-line rule-id` in the frontmatter.',
    '',
    '| Rule | Default | Scope | Fixable | Formats | Description |',
    '|---|---|---|---|---|---|',
    `| [\`parse\`](#parse) | error | record | | all | ${PARSE_DESCRIPTION} |`,
    ...RULES.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.severity} | ${r.meta.scope} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.formats?.join(', ') ?? 'all'} | ${r.meta.description} |`),
    '',
    ...PARSE_DOC,
  ];
  for (const rule of RULES) {
    const { meta } = rule;
    lines.push(`## ${meta.id}`, '', meta.description, '');
    if (meta.docs) lines.push(meta.docs, '');
    lines.push(`- Default severity: \`${meta.severity}\``, `- Scope: ${meta.scope === 'log' ? 'the whole decision log (cross-record)' : 'one record'}`, `- Fixable: ${meta.fixable ? 'yes (`adrkit lint --fix`)' : 'no'}`);
    if (meta.needsHistory) lines.push('- Reads git history');
    lines.push('', 'Messages:', '', ...Object.entries(meta.messages).map(([id, text]) => `- \`${id}\`: ${text.replace(/\|/g, '\\|')}`), '');
    if (meta.options) {
      const schema = z.toJSONSchema(meta.options, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
      lines.push('Options:', '', '```json', JSON.stringify(schema, null, 2), '```', '');
    }
  }
  return lines.join('\n');
}
