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

/** A log with a record file and a record kept as a folder (`0002-b/README.md` with an image beside it), committed. */
async function setupFolders(): Promise<{ g: GitDir; preview: Preview; settings: { title: string; baseUrl: string } }> {
  const g = gitdir();
  cleanups.push(g.cleanup);
  g.write('adr/0001-a.md', nygard(1, 'Alpha', 'Proposed', '2024-01-01'));
  g.write('adr/0002-b/README.md', `${nygard(2, 'Beta', 'Accepted', '2024-02-01')}\n![Flow](flow.svg)\n`);
  g.write('adr/0002-b/flow.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n');
  g.commit('records', '2024-02-01T00:00:00Z');
  const settings = { title: 'Preview', baseUrl: '' };
  const collected = await collectSite(g.dir, [readLog(g.dir, join(g.dir, 'adr'))], settings);
  return { g, preview: new Preview(collected, loadSiteTemplates()), settings };
}

/** Opens the event stream, runs `act` once connected, resolves with what arrived up to the first reload. */
function reloadAfter(port: number, act: () => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let acted = false;
    get({ host: '127.0.0.1', port, path: EVENTS_PATH }, (res) => {
      res.setEncoding('utf8');
      let seen = '';
      res.on('data', (chunk: string) => {
        seen += chunk;
        if (seen.includes(': connected') && !acted) {
          acted = true;
          act();
        }
        if (seen.includes('event: reload')) {
          res.destroy();
          resolve(seen);
        }
      });
    }).on('error', reject);
  });
}

describe('adrkit preview of records kept as folders', () => {
  it('re-reads a folder record when its README, a file beside it or the folder changes, ending equal to a full build', async () => {
    const { g, preview, settings } = await setupFolders();
    expect(preview.session.files.get('records/0002.html')).toContain('../files/adr/0002-b/flow.svg');

    g.write('adr/0002-b/README.md', `${nygard(2, 'Beta renamed', 'Accepted', '2024-02-01')}\n![Flow](flow.svg)\n`);
    const edit = preview.applyChange(join(g.dir, 'adr', '0002-b', 'README.md'));
    expect(edit.full).toBe(false);
    expect(edit.changed).toContain('records/0002.html');
    expect(edit.changed).not.toContain('records/0001.html');
    expect(preview.session.files.get('records/0002.html')).toContain('Beta renamed');

    // An attachment beside the README: the new bytes are published.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>\n';
    g.write('adr/0002-b/flow.svg', svg);
    const attachment = preview.applyChange(join(g.dir, 'adr', '0002-b', 'flow.svg'));
    expect(attachment.changed).toContain('files/adr/0002-b/flow.svg');
    expect(Buffer.from(preview.session.files.get('files/adr/0002-b/flow.svg') as Uint8Array).toString('utf8')).toBe(svg);

    // A new folder record (the watcher reports the folder), and one removed whole.
    g.write('adr/0003-c/index.md', nygard(3, 'Gamma', 'Proposed', '2024-03-01'));
    const added = preview.applyChange(join(g.dir, 'adr', '0003-c'));
    expect(added.full).toBe(true);
    expect(preview.session.files.get('records/0003.html')).toContain('Gamma');
    rmSync(join(g.dir, 'adr', '0001-a.md'));
    rmSync(join(g.dir, 'adr', '0003-c'), { recursive: true });
    expect(preview.applyChange(join(g.dir, 'adr', '0003-c')).removed).toContain('records/0003.html');
    expect(preview.applyChange(join(g.dir, 'adr', '0001-a.md')).removed).toContain('records/0001.html');
    // A README of a folder that holds no record is not a record.
    g.write('adr/notes/README.md', '# Notes\n\nHow we write records.\n');
    expect(preview.applyChange(join(g.dir, 'adr', 'notes', 'README.md'))).toEqual({ changed: [], removed: [], full: false });

    const fresh = await collectSite(g.dir, [readLog(g.dir, join(g.dir, 'adr'))], settings);
    const full = buildSite(fresh.input, loadSiteTemplates());
    expect([...preview.session.files.keys()].sort()).toEqual([...full.keys()].sort());
    for (const path of ['index.html', 'records/0002.html', 'decisions.json', 'search-index.js']) expect(preview.session.files.get(path), path).toEqual(full.get(path));
  });

  it('live-reloads the browser when the README of a folder record is edited (watching the folders of the log)', async () => {
    const { g, preview } = await setupFolders();
    const server = await preview.listen(0);
    const events: string[] = [];
    const stop = preview.watch([join(g.dir, 'adr')], (event) => events.push(event.error ? `error ${String(event.error)}` : event.path), 10);
    cleanups.push(() => {
      stop();
      preview.closeClients();
      server.close();
    });
    const { port } = server.address() as AddressInfo;
    const seen = await reloadAfter(port, () => g.write('adr/0002-b/README.md', `${nygard(2, 'Beta live', 'Accepted', '2024-02-01')}\n![Flow](flow.svg)\n`));
    expect(seen).toContain('event: reload');
    expect(events).toContain(join(g.dir, 'adr', '0002-b', 'README.md'));
    expect((await fetchText(port, '/records/0002.html')).body).toContain('Beta live');

    // A folder record created after the watch started is watched too.
    await reloadAfter(port, () => g.write('adr/0004-d/README.md', nygard(4, 'Delta', 'Proposed', '2024-04-01')));
    expect((await fetchText(port, '/records/0004.html')).body).toContain('Delta');
    await reloadAfter(port, () => g.write('adr/0004-d/README.md', nygard(4, 'Delta edited', 'Proposed', '2024-04-01')));
    expect((await fetchText(port, '/records/0004.html')).body).toContain('Delta edited');
  });
});
