import type { Rule } from './define.js';
import frontmatterSchema from './frontmatter-schema.js';
import requiredSections from './required-sections.js';
import title from './title.js';
import knownStatus from './known-status.js';
import statusFormat from './status-format.js';
import validDate from './valid-date.js';
import statusHistoryOrder from './status-history-order.js';
import filename from './filename.js';
import minOptions from './min-options.js';
import chosenOption from './chosen-option.js';
import scoreCriteria from './score-criteria.js';
import duplicateNumber from './duplicate-number.js';
import linkTarget from './link-target.js';
import supersedeReciprocal from './supersede-reciprocal.js';
import supersedeCycle from './supersede-cycle.js';
import staleProposed from './stale-proposed.js';
import matrixChosenNotBest from './matrix-chosen-not-best.js';
import matrixMissingScore from './matrix-missing-score.js';
import evidenceMalformed from './evidence-malformed.js';
import chosenBreaksConstraint from './chosen-breaks-constraint.js';
import measurableMissingValue from './measurable-missing-value.js';
import scoreContradictsMeasure from './score-contradicts-measure.js';
import evidenceStale from './evidence-stale.js';
import radarUnknownBlip from './radar-unknown-blip.js';
import radarHold from './radar-hold.js';
import radarAssess from './radar-assess.js';
import radarRingChanged from './radar-ring-changed.js';
import radarBlipDropped from './radar-blip-dropped.js';
import appliesToUnmatched from './applies-to-unmatched.js';

/** Every built-in rule, in documentation order. Add new rules here (one file each). */
export const RULES: Rule[] = [
  frontmatterSchema,
  requiredSections,
  title,
  knownStatus,
  statusFormat,
  validDate,
  statusHistoryOrder,
  filename,
  minOptions,
  chosenOption,
  scoreCriteria,
  duplicateNumber,
  linkTarget,
  supersedeReciprocal,
  supersedeCycle,
  staleProposed,
  matrixChosenNotBest,
  matrixMissingScore,
  evidenceMalformed,
  chosenBreaksConstraint,
  measurableMissingValue,
  scoreContradictsMeasure,
  evidenceStale,
  radarUnknownBlip,
  radarHold,
  radarAssess,
  radarRingChanged,
  radarBlipDropped,
  appliesToUnmatched,
] as Rule[];
