import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/program.js';
import type { DecisionEntry } from '../src/site/pages/decisions.js';
import { CORPUS, CORPUS_COUNTS, sharedCorpusClone } from './helpers/corpus.js';
import { fakeIo } from './history/gitdir.js';

const COUNTS = CORPUS_COUNTS;

/** Spot checks: file -> expected title and normalised status (read from the files). */
const SPOT: Record<string, Record<string, { title?: string; status?: string | null; statusText?: string | null }>> = {
  thomvaill__log4brains: {
    '20200926-use-the-adr-number-as-its-unique-id.md': { title: 'Use the ADR number as its unique ID', status: 'superseded' },
    '20210113-distribute-log4brains-as-a-global-npm-package.md': { title: 'Distribute Log4brains as a global NPM package', status: 'accepted' },
  },
  adr__madr: {
    '0006-use-names-as-identifier.md': { title: 'Use Names as Identifier', status: null },
    '0012-use-curly-braces-to-denote-placeholder.md': { title: 'Use Curly Braces to Denote Placeholders', status: null },
  },
  'alphagov__govuk-aws': {
    '0004-dns-definitions-for-hosts-and-services.md': { title: 'DNS definitions for hosts and services', status: 'superseded', statusText: 'Superseded by DNS Infrastructure' },
    // A partly superseded decision is still in force (truth: accepted).
    '0003-aws-networking-outline.md': { status: 'accepted', statusText: 'Partly superseded' },
    '0013-userdata-provisioning-snippets.md': { status: 'proposed', statusText: 'Pending' },
  },
  'ministryofjustice__cloud-platform': {
    '018-Dedicated-Ingress-Controllers.md': { title: 'Dedicated Ingress Controllers for teams', status: 'rejected' },
    // The emoji is decoration, not part of the status text (truth: "Proposed").
    '017-Variable-Naming.md': { status: 'proposed', statusText: 'Proposed' },
    '000-Record-Architecture-Decisions.md': { title: 'Record Architecture Decisions', status: 'accepted' },
  },
  'arachne-framework__architecture': {
    'adr-006-core-runtime.md': { title: 'Core Runtime', status: 'proposed', statusText: 'PROPOSED' },
    'adr-001-use-adrs.md': { title: 'Use ADRs', status: 'accepted' },
  },
  JabRef__jabref: {
    '0045-use-input-flag-always-for-input-files.md': { status: 'superseded', statusText: 'superseded by ADR-0057' },
    '0023-localized-preferences.md': { title: 'Localized Preferences', status: null },
  },
  'hyperledger__identus-cloud-agent': {
    '20230405-did-linked-resources.md': { title: 'DID-linked-resources', status: 'proposed', statusText: 'draft' },
    '20220919-use-markdown-architectural-decision-records.md': { status: 'accepted' },
  },
  'ansforge__ans-architecture-adr': {
    '0002-licence-des-projets-github.md': { title: 'Licence des projets Github', status: 'proposed', statusText: 'proposé' },
  },
  'cisagov__manage.get.gov': {
    '0012-user-models.md': { title: 'Use custom User model with separate UserProfile', status: 'superseded' },
    '0032-reintroduce-epp-connection-pool.md': { status: 'proposed', statusText: 'Under Review' },
  },
};

/** Supersede links resolved on record pages (both directions): bundle -> [page, linked page]. */
const LINKS: Record<string, Array<[string, string]>> = {
  'alphagov__govuk-aws': [
    ['records/0004.html', '0015.html'],
    ['records/0015.html', '0004.html'],
  ],
  'cisagov__manage.get.gov': [['records/0020.html', '0012.html']],
  thomvaill__log4brains: [['records/20200926-use-the-adr-number-as-its-unique-id.html', '20201016-use-the-adr-slug-as-its-unique-id.html']],
};


const temp = mkdtempSync(join(tmpdir(), 'adrkit-corpus-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// The collections whose records sit at the root of the bundle (the first nine); the others are
// compared with their ground truth by test/corpus/corpus.test.ts.
const bundles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.bundle') && f.replace(/\.bundle$/, '') in COUNTS).sort() : [];

/**
 * Expected creation date of a file: the author date of the oldest commit that added it, as
 * `git log --follow --diff-filter=A` says; but where --follow traced through a copy (status `C`),
 * adrkit dates the record from the copy commit (a record copied from a template is created when copied).
 */
function expectedCreated(repo: string, path: string): { date: string; copied: boolean } {
  const git = (args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  const log = git(['log', '--follow', '--name-status', '--format=@@%aI', '--', path]);
  let date = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('@@')) date = line.slice(2);
    else if (/^C\d*\t/.test(line)) return { date, copied: true };
  }
  const added = git(['log', '--follow', '--diff-filter=A', '--format=%aI', '--', path]).trim().split('\n');
  return { date: added.at(-1)!, copied: false };
}

describe.skipIf(bundles.length === 0)('adrkit build over the shared corpus', () => {
  it('covers every bundle it knows', () => {
    expect(bundles.map((b) => b.replace(/\.bundle$/, ''))).toEqual(Object.keys(COUNTS).sort());
  });

  for (const bundle of bundles) {
    const name = bundle.replace(/\.bundle$/, '');
    it(`builds ${name}`, async () => {
      const repo = sharedCorpusClone(name);
      const out = join(temp, `${name}-site`);
      const io = fakeIo(repo);
      const code = await run(['build', '--dir', '.', '--out', out], io);
      expect(code, io.err()).toBe(0);
      expect(io.out().trim()).toBe(`file://${join(out, 'index.html')}`);
      const entries: DecisionEntry[] = JSON.parse(readFileSync(join(out, 'decisions.json'), 'utf8'));
      expect(entries.length).toBe(COUNTS[name]);
      expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
      for (const [file, expected] of Object.entries(SPOT[name] ?? {})) {
        const entry = entries.find((e) => e.path === file);
        expect(entry, file).toBeDefined();
        expect(entry, file).toMatchObject(expected);
      }
      for (const [page, target] of LINKS[name] ?? []) {
        const html = readFileSync(join(out, page), 'utf8');
        expect(html, page).toMatch(new RegExp(`<dt>(Supersedes|Superseded by)</dt><dd><ul class="inline"><li><a href="\\.\\./records/${target.replace(/\./g, '\\.')}"`));
      }
      const copies: string[] = [];
      for (const entry of entries) {
        const { date, copied } = expectedCreated(repo, entry.path);
        if (copied) copies.push(entry.path);
        expect(entry.created, `created of ${entry.path}${copied ? ' (copied)' : ''}`).toBe(date);
        expect(existsSync(join(out, 'records')), 'record pages').toBe(true);
      }
      if (copies.length) console.info(`${name}: dated from the copy commit: ${copies.join(', ')}`);
    });
  }
});
