import type { z } from 'zod';
import type { Config } from '../model/config.js';

/** The configuration as written by a user (defaults not yet applied): `adrkit.config.*`'s shape. */
export type ConfigInput = z.input<typeof Config>;

/**
 * Types an adrkit configuration written in JavaScript (`adrkit.config.mjs` or `adrkit.config.js`),
 * like `defineConfig` in Vite or ESLint: it returns its argument unchanged; adrkit validates the
 * file's default export when it loads it (schema: schema/config.schema.json).
 *
 * @example
 * // adrkit.config.mjs
 * import { defineConfig } from 'adrkit';
 * export default defineConfig({ dir: 'docs/decisions', rules: { 'stale-proposed': 'off' } });
 */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}
