import type { z } from 'zod';
import { Frontmatter } from './record.js';
import { Config } from './config.js';
import { RadarFile } from './radar.js';
import { ExportedLog } from './export.js';
import { ReviewReport } from './review.js';

/** JSON Schemas generated into `schema/` (file name -> zod schema). Add new ones here. */
export const GENERATED_SCHEMAS: Record<string, { schema: z.ZodType; title: string; description: string }> = {
  'radar.schema.json': { schema: RadarFile, title: 'adrkit technology radar', description: 'A native adrkit technology radar file (YAML or JSON), e.g. radar/sicara-2024.yaml.' },
  'decision-record.schema.json': {
    schema: Frontmatter,
    title: 'adrkit decision record frontmatter',
    description: 'YAML frontmatter of an adrkit Algorithm Decision Record (see adr/0002).',
  },
  'config.schema.json': {
    schema: Config,
    title: 'adrkit configuration',
    description: 'adrkit.config.json / .adrkitrc.yaml / package.json#adrkit',
  },
  'review.schema.json': {
    schema: ReviewReport,
    title: 'adrkit review report',
    description: 'Output of `adrkit review --format json`: what a branch changes in a decision log.',
  },
  'export.schema.json': { schema: ExportedLog, title: 'adrkit decision log export', description: 'Output of `adrkit export --format json`: one entry per decision record.' },
};
