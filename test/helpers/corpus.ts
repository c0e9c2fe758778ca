import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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
