import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import github, { escapeData, escapeProperty } from '../../src/render/reporters/github.js';
import sarif from '../../src/render/reporters/sarif.js';
import { REPORTERS } from '../../src/render/reporters/index.js';
import { RULES } from '../../src/rules/index.js';

const FINDINGS: Finding[] = [
  { ruleId: 'valid-date', severity: 'error', file: 'docs/adr/0001-a b.md', line: 4, column: 7, message: 'date "2024-14-02" is not a real ISO date', path: 'date' },
  { ruleId: 'stale-proposed', severity: 'warn', file: 'docs/adr/0002-x.md', line: 3, column: 1, message: 'proposed since 2024-01-01' },
  { ruleId: 'link-target', severity: 'info', file: 'docs/adr/0002-x.md', line: 9, column: 3, message: 'link "../x" leaves the log' },
  { ruleId: 'parse', severity: 'error', file: 'docs/adr/0003-y.md', line: 2, column: 1, message: 'invalid YAML' },
];

/**
 * Structural subset of the SARIF 2.1.0 schema (OASIS sarif-schema-2.1.0.json), derived from the
 * @types/sarif definitions: the official schema file is not available offline. Covers every
 * object adrkit writes, with the schema's required keys, enums, minimums and `additionalProperties`
 * where the official schema closes objects.
 */
const message = { type: 'object', required: ['text'], properties: { text: { type: 'string' } } };
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: {
                    type: 'array',
                    uniqueItems: true,
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        name: { type: 'string' },
                        shortDescription: message,
                        fullDescription: message,
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } }, additionalProperties: false },
                        properties: { type: 'object' },
                      },
                      additionalProperties: false,
                    },
                  },
                },
              },
            },
          },
          originalUriBaseIds: { type: 'object', additionalProperties: { type: 'object', properties: { uri: { type: 'string', format: 'uri-reference' } } } },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message,
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        properties: {
                          artifactLocation: { type: 'object', properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' } }, additionalProperties: false },
                          region: { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 } }, additionalProperties: false },
                        },
                        additionalProperties: false,
                      },
                    },
                    additionalProperties: false,
                  },
                },
                properties: { type: 'object' },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

describe('sarif reporter', () => {
  const log = JSON.parse(sarif.render({ findings: FINDINGS, fileCount: 3, cwd: '/home/ada/project', color: false }));

  it('validates against the SARIF 2.1.0 structure', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(SARIF_SUBSET);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes every rule with a help link into docs/rules.md', () => {
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; helpUri: string; defaultConfiguration: { level: string } }>;
    expect(rules.map((r) => r.id)).toEqual(['parse', ...RULES.map((r) => r.meta.id)]);
    const validDate = rules.find((r) => r.id === 'valid-date')!;
    expect(validDate.helpUri).toMatch(/docs\/rules\.md#valid-date$/);
    expect(validDate.defaultConfiguration.level).toBe('error');
  });

  it('maps findings to results with levels and relative locations', () => {
    const [first, second, third] = log.runs[0].results;
    expect(first.ruleId).toBe('valid-date');
    expect(log.runs[0].tool.driver.rules[first.ruleIndex].id).toBe('valid-date');
    expect(first.level).toBe('error');
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'docs/adr/0001-a%20b.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 7 } });
    expect([second.level, third.level]).toEqual(['warning', 'note']);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/ada/project/');
    expect(log.runs).toHaveLength(1);
  });
});

describe('github reporter', () => {
  it('writes one workflow command per finding', () => {
    const out = github.render({ findings: FINDINGS.slice(0, 3), fileCount: 2, cwd: '/x', color: false });
    expect(out.split('\n')).toEqual([
      '::error file=docs/adr/0001-a b.md,line=4,col=7,title=adrkit valid-date::date "2024-14-02" is not a real ISO date',
      '::warning file=docs/adr/0002-x.md,line=3,col=1,title=adrkit stale-proposed::proposed since 2024-01-01',
      '::notice file=docs/adr/0002-x.md,line=9,col=3,title=adrkit link-target::link "../x" leaves the log',
      '',
    ]);
  });

  it('escapes data and property values per the workflow command rules', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const out = github.render({ findings: [{ ruleId: 'x', severity: 'error', file: 'dir,1/a:b.md', line: 1, column: 1, message: 'line one\nline two 50%' }], fileCount: 1, cwd: '/', color: false });
    expect(out).toBe('::error file=dir%2C1/a%3Ab.md,line=1,col=1,title=adrkit x::line one%0Aline two 50%25\n');
  });

  it('is registered with the other reporters', () => {
    expect(Object.keys(REPORTERS)).toEqual(expect.arrayContaining(['stylish', 'json', 'sarif', 'github']));
  });
});
