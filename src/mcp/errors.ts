import type { CallToolResult } from '@modelcontextprotocol/server';
import { AdrkitError } from '../model/errors.js';

/**
 * The text of an error as adrkit prints it: `file:line:col: message` and its hint for an
 * `AdrkitError`; for anything else a one-line internal error (never a stack trace).
 */
export function errorText(error: unknown): string {
  if (error instanceof AdrkitError) return `adrkit: ${error.format()}`;
  const message = error instanceof Error ? error.message : String(error);
  return `adrkit: internal error: ${message}\n  hint: please report it with the tool call that caused it`;
}

/** An MCP tool error result (`isError: true`) carrying adrkit's message and hint. */
export function toolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: errorText(error) }] };
}

/**
 * Wraps a tool handler: its result becomes `structuredContent` (plus the same JSON, or the given
 * text, as text content for clients that read only text); any error becomes {@link toolError}, so
 * the server keeps serving.
 */
export function toolHandler<A, R extends object>(run: (args: A) => Promise<R> | R, text?: (result: R) => string): (args: A) => Promise<CallToolResult> {
  return async (args: A) => {
    try {
      const result = await run(args);
      return { structuredContent: result as Record<string, unknown>, content: [{ type: 'text', text: text ? text(result) : JSON.stringify(result, null, 2) }] };
    } catch (error) {
      return toolError(error);
    }
  };
}
