import type { DecisionRecord } from '../model/record.js';
import { addMonths, isRealIsoDate } from '../util/dates.js';

/** Default revisit interval of algorithm records (models, data and radars age fast), in months. */
const DEFAULT_REVISIT_MONTHS = 9;

/** When and why a record is due for review. */
export interface RevisitDue {
  /** `YYYY-MM-DD`. */
  due: string;
  /** `revisit-by`, or the acceptance date plus the interval. */
  source: 'revisit-by' | 'interval';
  /** Day the record was accepted (last `accepted` in `status-history`, else `date`). */
  acceptedOn: string | undefined;
}

/** True for an Algorithm Decision Record: adrkit frontmatter with criteria or options. */
function isAlgorithmRecord(record: DecisionRecord): boolean {
  return record.format === 'native' && (record.criteria.length > 0 || record.options.length > 0);
}

/** Day of acceptance: the last `accepted` entry of `status-history`, else the record's `date`. */
export function acceptedOn(record: DecisionRecord): string | undefined {
  const history = record.frontmatter['status-history'];
  if (Array.isArray(history)) {
    const accepted = history.filter((h) => h && typeof h === 'object' && (h as { status?: unknown }).status === 'accepted' && typeof (h as { date?: unknown }).date === 'string');
    const last = accepted[accepted.length - 1] as { date: string } | undefined;
    if (last && isRealIsoDate(last.date)) return last.date;
  }
  return record.date && isRealIsoDate(record.date) ? record.date : undefined;
}

/**
 * When an accepted record should be reviewed: its `revisit-by`, else acceptance + `months`
 * (the configured `revisitMonths`; without configuration, {@link DEFAULT_REVISIT_MONTHS} for
 * algorithm records and never for others). Pure.
 * @returns undefined for records that are not accepted or have no due date.
 */
export function revisitDue(record: DecisionRecord, configuredMonths: number | undefined): RevisitDue | undefined {
  if (record.status !== 'accepted') return undefined;
  const accepted = acceptedOn(record);
  if (record.revisitBy && isRealIsoDate(record.revisitBy)) return { due: record.revisitBy, source: 'revisit-by', acceptedOn: accepted };
  const months = configuredMonths ?? (isAlgorithmRecord(record) ? DEFAULT_REVISIT_MONTHS : undefined);
  if (months === undefined || !accepted) return undefined;
  return { due: addMonths(accepted, months), source: 'interval', acceptedOn: accepted };
}
