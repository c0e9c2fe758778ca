import { imageOutputPath } from '../images.js';
import type { SiteContext } from './context.js';
import type { DataFile } from './page.js';

/** Mermaid's browser bundle, published only when a record body has a diagram. */
export const MERMAID_ASSET = 'assets/mermaid.js';

/**
 * The files published as they are: the theme assets (Mermaid's bundle only when a record has a
 * diagram), `.nojekyll` (so GitHub Pages serves every file), and the images record bodies reference,
 * as `files/<section>/<path>` (never inlined: an SVG shown through `<img>` cannot run scripts). Pure.
 */
export function staticFiles(ctx: SiteContext): DataFile[] {
  const files: DataFile[] = [];
  for (const [path, content] of Object.entries(ctx.assets)) if (ctx.anyDiagram || path !== MERMAID_ASSET) files.push({ kind: 'file', path, content: () => content });
  files.push({ kind: 'file', path: '.nojekyll', content: () => '' });
  const images = new Map<string, Uint8Array>();
  for (const section of ctx.input.sections) {
    for (const [path, bytes] of Object.entries(ctx.input.files?.[section.name] ?? {})) images.set(imageOutputPath(section.name, path), bytes);
  }
  for (const [path, bytes] of images) files.push({ kind: 'file', path, content: () => bytes });
  return files;
}
