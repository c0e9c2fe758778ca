import { blipsOf } from '../views.js';
import type { SiteContext } from './context.js';
import { compare, type DataFile } from './page.js';

/** `blip-index.js`, behind the home page's blip filter (see {@link blipIndexScript}). Pure. */
export function blipIndexFile(ctx: SiteContext): DataFile[] {
  return [{ kind: 'file', path: 'blip-index.js', content: () => blipIndexScript(ctx.records.map(blipsOf)) }];
}

/**
 * The `blip-index.js` script behind the home page's blip filter: it sets
 * `globalThis.ADRKIT_BLIPS` to `[blipId, positions][]` (sorted by id): the positions (0-based,
 * ascending) of the records that link the blip, in the order of the home page's rows (the order
 * of `blipsByRecord`). Loaded by the site script on first use of the filter, so the home page
 * stays small.
 */
export function blipIndexScript(blipsByRecord: readonly (readonly string[])[]): string {
  const positions = new Map<string, number[]>();
  blipsByRecord.forEach((blips, i) => {
    for (const id of new Set(blips)) {
      let list = positions.get(id);
      if (!list) positions.set(id, (list = []));
      list.push(i);
    }
  });
  // Pairs, not an object literal: a blip id such as `__proto__` must stay a plain key.
  const pairs = [...positions].sort(([a], [b]) => compare(a, b));
  return `globalThis.ADRKIT_BLIPS = ${JSON.stringify(pairs)};\n`;
}
