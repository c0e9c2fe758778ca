#!/usr/bin/env node
// Peak-RSS fallback when /usr/bin/time is missing: runs a node entry point in this process and,
// on exit, writes process.resourceUsage().maxRSS (kilobytes) to the file named by ADRKIT_BENCH_RSS.
// Usage: ADRKIT_BENCH_RSS=/tmp/x node bench/rss-wrapper.mjs <entry.js|-> [args...]
//        (`-` runs nothing: the bare node process floor)

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
process.on('exit', () => {
  if (process.env.ADRKIT_BENCH_RSS) writeFileSync(process.env.ADRKIT_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
if (entry && entry !== '-') {
  process.argv = [process.argv[0], resolve(entry), ...args];
  await import(pathToFileURL(resolve(entry)).href);
}
