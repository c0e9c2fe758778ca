import { fileURLToPath } from 'node:url';

/** Absolute path of the adrkit package (holds templates/, schema/, radar/), from src/ or dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
