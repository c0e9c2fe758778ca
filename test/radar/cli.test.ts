import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fake-io.js';
import { testdir } from '../helpers/testdir.js';

const FIX = join(import.meta.dirname, '../fixtures/radar');

function project() {
  const dir = testdir({ 'adrkit.config.json': JSON.stringify({ dir: 'adr' }) });
  for (const name of readdirSync(join(FIX, 'log/adr'))) dir.write({ [`adr/${name}`]: readFileSync(join(FIX, 'log/adr', name), 'utf8') });
  return dir;
}

describe('adrkit radar', () => {
  it('lists the blips with the records that chose and considered each (json)', async () => {
    const result = await runCli(['radar', '--format', 'json'], { cwd: project().path });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ id: string; number: number; ring: string; chose: Array<{ slug: string }>; considered: Array<{ slug: string }> }>;
    expect(rows).toHaveLength(43);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    const polars = rows.find((r) => r.id === 'polars')!;
    expect(polars.chose.map((c) => c.slug)).toEqual(['0001-choose-dataframe-library']);
    const dino = rows.find((r) => r.id === 'dinov2')!;
    expect([dino.chose.map((c) => c.slug), dino.considered]).toEqual([['0005-qualified-blips'], []]);
    expect(rows.find((r) => r.id === 'gpt-4')!.considered.map((c) => c.slug)).toEqual(['0002-choose-an-llm']);
  });

  it('prints a table', async () => {
    const result = await runCli(['radar'], { cwd: project().path });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^#\s+Blip\s+Ring\s+Quadrant\s+Chose\s+Considered$/);
    expect(result.stdout).toMatch(/\n3\s+Polars \(polars\)\s+ADOPT\s+Data\s+0001-choose-dataframe-library\n/);
  });

  it('works without a decision log', async () => {
    const result = await runCli(['radar', '-f', 'json'], { cwd: testdir().path });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(43);
  });

  it('shows one blip: ring history, summary and records', async () => {
    const result = await runCli(['radar', 'show', 'Pandas with the NumPy backend'], { cwd: project().path });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Pandas avec backend NumPy (sicara-tech-radar-ia-2024/pandas-numpy-backend)');
    expect(result.stdout).toContain('ring: HOLD');
    expect(result.stdout).toContain('ring history:\n  2024-01-01  HOLD');
    expect(result.stdout).toContain('considered (1):\n  0001-choose-dataframe-library.md  Choose a DataFrame library');
    const json = await runCli(['radar', 'show', 'team/bert', '--format', 'json'], {
      cwd: testdir({ 'adrkit.config.json': JSON.stringify({ radars: ['team.yaml'] }), 'team.yaml': readFileSync(join(FIX, 'native/two-editions.yaml'), 'utf8') }).path,
    });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).history).toEqual([
      { date: '2023-06-01', ring: 'Use', stance: 'adopt' },
      { date: '2024-06-01', ring: 'Avoid', stance: 'hold' },
    ]);
  });

  it('exits 2 with did-you-mean for an unknown blip', async () => {
    const result = await runCli(['radar', 'show', 'polar'], { cwd: project().path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown blip "polar" (did you mean "polars"?)');
  });
});

describe('adrkit new --option Name@blip', () => {
  it('stores the canonical blip id and its current ring', async () => {
    const dir = testdir({ 'adrkit.config.json': JSON.stringify({ dir: 'adr' }), 'adr/.keep': '' });
    const result = await runCli(['new', 'Image embeddings', '--option', 'DINOv2@DINOv2', '--option', 'CLIP', '--option', 'Pandas@sicara-2024/Pandas avec backend NumPy', '--no-input'], { cwd: dir.path });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = readFileSync(dir.join(result.stdout.trim()), 'utf8');
    expect(text).toMatch(/- id: dinov2\n\s+name: DINOv2\n\s+blip: dinov2\n\s+ring: adopt\n/);
    expect(text).toMatch(/- id: clip\n\s+name: CLIP\n/);
    expect(text).toMatch(/blip: sicara-2024\/pandas-numpy-backend\n\s+ring: hold\n/);
  });

  it('exits 2 with did-you-mean for an unknown blip and writes nothing', async () => {
    const dir = testdir({ 'adrkit.config.json': JSON.stringify({ dir: 'adr' }), 'adr/.keep': '' });
    const result = await runCli(['new', 'Image embeddings', '--option', 'DINOv3@dinov3', '--no-input'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--option "DINOv3@dinov3": unknown blip "dinov3" (did you mean "dinov2"?)');
    expect(readdirSync(dir.join('adr'))).toEqual(['.keep']);
  });
});

describe('adrkit build with radars', () => {
  it('writes radar.html with the SVG and the blips chosen by records', async () => {
    const dir = project();
    const result = await runCli(['build', '--out', '_site'], { cwd: dir.path });
    expect(result.code).toBe(0);
    const html = readFileSync(dir.join('_site/radar.html'), 'utf8');
    // Blip anchors are per radar: blip-<radar id>-<blip id>.
    expect(html.match(/<a href="#blip-sicara-tech-radar-ia-2024-[a-z0-9-]+"/g)).toHaveLength(43);
    expect(html).toContain('id="blip-sicara-tech-radar-ia-2024-polars"');
    const polarsRow = /<tr id="blip-sicara-tech-radar-ia-2024-polars">[\s\S]*?<\/tr>/.exec(html)![0];
    expect(polarsRow).toContain('href="records/0001.html"');
  });
});
