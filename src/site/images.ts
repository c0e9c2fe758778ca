import { posix } from 'node:path';
import { safeSegment } from './links.js';
import { renderMarkdown } from './markdown.js';
import { decodeUriSafe } from '../util/uri.js';

/** File extensions of the images the site publishes (lower case, without the dot). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif'] as const;

/** Largest image the site publishes, in bytes (10 MiB); bigger files are reported and skipped. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** What a record's image reference points at (see {@link resolveImageRef}). */
export type ImageRef =
  /** A file of a published type, by path relative to the decision log folder (`/` separators, normalised). */
  | { kind: 'file'; path: string }
  /** A relative path that climbs out of the decision log folder (`../x.png`): never read. */
  | { kind: 'outside' }
  /** A relative path to a file type the site does not publish (`x.bmp`, `diagram`). */
  | { kind: 'type'; path: string }
  /** Not a file of the log: absolute or protocol-relative URL, `data:`, root-relative path, fragment. */
  | { kind: 'external' };

/**
 * Every `src` of an image in a record body, in document order: markdown images (`![alt](path)`)
 * and raw HTML `<img src="path">`, found exactly as {@link renderMarkdown} renders them (so code
 * blocks and escaped text are not images). Duplicates are kept once. Pure.
 *
 * Values are as rendered: markdown paths are percent-encoded by marked (`a%20b.png`).
 */
export function imageSources(markdown: string): string[] {
  if (!/!\[|<img/i.test(markdown)) return [];
  const found = new Set<string>();
  renderMarkdown(markdown, {
    rewriteAsset: (url, tag) => {
      if (tag === 'img') found.add(url);
      return undefined;
    },
  });
  return [...found];
}

/**
 * Resolves an image reference of a record at the top of its decision log folder. Query and
 * fragment are dropped (`x.jpg?raw=true` is GitHub's way to embed), percent-escapes decoded, and
 * the path normalised; it must stay inside the folder and end in one of {@link IMAGE_EXTENSIONS}.
 * Pure: nothing is read.
 *
 * @param src - the `src` as written or rendered (`./assets/a.png`, `a%20b.png`).
 * @param from - folder of the record relative to the log folder (`''` for records at the top).
 */
export function resolveImageRef(src: string, from = ''): ImageRef {
  const trimmed = src.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:|^\/|^\\|^#/i.test(trimmed)) return { kind: 'external' };
  const raw = trimmed.split('#')[0].split('?')[0];
  const decoded = decodeUriSafe(raw);
  if (!decoded || decoded.includes('\\') || decoded.includes('\0')) return { kind: 'outside' };
  const path = posix.normalize(posix.join(from || '.', decoded));
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path) || path === '.' || path.endsWith('/')) return { kind: 'outside' };
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const named = path.lastIndexOf('.') > path.lastIndexOf('/');
  if (!named || !(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return { kind: 'type', path };
  return { kind: 'file', path };
}

/** Folder of a record relative to its log folder (`''` at the top, `0004-x` for `0004-x/README.md`): where its relative image paths start. */
export function recordFolder(recordPath: string): string {
  return recordPath.includes('/') ? recordPath.slice(0, recordPath.lastIndexOf('/')) : '';
}

/**
 * Output path of a published image: `files/<section>/<path>` (section made URL-safe, path as in
 * the decision log folder), so the location is stable across builds and sections never collide.
 */
export function imageOutputPath(section: string, path: string): string {
  return `files/${safeSegment(section)}/${path}`;
}

/** URL of a published image from a page at `root` (`''` or `'../'`): each segment percent-encoded. */
export function imageUrl(root: string, section: string, path: string): string {
  return root + imageOutputPath(section, path).split('/').map(encodeURIComponent).join('/');
}
