#!/usr/bin/env node
import { run } from './program.js';
import { processIo } from './io.js';

const code = await run(process.argv.slice(2), processIo());
process.exitCode = code;
