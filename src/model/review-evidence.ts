import { z } from 'zod';

/** An evidence entry changed between base and head: what it is and which fields moved. */
export const ReviewEvidenceEdit = z
  .object({
    label: z.string().describe('the entry as the site labels it (`mteb/scifact ndcg_at_10 = 74.8`)'),
    kind: z.string(),
    fields: z.array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown() }).strict()).describe('changed fields (`metrics.latency_p95_ms`), with base and head values'),
  })
  .strict();

/** Evidence added, removed or changed on one option of a record (added records list all their evidence as added). */
export const ReviewEvidenceChange = z
  .object({
    file: z.string(),
    number: z.number().int().nullable(),
    title: z.string(),
    option: z.string().describe('option id'),
    added: z.array(z.object({ label: z.string(), kind: z.string() }).strict()),
    removed: z.array(z.object({ label: z.string(), kind: z.string() }).strict()),
    changed: z.array(ReviewEvidenceEdit),
  })
  .strict();
export type ReviewEvidenceChange = z.infer<typeof ReviewEvidenceChange>;
