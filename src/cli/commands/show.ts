import type { CommandModule } from '../context.js';
import { loadRecords } from '../helpers.js';
import type { DecisionRecord, RecordRef } from '../../model/record.js';
import { scoreMatrix } from '../../decision/matrix.js';
import { resolveRecord } from '../../decision/resolve.js';
import { renderRecordView } from '../../render/record-view.js';
import { decisionDay } from '../../site/dates.js';

const label = (r: DecisionRecord) => `${r.number !== undefined ? `${r.number}. ` : ''}${r.title}`;

/** True when `ref` (a number or a slug / file name) names `record`. */
function refersTo(ref: RecordRef, record: DecisionRecord): boolean {
  if (typeof ref === 'number') return record.number === ref;
  const stem = ref.replace(/\\/g, '/').split('/').pop()!.replace(/\.(md|markdown)$/i, '');
  return /^\d+$/.test(stem) ? record.number === Number(stem) : record.slug === stem;
}

const showCommand: CommandModule = (program, ctx) => {
  program
    .command('show')
    .description('print a decision record: metadata, options matrix, status history and relations')
    .argument('<record>', 'record number, slug or path')
    .option('-d, --dir <dir>', 'decision log folder')
    .action(async (ref: string, opts: { dir?: string }) => {
      const { records } = await loadRecords(ctx, opts.dir);
      const target = resolveRecord(records, ref);
      const { record } = target;
      const raw = record.frontmatter['status-history'];
      const history = Array.isArray(raw)
        ? raw.flatMap((h) => (h && typeof h === 'object' && 'status' in h ? [{ status: String((h as Record<string, unknown>).status), date: String((h as Record<string, unknown>).date ?? '') }] : []))
        : [];
      const others = records.filter((r) => r !== target).map((r) => r.record);
      const incoming = others.flatMap((o) => [
        ...(o.supersedes.some((r) => refersTo(r, record)) ? [{ relation: 'superseded by', label: label(o) }] : []),
        ...(o.supersededBy.some((r) => refersTo(r, record)) ? [{ relation: 'supersedes', label: label(o) }] : []),
        ...(o.amends.some((r) => refersTo(r, record)) ? [{ relation: 'amended by', label: label(o) }] : []),
        ...(o.relatesTo.some((r) => refersTo(r, record)) ? [{ relation: 'relates to', label: label(o) }] : []),
      ]);
      ctx.io.stdout.write(
        renderRecordView({
          record,
          file: target.file,
          date: decisionDay(record.date, undefined) ?? record.date,
          matrix: record.criteria.length > 0 ? scoreMatrix(record) : undefined,
          history,
          describe: (r) => {
            const found = others.find((o) => refersTo(r, o));
            return found ? label(found) : `${r} (not in the log)`;
          },
          incoming,
        }),
      );
    });
};
export default showCommand;
