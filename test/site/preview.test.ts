import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, unlinkSync } from 'node:fs';
import { buildSite } from '../../src/site/build.js';
import { collectSite } from '../../src/site/io/collect.js';
import { EVENTS_PATH, LIVE_RELOAD_PATH, Preview } from '../../src/site/io/preview.js';
import { loadSiteTemplates } from '../../src/site/io/templates.js';
import { readLog } from '../../src/workspace/read-log.js';
import { gitdir, nygard, type GitDir } from '../history/gitdir.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function setup(): Promise<{ g: GitDir; preview: Preview; settings: { title: string; baseUrl: string } }> {
  const g = gitdir();
  cleanups.push(g.cleanup);
  g.write('adr/0001-a.md', nygard(1, 'Alpha', 'Proposed', '2024-01-01'));
  g.write('adr/0002-b.md', nygard(2, 'Beta', 'Accepted', '2024-02-01'));
  g.commit('records', '2024-02-01T00:00:00Z');
  const settings = { title: 'Preview', baseUrl: '' };
  const collected = await collectSite(g.dir, [readLog(g.dir, join(g.dir, 'adr'))], settings);
  return { g, preview: new Preview(collected, loadSiteTemplates()), settings };
}

function fetchText(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    }).on('error', reject);
  });
}

describe('adrkit preview', () => {
  it('re-parses only the changed file and re-renders only the affected pages, ending equal to a full build', async () => {
    const { g, preview, settings } = await setup();
    g.write('adr/0001-a.md', nygard(1, 'Alpha', 'Accepted', '2024-01-01'));
    const update = preview.applyChange(join(g.dir, 'adr', '0001-a.md'));
    expect(update.full).toBe(false);
    expect(update.changed).toContain('records/0001.html');
    expect(update.changed).toContain('index.html');
    expect(update.changed).not.toContain('records/0002.html');
    expect(preview.session.files.get('records/0001.html')).toContain('<span class="badge s-accepted">accepted</span>');
    const fresh = await collectSite(g.dir, [readLog(g.dir, join(g.dir, 'adr'))], settings);
    const full = buildSite(fresh.input, loadSiteTemplates());
    // Status history comes from commits; the uncommitted edit keeps the committed history.
    expect(preview.session.files.get('index.html')).toBe(full.get('index.html'));
    expect(preview.session.files.get('decisions.json')).toBe(full.get('decisions.json'));

    expect(preview.applyChange(join(g.dir, 'adr', 'README.md')).changed).toEqual([]);
    unlinkSync(join(g.dir, 'adr', '0002-b.md'));
    const removal = preview.applyChange(join(g.dir, 'adr', '0002-b.md'));
    expect(removal.removed).toContain('records/0002.html');
    g.write('adr/0003-c.md', nygard(3, 'Gamma', 'Proposed'));
    const added = preview.applyChange(join(g.dir, 'adr', '0003-c.md'));
    expect(added.full).toBe(true);
    expect(preview.session.files.has('records/0003.html')).toBe(true);
  });

  it('serves the site on 127.0.0.1 with a live-reload script and pushes a reload event after a change', async () => {
    const { g, preview } = await setup();
    const server = await preview.listen(0);
    cleanups.push(() => {
      preview.closeClients();
      server.close();
    });
    const { port } = server.address() as AddressInfo;
    const index = await fetchText(port, '/');
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/text\/html/);
    expect(index.body).toContain(`<script src="${LIVE_RELOAD_PATH}"></script>`);
    expect((await fetchText(port, LIVE_RELOAD_PATH)).body).toContain(`new EventSource('${EVENTS_PATH}')`);
    expect((await fetchText(port, '/nope.html')).status).toBe(404);
    // a malformed escape is a path no file has (it used to serve the home page)
    expect((await fetchText(port, '/records/%E0%A4%A.html')).status).toBe(404);

    const reload = new Promise<string>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: EVENTS_PATH }, (res) => {
        res.setEncoding('utf8');
        let seen = '';
        res.on('data', (chunk: string) => {
          seen += chunk;
          if (seen.includes(': connected')) {
            if (!seen.includes('event: reload')) {
              g.write('adr/0002-b.md', nygard(2, 'Beta renamed', 'Accepted', '2024-02-01'));
              preview.applyChange(join(g.dir, 'adr', '0002-b.md'));
            }
          }
          if (seen.includes('event: reload')) {
            res.destroy();
            resolve(seen);
          }
        });
      }).on('error', reject);
    });
    expect(await reload).toContain('event: reload');
    expect((await fetchText(port, '/records/0002.html')).body).toContain('Beta renamed');
    rmSync(join(g.dir, 'adr', '0002-b.md'));
  });
});
