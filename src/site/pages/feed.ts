import { Feed } from 'feed';
import { safeSegment } from '../links.js';
import type { SiteRecord } from '../types.js';
import { dayOf, recordLabel, statusKey } from '../views.js';
import type { SiteContext } from './context.js';
import type { DataFile } from './page.js';
import { absoluteUrl } from './urls.js';

/** Placeholder origin for feed links of a relative site (the `feed` package needs absolute URLs); stripped after. */
const RELATIVE_ORIGIN = 'https://adrkit.invalid/';

/** Entries of the feed: the most recently changed records. */
const FEED_ENTRIES = 50;

/**
 * `feed.xml`, an Atom 1.0 feed (RFC 4287) of the {@link FEED_ENTRIES} most recently changed records
 * (newest change from git, else the record's date), each with the start of its body text. A
 * relative site gets relative links and `urn:adrkit:` ids. Pure.
 */
export function feedFile(ctx: SiteContext): DataFile[] {
  return [{ kind: 'file', path: 'feed.xml', content: () => atomFeed(ctx) }];
}

function atomFeed(ctx: SiteContext): string {
  const { input, records, keys } = ctx;
  const dated = records
    .map((r, i) => ({ r, i, when: r.updated ?? (dayOf(r) ? `${dayOf(r)}T00:00:00Z` : undefined) }))
    .filter((x): x is { r: SiteRecord; i: number; when: string } => x.when !== undefined && !Number.isNaN(Date.parse(x.when)))
    .sort((a, b) => Date.parse(b.when) - Date.parse(a.when) || a.i - b.i)
    .slice(0, FEED_ENTRIES);
  const base = /^https?:\/\//i.test(input.baseUrl) ? input.baseUrl : RELATIVE_ORIGIN;
  const feed = new Feed({
    title: input.title,
    id: base === RELATIVE_ORIGIN ? `urn:adrkit:site:${safeSegment(input.title)}` : absoluteUrl(base, 'index.html'),
    link: absoluteUrl(base, 'index.html'),
    updated: new Date(dated[0] ? Date.parse(dated[0].when) : 0),
    generator: 'adrkit',
    feedLinks: { atom: absoluteUrl(base, 'feed.xml') },
  });
  for (const { r, i, when } of dated) {
    const url = absoluteUrl(base, `records/${keys[i]}.html`);
    feed.addItem({
      title: `${recordLabel(r)} (${r.record.statusText ?? statusKey(r)})`,
      id: base === RELATIVE_ORIGIN ? `urn:adrkit:record:${keys[i]}` : url,
      link: url,
      date: new Date(Date.parse(when)),
      published: r.created ? new Date(Date.parse(r.created)) : undefined,
      description: ctx.texts.of(i).slice(0, 300),
      author: r.authors.map((name) => ({ name })),
      category: r.record.tags.map((name) => ({ name })),
    });
  }
  const xml = feed.atom1();
  return base === RELATIVE_ORIGIN ? `${xml.split(RELATIVE_ORIGIN).join('')}\n` : `${xml}\n`;
}
