import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readNativeRadar } from '../../src/radar/readers/native.js';
import { readByorCsv, readByorJson } from '../../src/radar/readers/byor.js';
import { loadRadars } from '../../src/radar/load.js';
import { AdrkitError } from '../../src/model/errors.js';
import { editionAt, newestEdition, ringHistory, ringOfBlipAt } from '../../src/radar/editions.js';
import { testdir } from '../helpers/testdir.js';
import { SHARED } from '../helpers/corpus.js';

const FIX = join(import.meta.dirname, '../fixtures/radar');
const SEED = join(SHARED, 'radar', 'sicara-tech-radar-ia-2024.yaml');
const read = (p: string) => readFileSync(join(FIX, p), 'utf8');

function thrown(fn: () => unknown): AdrkitError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AdrkitError);
    return error as AdrkitError;
  }
  throw new Error('expected an AdrkitError');
}

describe('seed radar (builtin:sicara-2024)', () => {
  const set = loadRadars(FIX, undefined);
  const radar = set.radars[0];
  const seed = parse(readFileSync(join(import.meta.dirname, '../../radar/sicara-2024.yaml'), 'utf8')) as {
    quadrants: Array<{ id: string; declared_counts: Record<string, number> }>;
  };

  it('is the default and has 43 blips in one edition', () => {
    expect(set.radars).toHaveLength(1);
    expect(radar.id).toBe('sicara-tech-radar-ia-2024');
    expect(radar.aliases).toContain('sicara-2024');
    expect(radar.editions).toHaveLength(1);
    expect(radar.editions[0].date).toBe('2024-01-01');
    expect(radar.editions[0].blips).toHaveLength(43);
  });

  it('matches the counts declared by each quadrant', () => {
    for (const q of seed.quadrants) {
      const blips = radar.editions[0].blips.filter((b) => b.quadrant === q.id);
      const counts = { total: blips.length, adopt: 0, trial: 0, assess: 0, hold: 0 } as Record<string, number>;
      for (const b of blips) counts[b.ring]++;
      expect(counts, q.id).toEqual(q.declared_counts);
    }
  });

  it('keeps the extra keys it needs: number, and name_en as an alias', () => {
    const dino = radar.editions[0].blips.find((b) => b.id === 'dinov2')!;
    expect(dino.number).toBe(12);
    expect(dino.aliases).toEqual(['DINOv2 as an image embedding model']);
    expect(radar.rings.map((r) => r.stance)).toEqual(['adopt', 'trial', 'assess', 'hold']);
  });

  it.skipIf(!existsSync(SEED))('is byte-identical to the shared seed file (../shared/radar)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../radar/sicara-2024.yaml'), 'utf8')).toBe(readFileSync(SEED, 'utf8'));
  });
});

describe('native radar with editions', () => {
  const radar = readNativeRadar(read('native/two-editions.yaml'), 'two-editions.yaml');

  it('reads custom ring names with stances and orders editions by date', () => {
    expect(radar.rings.map((r) => `${r.name}:${r.stance}`)).toEqual(['Use:adopt', 'Try:trial', 'Explore:assess', 'Avoid:hold']);
    expect(radar.editions.map((e) => e.date)).toEqual(['2023-06-01', '2024-06-01']);
  });

  it('answers "ring of blip X at date D" and "newest edition"', () => {
    expect(ringOfBlipAt(radar, 'bert', '2023-12-31')?.id).toBe('use');
    expect(ringOfBlipAt(radar, 'bert', '2024-06-01')?.id).toBe('avoid');
    expect(ringOfBlipAt(radar, 'bert', '2023-01-01')).toBeUndefined();
    expect(ringOfBlipAt(radar, 'old-etl', '2025-01-01')).toBeUndefined();
    expect(editionAt(radar, '2024-01-01')?.date).toBe('2023-06-01');
    expect(newestEdition(radar).date).toBe('2024-06-01');
    expect(ringHistory(radar, 'modernbert').map((h) => h.ring)).toEqual([undefined, 'explore']);
  });

  it('reports an unknown quadrant at its line and column, with did-you-mean', () => {
    const error = thrown(() => readNativeRadar(read('native/bad-quadrant.yaml'), 'bad-quadrant.yaml'));
    expect(error.format()).toMatch(/^bad-quadrant\.yaml:10:\d+: unknown quadrant "modles" \(did you mean "models"\?\)/);
  });

  it('reports a schema problem at its position', () => {
    const error = thrown(() => readNativeRadar('id: x\nname: X\ndate: 2024-01-01\nquadrants: []\nrings:\n  - {id: a, name: A, order: 1}\n', 'x.yaml'));
    expect(error.details.line).toBe(4);
    expect(error.message).toMatch(/quadrants/);
    const ring = thrown(() => readNativeRadar('id: x\nname: X\ndate: 2024-01-01\nquadrants: [{id: q, name: Q, order: 1}]\nrings:\n  - {id: core, name: Core, order: 1}\n', 'x.yaml'));
    expect(ring.format()).toMatch(/^x\.yaml:6:5: ring "core" needs a `stance`/);
  });
});

describe('Build-Your-Own-Radar', () => {
  const meta = { id: 'ml', name: 'ML radar', date: '2024-03-01' };

  it('reads CSV: case-insensitive names, `and` ≡ `&`, HTML stripped from descriptions', () => {
    const radar = readByorCsv(read('byor/ml-radar-2024-03-01.csv'), 'ml.csv', meta);
    expect(radar.quadrants.map((q) => `${q.id}:${q.name}`)).toEqual(['data-and-storage:Data & Storage', 'techniques:Techniques', 'platforms:Platforms']);
    expect(radar.rings.map((r) => r.id)).toEqual(['adopt', 'trial', 'assess', 'hold']);
    const blips = radar.editions[0].blips;
    expect(blips.map((b) => [b.id, b.quadrant, b.ring, b.isNew])).toEqual([
      ['polars', 'data-and-storage', 'adopt', true],
      ['duckdb', 'data-and-storage', 'trial', false],
      ['lora', 'techniques', 'assess', true],
      ['pandas-1-x', 'data-and-storage', 'hold', false],
      ['vertex-ai', 'platforms', 'trial', false],
    ]);
    expect(blips[1].summary).toBe('In-process OLAP database');
  });

  it('names the CSV row and line of a bad row', () => {
    const error = thrown(() => readByorCsv(read('byor/bad-row.csv'), 'bad-row.csv', meta));
    expect(error.format()).toMatch(/^bad-row\.csv:3:1: row 2: missing ring/);
  });

  it('reports malformed CSV with its line', () => {
    const error = thrown(() => readByorCsv('name,ring,quadrant\nA,adopt,Q\n"B,adopt,Q\n', 'q.csv', meta));
    expect(error.details.line).toBeGreaterThan(1);
    expect(thrown(() => readByorCsv('title,ring,quadrant\nA,adopt,Q\n', 'h.csv', meta)).message).toMatch(/no "name" column/);
  });

  it('reads JSON with `status` instead of `isNew`', () => {
    const radar = readByorJson(read('byor/ml-radar.json'), 'ml.json', meta);
    expect(radar.editions[0].blips.map((b) => [b.id, b.quadrant, b.ring, b.isNew])).toEqual([
      ['polars', 'data-and-storage', 'adopt', true],
      ['lora', 'techniques', 'assess', true],
      ['pandas-1-x', 'data-and-storage', 'hold', false],
    ]);
  });

  it('names the JSON item and its position', () => {
    const error = thrown(() => readByorJson(read('byor/bad-item.json'), 'bad-item.json', meta));
    expect(error.format()).toMatch(/^bad-item\.json:3:3: item \[1\]: missing quadrant/);
  });

  it('gives custom BYOR rings stances by position and rejects a fifth ring', () => {
    const radar = readByorCsv('name,ring,quadrant\nA,Core,Q\nB,Edge,Q\n', 'c.csv', meta);
    expect(radar.rings.map((r) => `${r.id}:${r.stance}`)).toEqual(['core:adopt', 'edge:trial']);
    const five = 'name,ring,quadrant\n' + ['r1', 'r2', 'r3', 'r4', 'r5'].map((r, i) => `B${i},${r},Q`).join('\n') + '\n';
    expect(thrown(() => readByorCsv(five, 'f.csv', meta)).format()).toMatch(/^f\.csv:6:1: BYOR radars have at most 4 rings/);
  });
});

describe('AOE technology radar folders', () => {
  const set = loadRadars(FIX, ['aoe']);
  const radar = set.radars[0];

  it('merges dated releases into editions, later files overriding earlier ones', () => {
    expect(radar.id).toBe('aoe');
    expect(radar.editions.map((e) => e.date)).toEqual(['2023-01-01', '2024-01-01']);
    expect(radar.quadrants.map((q) => q.id)).toEqual(['libraries', 'methods-and-patterns']);
    const [first, second] = radar.editions;
    expect(first.blips.map((b) => `${b.id}:${b.ring}`).sort()).toEqual(['faiss:adopt', 'feature-store:assess', 'langchain:trial']);
    expect(second.blips.map((b) => `${b.id}:${b.ring}`).sort()).toEqual(['dspy:assess', 'faiss:adopt', 'feature-store:assess', 'langchain:hold']);
    const langchain = second.blips.find((b) => b.id === 'langchain')!;
    expect([langchain.name, langchain.quadrant, langchain.summary]).toEqual(['LangChain', 'libraries', 'Too many abstractions; call the APIs directly.']);
    expect(second.blips.find((b) => b.id === 'dspy')?.isNew).toBe(true);
    expect(second.blips.find((b) => b.id === 'faiss')?.isNew).toBe(false);
  });

  it('reports an item without a ring, and an unknown ring at its position', () => {
    const dir = testdir({ 'r/2024-01-01/x.md': '---\ntitle: X\nquadrant: tools\n---\nText\n', 's/2024-01-01/y.md': '---\ntitle: Y\nquadrant: tools\nring: adpot\n---\n' });
    expect(thrown(() => loadRadars(dir.path, ['r'])).format()).toMatch(/^r\/2024-01-01\/x\.md:2:1: item "x" has no ring/);
    expect(thrown(() => loadRadars(dir.path, ['s'])).format()).toMatch(/^s\/2024-01-01\/y\.md:4:\d+: unknown ring "adpot" \(did you mean "adopt"\?\)/);
  });

  it('rejects an item outside a dated release folder', () => {
    const dir = testdir({ 'r/latest/x.md': '---\ntitle: X\nring: adopt\nquadrant: tools\n---\n' });
    expect(thrown(() => loadRadars(dir.path, ['r'])).message).toMatch(/release folder named YYYY-MM-DD/);
  });
});

describe('configured radars', () => {
  it('loads several radars; BYOR files take their date from the file name; same-id sources merge into editions', () => {
    const dir = testdir({
      'radars/team-2023-01-01.csv': 'name,ring,quadrant\nBERT,adopt,Models\n',
      'radars/team-2024-01-01.csv': 'name,ring,quadrant\nBERT,hold,Models\nModernBERT,assess,Models\n',
    });
    const set = loadRadars(dir.path, ['builtin:sicara-2024', 'radars/team-2023-01-01.csv', { path: 'radars/team-2024-01-01.csv', format: 'byor-csv' }]);
    expect(set.radars.map((r) => r.id)).toEqual(['sicara-tech-radar-ia-2024', 'team']);
    expect(set.radars[1].editions.map((e) => [e.date, e.blips.length])).toEqual([
      ['2023-01-01', 1],
      ['2024-01-01', 2],
    ]);
  });

  it('rejects an unknown builtin and a missing path', () => {
    expect(thrown(() => loadRadars(FIX, ['builtin:sicara-2042'])).message).toMatch(/unknown built-in radar "builtin:sicara-2042" \(did you mean "sicara-2024"\?\)/);
    expect(thrown(() => loadRadars(FIX, ['nope.yaml'])).code).toBe('config');
  });
});
