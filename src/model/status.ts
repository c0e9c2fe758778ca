import { z } from 'zod';

/** The five statuses of a decision record, in lifecycle order. */
export const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** Status of a decision record. */
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;
