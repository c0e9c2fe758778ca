import { z } from 'zod';
import { Status } from './status.js';

/** Severity of a rule in configuration. */
export const RuleSeverity = z.enum(['off', 'warn', 'error', 'info']);
export type RuleSeverity = z.infer<typeof RuleSeverity>;

/** A rule setting: a severity, or `[severity, options]` (ESLint style). */
export const RuleSetting = z.union([RuleSeverity, z.tuple([RuleSeverity, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSetting>;

/** A radar source in configuration: `builtin:sicara-2024`, or a path to a radar file/folder. */
export const RadarSource = z.union([
  z.string(),
  z.object({ id: z.string().optional(), path: z.string(), format: z.enum(['native', 'byor-csv', 'byor-json', 'aoe']).optional() }).strict(),
]);

/**
 * adrkit configuration (`adrkit.config.json`, `.adrkitrc.yaml`, `adrkit.config.yaml`,
 * `package.json#adrkit`). See `schema/config.schema.json`.
 */
export const Config = z
  .object({
    $schema: z.string().optional(),
    dir: z.string().optional().describe('decision log folder, relative to the project root'),
    dirs: z.array(z.string()).optional().describe('several decision log folders (monorepo), each a section of the site'),
    template: z.enum(['algorithm', 'madr', 'nygard']).optional().describe('default template of `adrkit new`'),
    numbering: z.enum(['sequential', 'date', 'short-id']).optional().describe('how `adrkit new` numbers records'),
    digits: z.number().int().min(1).max(7).optional().describe('zero padding of record numbers (default 4)'),
    rules: z.record(z.string(), RuleSetting).optional().describe('rule id -> severity or [severity, options]'),
    radars: z.array(RadarSource).optional().describe('technology radars options can link to; default builtin:sicara-2024'),
    appliesTo: z
      .record(z.string(), z.array(z.string().min(1)))
      .optional()
      .describe('default `applies-to` globs per decision log folder (key: the folder as in `dir` / `dirs`), for records that declare none'),
    statuses: z
      .record(z.string().min(1), Status)
      .optional()
      .describe('a team\'s own status words and the status each means, e.g. { "Shipped": "accepted", "Parked": "proposed" }; matched case-insensitively against the status text or its first word, before the built-in vocabulary'),
    revisitMonths: z.number().int().positive().optional().describe('default revisit interval after acceptance, in months'),
    site: z
      .object({
        title: z.string().optional(),
        baseUrl: z.string().optional(),
        repositoryUrl: z.string().optional().describe('e.g. https://github.com/org/repo, for "edit this file" links'),
        branch: z.string().optional(),
        out: z.string().optional(),
        templates: z.string().optional().describe('folder of handlebars templates overriding templates/site'),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Config = z.infer<typeof Config>;
