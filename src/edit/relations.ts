import { AdrkitError } from '../model/errors.js';
import { addStatusSectionLine } from './body-edit.js';
import { addReference, editFrontmatter } from '../parse/frontmatter-edit.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import { linkTo, referenceTo, type EditableRecord } from '../decision/resolve.js';
import { applyStatus } from './status.js';

/** New texts of the two records of a relation. */
export interface RelationEdit {
  from: string;
  to: string;
}

/**
 * Supersedes `old` by `by` (both sides, as adr-tools and MADR do): `old` gets status
 * `superseded` and `superseded-by: <by>`; `by` gets `supersedes: <old>`. References are record
 * numbers (slugs for unnumbered records). Records without frontmatter are edited in their own
 * convention: `Superseded by [2. Title](0002-title.md)` as the status line, and a
 * `Supersedes [1. Title](0001-title.md)` line in the `## Status` section. Pure.
 *
 * @returns new texts: `from` = the superseding record `by`, `to` = the superseded record `old`.
 * @throws AdrkitError `usage` when a record would supersede itself.
 */
export function supersede(old: EditableRecord, by: EditableRecord, date: string): RelationEdit {
  if (old.absPath === by.absPath) throw new AdrkitError('usage', 'a record cannot supersede itself', { file: old.file });
  let oldText = applyStatus(old, { status: 'superseded', date, by: linkTo(by.record) });
  if (splitFrontmatter(oldText)) {
    oldText = editFrontmatter(oldText, (doc) => addReference(doc, 'superseded-by', referenceTo(by.record)));
  }
  let byText: string | undefined;
  if (!by.hasFrontmatter) {
    const link = linkTo(old.record);
    byText = addStatusSectionLine(by.text, `Supersedes [${link.label}](${link.href})`);
  }
  byText ??= editFrontmatter(by.text, (doc) => addReference(doc, 'supersedes', referenceTo(old.record)), { create: true });
  return { from: byText, to: oldText };
}

/** Relations `adrkit link` writes, and the key the other side gets (undefined: no inverse key in the schema). */
export const LINK_RELATIONS = { 'relates-to': 'relates-to', amends: undefined } as const;
export type LinkRelation = keyof typeof LINK_RELATIONS;

/**
 * Links two records: `relates-to` on both sides (symmetric), or `amends` on `from` only (the
 * frontmatter schema has no `amended-by`; the amended record's readers find it through the
 * log's backlinks). Always in frontmatter (a block is added to records without one, which
 * keeps Nygard / MADR 2 bodies as they are). Pure.
 */
export function link(from: EditableRecord, to: EditableRecord, relation: LinkRelation): RelationEdit {
  if (from.absPath === to.absPath) throw new AdrkitError('usage', 'a record cannot be linked to itself', { file: from.file });
  if (!(relation in LINK_RELATIONS)) throw new AdrkitError('usage', `unknown relation "${relation}"`, { hint: `use one of ${Object.keys(LINK_RELATIONS).join(', ')}` });
  const fromText = editFrontmatter(from.text, (doc) => addReference(doc, relation, referenceTo(to.record)), { create: true });
  const inverse = LINK_RELATIONS[relation];
  const toText = inverse ? editFrontmatter(to.text, (doc) => addReference(doc, inverse, referenceTo(from.record)), { create: true }) : to.text;
  return { from: fromText, to: toText };
}
