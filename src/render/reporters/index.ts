import type { Reporter } from './types.js';
import stylish from './stylish.js';
import json from './json.js';
import sarif from './sarif.js';
import github from './github.js';

/** Reporters by name (`--format`). One module per reporter. */
export const REPORTERS: Record<string, Reporter> = { stylish, json, sarif, github };
