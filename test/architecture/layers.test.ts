import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, from the ground up (docs/architecture.md, adr/ "Layers of src/"): a file
 * may import from its own layer and from layers listed before it, never from one listed after
 * it. Each entry is a folder or file under src/; a file belongs to the longest entry its path
 * starts with (so `site/io/` is the workspace layer, the rest of `site/` the site layer).
 */
export const LAYERS: ReadonlyArray<readonly string[]> = [
  ['model/'],
  ['util/', 'version.ts'],
  ['parse/'],
  ['radar/'],
  ['decision/'],
  ['history/'],
  ['rules/'],
  ['lint/'],
  ['edit/'],
  ['review/'],
  ['render/'],
  ['site/'],
  ['scaffold/'],
  ['config/'],
  ['workspace/', 'site/io/'],
  ['mcp/'],
  ['cli/'],
  ['index.ts', 'generate.ts'],
];

const ROOT = resolve(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Index in {@link LAYERS} of a path relative to src/ (posix), or -1 when no entry holds it. */
function layerOf(path: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((entries, index) => {
    for (const entry of entries) {
      const hit = entry.endsWith('/') ? path.startsWith(entry) : path === entry;
      if (hit && entry.length > bestLength) {
        best = index;
        bestLength = entry.length;
      }
    }
  });
  return best;
}

const name = (index: number) => LAYERS[index].join(' + ');

/** Relative imports of every src/ file (static, dynamic, `export … from`, `import type`), as src/-relative paths. */
function importGraph(): Array<{ from: string; to: string }> {
  return sourceFiles(SRC).flatMap((file) => {
    const from = relative(SRC, file).split('\\').join('/');
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return info.importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from, to: posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, '.ts') }));
  });
}

/** The imports that go up the layer list, one line each. */
function upward(graph: Array<{ from: string; to: string }>): string[] {
  return graph
    .filter(({ from, to }) => layerOf(to) > layerOf(from))
    .map(({ from, to }) => `src/${from} imports src/${to}: ${name(layerOf(from))} is below ${name(layerOf(to))}`);
}

describe('layers of src/', () => {
  const graph = importGraph();

  it('places every file of src/ in a layer', () => {
    const files = sourceFiles(SRC).map((f) => relative(SRC, f).split('\\').join('/'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => layerOf(f) === -1), 'files in no layer: add their folder to LAYERS and docs/architecture.md').toEqual([]);
  });

  it('has no import going up the layer list', () => {
    expect(graph.length).toBeGreaterThan(200);
    expect(upward(graph)).toEqual([]);
  });

  it('catches an import going up, and lets imports go down or sideways', () => {
    expect(upward([{ from: 'parse/record.ts', to: 'rules/define.ts' }])).toEqual(['src/parse/record.ts imports src/rules/define.ts: parse/ is below rules/']);
    expect(upward([{ from: 'site/build.ts', to: 'site/io/collect.ts' }])).toHaveLength(1);
    expect(upward([{ from: 'rules/define.ts', to: 'parse/record.ts' }, { from: 'site/io/collect.ts', to: 'workspace/project.ts' }, { from: 'site/io/collect.ts', to: 'site/build.ts' }])).toEqual([]);
  });

  it('is the list written in docs/architecture.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const block = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(doc)?.[1];
    expect(block, 'docs/architecture.md: the layer list between <!-- layers:start --> and <!-- layers:end -->').toBeDefined();
    const written = [...block!.matchAll(/^\|\s*\d+\s*\|([^|]+)\|/gm)].map((m) => [...m[1].matchAll(/`([^`]+)`/g)].map((c) => c[1]));
    expect(written).toEqual(LAYERS.map((l) => [...l]));
  });
});

