import { resolve } from 'node:path';

/** The shared corpus sits beside the repository: `<repo>/../shared/corpus`. */
export const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

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
