import type { Relations } from './links.js';
import type { SiteRecord } from './types.js';
import { dayOf, statusKey } from './views.js';

/** What happened to a decision record: it was created, or its status changed (superseded included). */
export type TimelineEventKind = 'created' | 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded' | 'unknown';

/** One event of the timeline. */
export interface TimelineEvent {
  /** Day of the event, `YYYY-MM-DD`. */
  day: string;
  kind: TimelineEventKind;
  /** Index of the record (in the site's sorted records). */
  record: number;
  /** Status as written, for status changes (`Accepted`, `superseded by 12`…). */
  statusText?: string;
  /** For `superseded`: the records that supersede it. */
  by: number[];
  /** Short commit hash of the change, when it comes from git. */
  hash?: string;
}

/**
 * The events of a decision log, newest first: each record's creation (first commit, else its
 * written date) and each status change of its git status history (`proposed` → `accepted` →
 * `superseded`…). The status a record was created with is part of its `created` event, not a
 * change. Without git history a record with a status other than `proposed` gets one status
 * event on its decision day. Supersede events name the successors (from the resolved relations).
 * Pure; ties are ordered by record, then by kind order of the history.
 */
export function timelineEvents(records: SiteRecord[], relations: Relations[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  records.forEach((r, i) => {
    const by = relations[i]?.supersededBy ?? [];
    const created = r.created?.slice(0, 10) ?? dayOf(r);
    const history = r.statusHistory;
    if (created) events.push({ day: created, kind: 'created', record: i, statusText: history[0]?.statusText ?? r.record.statusText, by: [], hash: history[0]?.hash.slice(0, 7) });
    if (history.length > 0) {
      history.slice(1).forEach((t) => {
        events.push({ day: t.date.slice(0, 10), kind: t.status, record: i, statusText: t.statusText, by: t.status === 'superseded' ? by : [], hash: t.hash.slice(0, 7) });
      });
    } else {
      const status = statusKey(r) as TimelineEventKind;
      const day = dayOf(r);
      if (day && status !== 'proposed') events.push({ day, kind: status, record: i, statusText: r.record.statusText, by: status === 'superseded' ? by : [] });
    }
  });
  return events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => (a.e.day < b.e.day ? 1 : a.e.day > b.e.day ? -1 : 0) || b.order - a.order)
    .map(({ e }) => e);
}

/** Labels of the event kinds, in the order the filter lists them. */
export const EVENT_KIND_LABELS: Record<TimelineEventKind, string> = {
  created: 'Created',
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
  unknown: 'Other status',
};
