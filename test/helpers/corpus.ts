import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `../shared` beside the repository: real decision logs (`corpus/*.bundle`, git bundles) and the
 * seed radar (`radar/`). It is not part of a clone; the tests that need it skip without it (the
 * global setup prints one line saying so).
 */
export const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared');

/** The shared corpus: `<repo>/../shared/corpus`. */
export const CORPUS = resolve(SHARED, 'corpus');

/** Whether the shared corpus is present; decided once, when the test module loads. */
export const HAS_CORPUS = existsSync(CORPUS);

/** Real decision records per bundle, from ../shared/corpus/README.md (index, README and template files excluded). */
export const CORPUS_COUNTS: Record<string, number> = {
  thomvaill__log4brains: 9,
  adr__madr: 19,
  'alphagov__govuk-aws': 38,
  'ministryofjustice__cloud-platform': 49,
  'arachne-framework__architecture': 17,
  JabRef__jabref: 70,
  'hyperledger__identus-cloud-agent': 22,
  'ansforge__ans-architecture-adr': 2,
  'cisagov__manage.get.gov': 32,
};

/**
 * A clone of the corpus bundle `name` shared by every test file of the run: cloned on first use
 * into the run's temporary folder (TMPDIR, which the global setup points at a folder of its own
 * and removes afterwards) and reused by later files, instead of one clone per test file.
 *
 * Read-only by contract: adrkit's read commands (list, lint, build with its --out elsewhere,
 * review) write nothing inside a repository, and the record cache of a repository without
 * node_modules lives under TMPDIR. A test that edits files or makes commits clones its own copy
 * (edit/import), and so does one that builds with the record cache a shared clone already has
 * from another file (site/images builds alphagov__govuk-aws like corpus-build does), so every
 * build starts from a cold cache whatever order the files run in.
 *
 * Safe when several test workers ask at once: one takes the lock (an atomic mkdir) and clones
 * beside the target, then renames the clone into place; the others wait for the target.
 *
 * @param name - bundle name without `.bundle`, e.g. `adr__madr`.
 * @param corpus - the folder of the bundles ({@link CORPUS} unless given).
 * @returns the absolute path of the clone's work tree.
 * @throws when git cannot clone the bundle, or another worker holds the lock for over 2 minutes.
 */
export function sharedCorpusClone(name: string, corpus: string = CORPUS): string {
  const root = join(tmpdir(), 'adrkit-corpus-clones', createHash('sha1').update(corpus).digest('hex').slice(0, 12));
  const target = join(root, name);
  const lock = `${target}.lock`;
  mkdirSync(root, { recursive: true });
  const deadline = Date.now() + 120_000;
  while (!existsSync(target)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`corpus clone ${name}: ${lock} held for 2 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    try {
      if (!existsSync(target)) {
        const staging = `${target}.${process.pid}.tmp`;
        rmSync(staging, { recursive: true, force: true });
        execFileSync('git', ['clone', '-q', join(corpus, `${name}.bundle`), staging], { stdio: ['ignore', 'ignore', 'pipe'] });
        renameSync(staging, target);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return target;
}
