import type { Reporter } from './types.js';
import stylish from './stylish.js';
import json from './json.js';
import sarif from './sarif.js';
import github from './github.js';
import gitlab from './gitlab.js';

/** Reporters by name (`--format`). One module per reporter. */
export const REPORTERS: Record<string, Reporter> = { stylish, json, sarif, github, gitlab };
