import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRadars } from '../../src/radar/load.js';
import { blipNumbers, layoutRadar, renderRadarSvg } from '../../src/render/radar-svg.js';
import { siteRadar } from '../../src/site/radar-data.js';
import type { Blip, Radar } from '../../src/model/radar.js';
import { readLog } from '../../src/workspace/read-log.js';

const FIX = join(import.meta.dirname, '../fixtures/radar');
const seed = loadRadars(FIX, undefined).radars[0];
const positions = (radar: Radar) => new Map(layoutRadar(radar).blips.map((p) => [p.blip.id, `${p.x},${p.y}`]));
const withBlips = (radar: Radar, blips: Blip[]): Radar => ({ ...radar, editions: [{ ...radar.editions[0], blips }] });

function minDistance(radar: Radar): number {
  const placed = layoutRadar(radar).blips;
  let min = Infinity;
  for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) min = Math.min(min, Math.hypot(placed[i].x - placed[j].x, placed[i].y - placed[j].y));
  return min;
}

describe('radar SVG', () => {
  it('is deterministic: same radar, same bytes', () => {
    expect(renderRadarSvg(seed)).toBe(renderRadarSvg(structuredClone(seed)));
  });

  it('places the 43 seed blips without overlap, each inside its quadrant and ring', () => {
    const layout = layoutRadar(seed);
    expect(layout.blips).toHaveLength(43);
    expect(minDistance(seed)).toBeGreaterThanOrEqual(layout.minDistance);
    const quadrants = [...seed.quadrants].sort((a, b) => a.order - b.order);
    for (const p of layout.blips) {
      const rho = Math.hypot(p.x - layout.cx, p.y - layout.cy);
      const ri = seed.rings.findIndex((r) => r.id === p.blip.ring);
      expect(rho).toBeLessThanOrEqual(layout.ringRadii[ri]);
      expect(rho).toBeGreaterThanOrEqual(ri === 0 ? 0 : layout.ringRadii[ri - 1]);
      let angle = Math.atan2(p.y - layout.cy, p.x - layout.cx);
      const qi = quadrants.findIndex((q) => q.id === p.blip.quadrant);
      while (angle < layout.quadrantAngles[0]) angle += 2 * Math.PI;
      expect(angle).toBeGreaterThanOrEqual(layout.quadrantAngles[qi]);
      expect(angle).toBeLessThanOrEqual(layout.quadrantAngles[qi + 1]);
    }
  });

  it('does not move the other blips when a blip is added (appended, or in a crowded cell)', () => {
    const before = positions(seed);
    const blips = seed.editions[0].blips;
    const added = (id: string, quadrant: string, ring: string): Blip => ({ id, name: id, aliases: [], quadrant, ring, links: [] });
    for (const extra of [added('new-adopt-algo', 'algorithms', 'adopt'), added('new-hold-data', 'data', 'hold'), added('new-trial-methods', 'methods-and-enablers', 'trial')]) {
      const after = positions(withBlips(seed, [...blips, extra]));
      for (const [id, pos] of before) expect(after.get(id), id).toBe(pos);
      expect(after.has(extra.id)).toBe(true);
    }
    // added in the middle of the file, in a cell of its own: nothing else moves either
    const middle = positions(withBlips(seed, [...blips.slice(0, 5), added('inserted', 'industrialisation', 'hold'), ...blips.slice(5)]));
    for (const [id, pos] of before) expect(middle.get(id), id).toBe(pos);
  });

  it('keeps blips apart in a crowded cell (30 blips in one cell)', () => {
    const crowd = Array.from({ length: 30 }, (_, i): Blip => ({ id: `b${i}`, name: `B${i}`, aliases: [], quadrant: 'data', ring: 'hold', links: [] }));
    const radar = withBlips(seed, crowd);
    expect(minDistance(radar)).toBeGreaterThanOrEqual(layoutRadar(radar).minDistance);
  });

  it('draws any number of quadrants and rings', () => {
    const radar: Radar = {
      id: 'six',
      name: 'Six by five',
      aliases: [],
      quadrants: Array.from({ length: 6 }, (_, i) => ({ id: `q${i}`, name: `Q${i}`, order: i })),
      rings: ['adopt', 'trial', 'assess', 'hold', 'hold'].map((stance, i) => ({ id: `r${i}`, name: `R${i}`, order: i, stance: stance as 'hold' })),
      editions: [{ date: '2024-01-01', blips: Array.from({ length: 60 }, (_, i) => ({ id: `b${i}`, name: `B${i}`, aliases: [], quadrant: `q${i % 6}`, ring: `r${i % 5}`, links: [] })) }],
    };
    const svg = renderRadarSvg(radar);
    expect(svg.match(/<circle [^>]*r="9"/g)).toHaveLength(60);
    expect(svg.match(/<line /g)).toHaveLength(6);
    expect(minDistance(radar)).toBeGreaterThanOrEqual(22);
  });

  it('escapes text, links every blip, is accessible and has no script', () => {
    const hostile: Radar = withBlips({ ...seed, name: 'R&D <radar>' }, [{ id: 'x', name: '<script>alert("x")</script> & co', aliases: [], quadrant: 'data', ring: 'adopt', links: [] }]);
    const svg = renderRadarSvg(hostile, { href: () => 'blips/x.html?a=1&b="2"' });
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(svg).toContain('href="blips/x.html?a=1&amp;b=&quot;2&quot;"');
    expect(svg).toMatch(/<svg [^>]*role="group" aria-labelledby="radar-sicara-tech-radar-ia-2024-title"/);
    expect(svg).toContain('<title id="radar-sicara-tech-radar-ia-2024-title">R&amp;D &lt;radar&gt; (2024-01-01)</title>');
    const full = renderRadarSvg(seed);
    expect(full.match(/<a href="#blip-[a-z0-9-]+"/g)).toHaveLength(43);
  });

  it('numbers blips by the source numbers, else by quadrant, ring and name', () => {
    expect(blipNumbers(seed).get('dinov2')).toBe(12);
    const unnumbered = withBlips(seed, seed.editions[0].blips.map(({ number: _n, ...b }) => b));
    const numbers = blipNumbers(unnumbered);
    expect([...numbers.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    expect(numbers.get('apache-parquet')).toBe(1);
  });

  it('gives the site its radar data: svg, edition, blips with the records that chose and considered them', () => {
    const log = readLog(FIX, join(FIX, 'log/adr'));
    const data = siteRadar(seed, log.records.map((r) => r.record));
    expect(data.edition).toBe('2024-01-01');
    expect(data.blips).toHaveLength(43);
    const used = new Set(data.blips.filter((b) => b.chose.length + b.considered.length > 0).map((b) => b.id));
    expect(used.has('polars')).toBe(true);
    expect(data.svg).toBe(renderRadarSvg(seed, { used, href: (b) => `#blip-${seed.id}-${b.id}` }));
    expect(data.svg).toContain('class="blip blip-adopt used" data-blip="polars"');
    expect(data.svg).toMatch(/class="blip blip-\w+ unused"/);
    expect(data.blips.find((b) => b.id === 'polars')).toEqual({
      number: 3, id: 'polars', name: 'Polars', ring: 'ADOPT', quadrant: 'Data', stance: 'adopt',
      ringHistory: [{ date: '2024-01-01', ring: 'ADOPT' }], chose: ['0001-choose-dataframe-library'], considered: [],
    });
    expect(data.rings).toEqual([{ name: 'ADOPT', stance: 'adopt' }, { name: 'TRIAL', stance: 'trial' }, { name: 'ASSESS', stance: 'assess' }, { name: 'HOLD', stance: 'hold' }]);
    expect(data.blips.find((b) => b.id === 'pandas-numpy-backend')?.considered).toEqual(['0001-choose-dataframe-library']);
    expect(data.blips.find((b) => b.id === 'llm-as-a-judge')?.considered).toEqual(['0004-evaluate-the-chatbot']);
  });
});
