import type { CommandModule } from '../context.js';
import { loadRecords } from '../helpers.js';
import type { DecisionRecord, RecordRef } from '../../model/record.js';
import { scoreMatrix } from '../../decision/matrix.js';
import { recordIndex, resolveRecord } from '../../decision/resolve.js';
import { renderRecordView } from '../../render/record-view.js';
import { decisionDay } from '../../site/dates.js';

const label = (r: DecisionRecord) => `${r.number !== undefined ? `${r.number}. ` : ''}${r.title}`;


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
      const index = recordIndex(records);
      const incoming = records.filter((r) => r !== target).flatMap((other) => {
        const o = other.record;
        const refersTo = (ref: RecordRef) => index.resolve(ref, other) === target;
        return [
          ...(o.supersedes.some(refersTo) ? [{ relation: 'superseded by', label: label(o) }] : []),
          ...(o.supersededBy.some(refersTo) ? [{ relation: 'supersedes', label: label(o) }] : []),
          ...(o.amends.some(refersTo) ? [{ relation: 'amended by', label: label(o) }] : []),
          ...(o.relatesTo.some(refersTo) ? [{ relation: 'relates to', label: label(o) }] : []),
        ];
      });
      ctx.io.stdout.write(
        renderRecordView({
          record,
          file: target.file,
          date: decisionDay(record.date, undefined) ?? record.date,
          matrix: record.criteria.length > 0 ? scoreMatrix(record) : undefined,
          history,
          describe: (r) => {
            const found = index.resolve(r, target);
            return found && found !== target ? label(found.record) : `${r} (not in the log)`;
          },
          incoming,
        }),
      );
    });
};
export default showCommand;
