import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreMatrix } from '../../src/decision/matrix.js';
import { deriveScores, measuredValue } from '../../src/decision/measure.js';
import { renderMatrix } from '../../src/render/matrix.js';
import { readLog } from '../../src/workspace/read-log.js';
import { run } from '../../src/cli/program.js';
import { fakeIo } from '../helpers/fake-io.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const demo = () => readLog(join(EXAMPLES, 'adr'), join(EXAMPLES, 'adr')).records.find((r) => r.record.number === 12)!.record;

describe('measured values and derived scores', () => {
  it('min-max normalises to 1–5 with the direction; equal values score 3; missing stay missing', () => {
    expect(deriveScores([10, 20, 30], 'higher')).toEqual([1, 3, 5]);
    expect(deriveScores([10, 20, 30], 'lower')).toEqual([5, 3, 1]);
    expect(deriveScores([7, undefined, 7], 'higher')).toEqual([3, undefined, 3]);
    expect(deriveScores([undefined], 'lower')).toEqual([undefined]);
  });

  it('a benchmark with the metric wins over a run; a run metric is found by key', () => {
    const criterion = { id: 'q', name: 'Q', metric: 'ndcg_at_10' };
    const option = { id: 'x', name: 'X', evidence: [
      { kind: 'run' as const, tracker: 'mlflow' as const, id: 'r', metrics: { ndcg_at_10: 0.5, latency_p95_ms: 12 } },
      { kind: 'benchmark' as const, dataset: 'mteb/scifact', metric: 'ndcg_at_10', value: 0.7 },
    ] };
    expect(measuredValue(option, criterion)).toMatchObject({ value: 0.7, path: 'evidence[1].value' });
    expect(measuredValue(option, { ...criterion, metric: 'latency_p95_ms', unit: 'ms' })).toMatchObject({ value: 12, unit: 'ms', path: 'evidence[0].metrics.latency_p95_ms' });
    expect(measuredValue(option, { id: 'c', name: 'C' })).toBeUndefined();
  });

  it('the demo record: derived scores, the latency break, and the breaker is never best', () => {
    const m = scoreMatrix(demo());
    expect(m.rows.map((r) => [r.option.id, r.scores, Math.round(r.total * 100) / 100, r.best, r.breaks.map((b) => b.criterion)])).toEqual([
      ['bge-small', [1, 5, 5], 18, false, []],
      ['gte-base', [3.86, 4.38, 4], 24.34, true, []],
      ['e5-large', [5, 1, 2], 19, false, ['latency']],
    ]);
    expect(m.rows[2].measured[1]).toMatchObject({ value: 118.4, unit: 'ms' });
  });

  it('a constraint breaker with the highest total is still not best', () => {
    const record = {
      criteria: [{ id: 'q', name: 'Quality', weight: 3 }, { id: 'lat', name: 'Latency', metric: 'p95', unit: 'ms', direction: 'lower' as const, max: 50 }],
      options: [
        { id: 'a', name: 'A', scores: { q: 5, lat: 5 }, evidence: [{ kind: 'benchmark' as const, dataset: 'd', metric: 'p95', value: 90 }] },
        { id: 'b', name: 'B', scores: { q: 3, lat: 4 }, evidence: [{ kind: 'benchmark' as const, dataset: 'd', metric: 'p95', value: 20 }] },
      ],
      chosen: 'b',
    };
    const m = scoreMatrix(record);
    expect(m.rows.map((r) => [r.option.id, r.total, r.best])).toEqual([['a', 20, false], ['b', 13, true]]);
    expect(m.bestTotal).toBe(13);
    const derived = scoreMatrix(record, { derive: true });
    expect(derived.rows.map((r) => r.scores)).toEqual([[5, 1], [3, 5]]);
    const text = renderMatrix(m);
    expect(text).toMatch(/A\s+5\s+5 \(90 ms ✘\)\s+20\s+✘ breaks Latency \(90 ms > max 50 ms\)/);
    expect(text).toMatch(/B\s+3\s+4 \(20 ms\)\s+13\s+★ best ✔ chosen/);
    expect(text).toContain('Latency: metric p95 (ms), lower is better, hard constraint ≤ 50 ms');
  });

  it('`adrkit matrix --format json` carries measured values, breaks and derived flags', async () => {
    const io = fakeIo({ cwd: EXAMPLES });
    expect(await run(['matrix', '12', '--dir', 'adr', '--format', 'json'], io)).toBe(0);
    const json = JSON.parse(io.out());
    expect(json.criteria.map((c: { id: string; derived: boolean; max?: number }) => [c.id, c.derived, c.max])).toEqual([['quality', true, undefined], ['latency', true, 50], ['operations', false, undefined]]);
    const e5 = json.options.find((o: { id: string }) => o.id === 'e5-large');
    expect(e5.measured.latency).toEqual({ value: 118.4, unit: 'ms', path: 'options[2].evidence[3].metrics.latency_p95_ms' });
    expect(e5.breaks).toEqual([{ criterion: 'latency', bound: 'max', limit: 50, value: 118.4, unit: 'ms' }]);
    expect([e5.best, json.options.find((o: { id: string }) => o.id === 'gte-base').best]).toEqual([false, true]);
    const table = fakeIo({ cwd: EXAMPLES });
    expect(await run(['matrix', '12', '--dir', 'adr', '--derive'], table)).toBe(0);
    expect(table.out()).toMatch(/GTE base\s+3\.86\* \(74\.8\)\s+4\.38\* \(27\.9 ms\)\s+4\s+24\.34\s+★ best ✔ chosen/);
  });
});

describe('matrix-missing-score and derived criteria', () => {
  it('a derived measurable criterion without a value is reported once, by measurable-missing-value', async () => {
    const { missingScores } = await import('../../src/decision/matrix.js');
    const record = {
      criteria: [{ id: 'q', name: 'Q', metric: 'm', derive: true }, { id: 'c', name: 'Cost' }],
      options: [{ id: 'a', name: 'A', scores: { c: 3 } }, { id: 'b', name: 'B', scores: {} }],
    };
    expect(missingScores(record)).toEqual([{ optionIndex: 1, option: 'B', criterion: 'c' }]);
  });
});
