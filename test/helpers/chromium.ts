import type { Browser, Page } from 'playwright-core';
// The finder lives in scripts/ so that `npm run screenshots` (plain Node) launches the same browser.
import { findChromium as find, launchChromium as launch } from '../../scripts/chromium.mjs';

/** A Chromium binary found for the tests, with where it came from and the environment it needs. */
export interface FoundChromium {
  executablePath: string;
  source: 'ADRKIT_CHROMIUM' | '/usr/bin/chromium' | '@sparticuz/chromium';
  /** Extra environment for the browser process (the bundled one's libraries and fonts). */
  env: Record<string, string>;
}

/** Finds the Chromium (ADRKIT_CHROMIUM, /usr/bin/chromium, then @sparticuz/chromium); throws a one-line error when there is none. */
export const findChromium: () => FoundChromium = find;

/** Launches the Chromium found by {@link findChromium}, headless and without traffic of its own. */
export const launchChromium: () => Promise<Browser> = launch;

/**
 * Collects into `problems` what a page of the static site must never do: console errors, CSP
 * violations, uncaught exceptions and any request that is not `file://` (the site is offline).
 */
export function watchPage(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) problems.push(`network request: ${r.url()}`);
  });
}
