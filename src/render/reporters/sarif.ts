import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Severity } from '../../model/finding.js';
import { RULES } from '../../rules/index.js';
import { VERSION } from '../../version.js';
import type { Reporter } from './types.js';

/** Where the rule reference lives; each rule is an anchor (`#rule-id`) of docs/rules.md. */
export const RULES_DOC_URL = 'https://adrkit.dev/docs/rules.md';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warn: 'warning', info: 'note' };

/** The base URI id that result locations are relative to (the working directory). */
export const SRCROOT = '%SRCROOT%';

const encodePath = (file: string) => file.split('/').map(encodeURIComponent).join('/');

/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) log, as GitHub code scanning
 * reads it: one run; `tool.driver.rules` from the rule metadata (with `helpUri` into
 * docs/rules.md); one result per finding with `ruleId`/`ruleIndex`, `level`
 * (error / warning / note) and a physical location relative to `%SRCROOT%` (the working directory).
 */
const sarif: Reporter = {
  name: 'sarif',
  render({ findings, cwd }) {
    const descriptors: Sarif.ReportingDescriptor[] = [
      {
        id: 'parse',
        name: 'Parse',
        shortDescription: { text: 'The file can be read: UTF-8 text, valid YAML frontmatter, not empty.' },
        helpUri: RULES_DOC_URL,
        defaultConfiguration: { level: 'error' },
      },
      ...RULES.map((rule) => ({
        id: rule.meta.id,
        name: rule.meta.id.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase()),
        shortDescription: { text: rule.meta.description },
        ...(rule.meta.docs ? { fullDescription: { text: rule.meta.docs } } : {}),
        helpUri: `${RULES_DOC_URL}#${rule.meta.id}`,
        defaultConfiguration: { level: LEVEL[rule.meta.severity] },
        properties: { fixable: rule.meta.fixable, scope: rule.meta.scope },
      })),
    ];
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    const results: Sarif.Result[] = findings.map((f) => {
      const ruleIndex = index.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodePath(f.file), uriBaseId: SRCROOT },
              region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
            },
          },
        ],
        ...(f.path ? { properties: { keyPath: f.path } } : {}),
      };
    });
    const root = pathToFileURL(cwd).href;
    const log: Sarif.Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'adrkit', version: VERSION, informationUri: 'https://adrkit.dev', rules: descriptors } },
          originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
          results,
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
export default sarif;
