import type { z } from 'zod';
import { Frontmatter } from './record.js';
import { Config } from './config.js';

/** JSON Schemas generated into `schema/` (file name -> zod schema). Add new ones here. */
export const GENERATED_SCHEMAS: Record<string, { schema: z.ZodType; title: string; description: string }> = {
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
};
