import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { lintFolder, listFiles } from '../rules/helpers.js';

const ROOT = join(import.meta.dirname, '../fixtures/evidence');
const EVIDENCE_RULES = ['evidence-malformed', 'chosen-breaks-constraint', 'measurable-missing-value', 'score-contradicts-measure', 'evidence-stale'];

/** `file:line rule` of every `# expect: <rule>` marker in a fixture log. */
function expectedOf(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').flatMap((line, i) => [...line.matchAll(/# expect: ([a-z-]+)/g)].map((m) => `${f}:${i + 1} ${m[1]}`)));
}

describe('evidence rules (test/fixtures/evidence/<rule>/{bad,good}, expected findings marked `# expect: <rule>`)', () => {
  it('every evidence rule is registered, in its own file, with a bad and a good fixture', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(expect.arrayContaining(EVIDENCE_RULES));
    expect(readdirSync(ROOT).sort()).toEqual([...EVIDENCE_RULES].sort());
  });

  for (const id of EVIDENCE_RULES) {
    it(`${id}: the bad log gives exactly the marked findings`, () => {
      const dir = join(ROOT, id, 'bad');
      const findings = lintFolder(dir, { ruleFilter: new Set([id]) });
      const expected = expectedOf(dir);
      expect(expected.length).toBeGreaterThan(0);
      expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(expected.sort());
      for (const f of findings) expect(f.message).not.toMatch(/\{\{\w+\}\}/);
    });

    it(`${id}: the good log is clean under every rule`, () => {
      const findings = lintFolder(join(ROOT, id, 'good'));
      expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
    });
  }

  it('messages say what is wrong and how to fix it', () => {
    const byRule = (id: string) => lintFolder(join(ROOT, id, 'bad'), { ruleFilter: new Set([id]) });
    const malformed = byRule('evidence-malformed');
    const text = malformed.map((f) => `${f.severity} ${f.message}`).join('\n');
    expect(text).toContain('warn benchmark metric "mrr@10" is not the metric of any criterion');
    expect(text).toContain('`arxiv` "arXiv:1901.04085": expected an arXiv id');
    expect(text).toContain('a paper needs one of `arxiv`, `doi` or `url`');
    expect(text).toContain('"cross-encoder--ms-marco/MiniLM" is not a Hugging Face repo id');
    expect(text).toContain('unknown evidence kind "papr" (did you mean "paper"?)');
    expect(text).toContain('unknown key `licnse` in dataset evidence (did you mean "licence"?)');
    expect(text).toContain('benchmark evidence needs `value`');
    expect(malformed.find((f) => f.message.includes('arXiv:1901'))!.path).toBe('options[0].evidence[2].arxiv');
    const [breaks] = byRule('chosen-breaks-constraint');
    expect([breaks.severity, breaks.path, breaks.message]).toEqual(['error', 'options[1].evidence[1].metrics.latency_p95_ms', expect.stringContaining('130 ms > max 80 ms')]);
    const [missing] = byRule('measurable-missing-value');
    expect(missing.message).toContain('option "Large cross-encoder" has no measured `latency_p95_ms` for criterion "Latency": add a benchmark or run with that metric (`adrkit evidence add 1 --option large --from <file>`)');
    const [contradicts] = byRule('score-contradicts-measure');
    expect(contradicts.message).toBe('option "Large cross-encoder" scores 5 on "Quality", more than "Small cross-encoder" (3), but measures worse (0.41 vs 0.44; higher is better): fix the score, or derive the scores (`derive: true`)');
    const stale = byRule('evidence-stale');
    expect(stale.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(stale[0].message).toContain('is from 2023-11-10 (569 days, more than 365)');
  });

  it('frontmatter-schema leaves evidence entries to evidence-malformed (one finding per problem)', () => {
    const findings = lintFolder(join(ROOT, 'evidence-malformed', 'bad'), { ruleFilter: new Set(['frontmatter-schema']) });
    expect(findings).toEqual([]);
  });

  it('evidence-stale: only accepted records, and maxAgeDays is an option', () => {
    const dir = join(ROOT, 'evidence-stale', 'bad');
    expect(lintFolder(dir, { ruleFilter: new Set(['evidence-stale']), settings: { 'evidence-stale': ['info', { maxAgeDays: 1000 }] } })).toEqual([]);
  });
});

describe('the demo record examples/adr/0012', () => {
  const DEMO_DIR = join(import.meta.dirname, '../../examples/adr');
  it('lints clean; choosing the model that breaks the latency constraint is an error at its measured value', async () => {
    const { lint } = await import('../../src/lint/engine.js');
    const { readLog } = await import('../../src/workspace/read-log.js');
    const log = readLog(DEMO_DIR, DEMO_DIR);
    const demo = log.records.filter((r) => r.record.number === 12);
    expect(lint(demo, { rules: RULES, today: '2026-12-02' }).map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    const { parseRecord } = await import('../../src/parse/record.js');
    const text = demo[0].text.replace('chosen: gte-base', 'chosen: e5-large');
    const swapped = { ...parseRecord(demo[0].record.path, text), file: demo[0].file, absPath: demo[0].absPath, text };
    const findings = lint([swapped], { rules: RULES, today: '2026-12-02', ruleFilter: new Set(['chosen-breaks-constraint']) });
    const line = text.split('\n').findIndex((l) => l.includes('latency_p95_ms: 118.4')) + 1;
    expect(findings.map((f) => [f.severity, f.line, f.message])).toEqual([['error', line, expect.stringContaining('"E5 large (v2)" breaks the hard constraint of criterion "Query latency": 118.4 ms > max 50 ms')]]);
  });
});
