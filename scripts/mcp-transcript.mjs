#!/usr/bin/env node
// Prints a transcript of an MCP client session with `adrkit mcp` in a project directory: every
// request sent and every response received (JSON-RPC over stdio, long strings shortened), for a
// list, a search, a new record previewed as a diff, then confirmed.
//
// Usage: node scripts/mcp-transcript.mjs <project-dir> [search words] [--title "New record title"]

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const titleAt = args.indexOf('--title');
const title = titleAt >= 0 ? args.splice(titleAt, 2)[1] : 'Choose a text embedding model for decision search';
const [dir, ...words] = args;
if (!dir) {
  process.stderr.write('usage: node scripts/mcp-transcript.mjs <project-dir> [search words] [--title "…"]\n');
  process.exit(2);
}
const query = words.join(' ') || 'markdown template';

// Diffs are shown whole: they are what the user approves.
const shorten = (value, max = 900) => JSON.stringify(value, (k, v) => (k !== 'diff' && typeof v === 'string' && v.length > max ? `${v.slice(0, max)}… (${v.length} chars)` : v), 2);
const shown = (message) => {
  // Lists of records are long: show the first three and a count.
  const copy = structuredClone(message);
  const sc = copy.result?.structuredContent;
  if (sc?.records?.length > 3) sc.records = [...sc.records.slice(0, 3), `… ${sc.records.length - 3} more`];
  if (copy.result?.content?.[0]?.text?.length > 600) copy.result.content[0].text = `${copy.result.content[0].text.slice(0, 600)}… (text content, same data as structuredContent)`;
  return copy;
};

const transport = new StdioClientTransport({ command: process.execPath, args: [join(ROOT, 'dist/cli/bin.js'), 'mcp'], cwd: resolve(dir), stderr: 'inherit' });
const send = transport.send.bind(transport);
transport.send = async (message, options) => {
  if (message.method !== 'notifications/initialized') process.stdout.write(`\n>>> ${shorten(message)}\n`);
  return send(message, options);
};
// Print every inbound message: wrap the handler the client installs on the transport.
let inbound;
Object.defineProperty(transport, 'onmessage', {
  get: () => (inbound ? (message, extra) => {
    process.stdout.write(`<<< ${shorten(shown(message))}\n`);
    inbound(message, extra);
  } : undefined),
  set: (handler) => {
    inbound = handler;
  },
});
process.stdout.write(`# adrkit mcp session in ${resolve(dir)}\n`);
const client = new Client({ name: 'adrkit-transcript', version: '1.0.0' });
await client.connect(transport);
await client.callTool({ name: 'list_records', arguments: {} });
await client.callTool({ name: 'search', arguments: { query, limit: 3 } });
const draft = {
  title,
  template: 'algorithm',
  criteria: ['quality:3', 'implementation:2', 'hardware:2', 'data:2', 'cost:1'],
  options: [{ name: 'Sentence-BERT (all-MiniLM-L6-v2)' }, { name: 'OpenAI text-embedding-3-small', blip: 'gpt-4' }, { name: 'BM25 keyword search only' }],
  tags: ['search'],
};
await client.callTool({ name: 'new_record', arguments: draft });
await client.callTool({ name: 'new_record', arguments: { ...draft, confirm: true } });
await client.callTool({ name: 'list_records', arguments: { since: '2026-01-01' } });
await client.close();
