import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio, type StdioServerHandle } from '@modelcontextprotocol/server/stdio';
import { VERSION } from '../version.js';
import { registerPrompts } from './prompts.js';
import { registerReadTools } from './read-tools.js';
import { registerResources } from './resources.js';
import { McpSession } from './session.js';
import { registerWriteTools } from './write-tools.js';

const INSTRUCTIONS = [
  'adrkit serves the decision log (Algorithm Decision Records) of this project and its technology radar.',
  'Before proposing a library, model or approach, search the log (search, list_records, governing_decisions for the files you change) so you do not re-propose an option the team rejected or superseded.',
  'Write tools (new_record, set_status, supersede, link) return a diff and write nothing unless called with confirm: true; show the diff to the user first.',
].join(' ');

/**
 * The adrkit MCP server for one project: read tools, write tools (preview, then `confirm`),
 * resources (`adr://records/{number}`, `adr://index`, `adr://radar/{blip}`) and prompts, all over
 * the same library functions as the CLI.
 */
export function createMcpServer(session: McpSession): McpServer {
  const server = new McpServer({ name: 'adrkit', title: 'adrkit decision log', version: VERSION }, { instructions: INSTRUCTIONS });
  registerReadTools(server, session);
  registerWriteTools(server, session);
  registerResources(server, session);
  registerPrompts(server, session);
  return server;
}

/**
 * Serves the project at `cwd` over stdio (JSON-RPC on stdin/stdout; nothing else may write to
 * stdout). Returns at once; the process keeps serving until stdin closes.
 *
 * @param options.now - the clock (default `Date.now`).
 * @param options.onerror - out-of-band transport errors (reported, never fatal).
 */
export function serveMcp(cwd: string, options: { now?: () => number; onerror?: (error: Error) => void } = {}): StdioServerHandle {
  const session = new McpSession(cwd, options.now);
  return serveStdio(() => createMcpServer(session), { onerror: options.onerror });
}
