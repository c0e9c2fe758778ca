import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** A step of a composite action (the keys this runner supports). */
interface Step {
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

/** What one step did. */
export interface StepResult {
  id?: string;
  skipped: boolean;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** What a run of the action did. */
export interface ActionRun {
  steps: StepResult[];
  /** Everything the steps appended to `$GITHUB_STEP_SUMMARY`. */
  summary: string;
  /** The job log: every step's stdout and stderr. */
  log: string;
  /** Exit code of the job: the first failing step's, else 0. */
  code: number;
}

/**
 * Runs a composite `action.yml` the way the GitHub runner does, for tests: inputs resolved from
 * `with` and the defaults, `${{ }}` expressions in `if`, `env` and `working-directory` evaluated
 * (only the forms the action uses: `inputs.x`, `steps.id.outputs.x`, `github.token`,
 * `github.event_name`, `==`, `!=`, `&&`, string literals; anything else throws, so the test fails
 * when the action outgrows this runner), each `run` step written to a file and executed with
 * `bash --noprofile --norc -eo pipefail` (GitHub's `shell: bash`), with the `GITHUB_*` variables,
 * one `GITHUB_OUTPUT` file per step (read back as `name=value` lines and `name<<DELIM` blocks) and
 * a shared `GITHUB_STEP_SUMMARY`. A failing step stops the job (no step uses `always()`).
 */
export async function runCompositeAction(actionPath: string, options: { with: Record<string, string>; env: Record<string, string>; cwd: string; temp: string }): Promise<ActionRun> {
  const action = parse(readFileSync(actionPath, 'utf8')) as Action;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const inputs: Record<string, string> = {};
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = options.with[name] ?? (defaults[name] = spec.default ?? '');
  for (const name of Object.keys(options.with)) if (!(name in action.inputs)) throw new Error(`unknown input ${name}`);
  const steps: Record<string, Record<string, string>> = {};
  const summary = join(options.temp, 'step-summary.md');
  writeFileSync(summary, '');
  const context = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'inputs' && parts.length === 2) {
      if (!(parts[1] in inputs)) throw new Error(`unknown input in expression: ${path}`);
      return inputs[parts[1]];
    }
    if (parts[0] === 'steps' && parts[2] === 'outputs' && parts.length === 4) return steps[parts[1]]?.[parts[3]] ?? '';
    if (path === 'github.token') return options.env.GITHUB_TOKEN ?? '';
    if (path === 'github.event_name') return options.env.GITHUB_EVENT_NAME ?? '';
    throw new Error(`unsupported expression: ${path}`);
  };
  const value = (term: string): string => {
    const t = term.trim();
    const literal = /^'((?:[^']|'')*)'$/.exec(t);
    if (literal) return literal[1].replace(/''/g, "'");
    if (/^[\w.-]+$/.test(t)) return context(t);
    throw new Error(`unsupported expression: ${t}`);
  };
  const evaluate = (expr: string): string | boolean => {
    const conj = expr.split('&&');
    if (conj.length > 1) return conj.every((c) => evaluate(c) === true);
    const cmp = /^(.*?)(==|!=)(.*)$/.exec(expr);
    if (cmp) return (value(cmp[1]) === value(cmp[3])) === (cmp[2] === '==');
    return value(expr);
  };
  const interpolate = (text: string) => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e)));
  // Input defaults are expressions too (`default: ${{ github.token }}`).
  for (const name of Object.keys(defaults)) inputs[name] = interpolate(defaults[name]);

  const results: StepResult[] = [];
  let log = '';
  let failed = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    if (failed || (step.if !== undefined && evaluate(step.if.replace(/^\$\{\{|\}\}$/g, '')) !== true)) {
      results.push({ id: step.id, skipped: true, code: 0, stdout: '', stderr: '', outputs: {} });
      continue;
    }
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${i}: only run steps with shell: bash are supported`);
    if (step.run.includes('${{')) throw new Error(`step ${i}: expressions inside run`);
    const dir = join(options.temp, `step-${i}`);
    mkdirSync(dir, { recursive: true });
    const script = join(dir, 'script.sh');
    const output = join(dir, 'output');
    writeFileSync(script, step.run);
    writeFileSync(output, '');
    const env: Record<string, string> = { ...options.env, RUNNER_TEMP: options.temp, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v);
    const cwd = resolve(options.cwd, interpolate(step['working-directory'] ?? '.'));
    const { code, stdout, stderr } = await bash(script, cwd, env);
    const outputs = readOutputs(readFileSync(output, 'utf8'));
    if (step.id) steps[step.id] = outputs;
    results.push({ id: step.id, skipped: false, code, stdout, stderr, outputs });
    log += stdout + stderr;
    if (code !== 0) failed = code;
  }
  return { steps: results, summary: readFileSync(summary, 'utf8'), log, code: failed };
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

/** Parses a `GITHUB_OUTPUT` file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = lines[i].indexOf('=');
    if (eq > 0) out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
  }
  return out;
}

/** A request the fake GitHub API received. */
export interface ApiCall {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A comment of the fake GitHub API. */
export interface FakeComment {
  id: number;
  body: string;
}

/**
 * A fake GitHub REST API on 127.0.0.1 (node:http) for the issue comments of one pull request:
 * `GET /repos/{repo}/issues/{pr}/comments` (pages of `pageSize`, `Link` header with `rel="next"`
 * and `rel="last"`), `POST` there, and `PATCH /repos/{repo}/issues/comments/{id}`. With
 * `readOnly`, writes answer 403 like a fork pull request's token. Every call is recorded.
 */
export class FakeGitHub {
  readonly calls: ApiCall[] = [];
  readonly comments: FakeComment[] = [];
  readOnly = false;
  private server: Server | undefined;
  private nextId = 1000;

  constructor(
    readonly repo: string,
    readonly pr: number,
    readonly pageSize = 2,
  ) {}

  /** Base URL, e.g. `http://127.0.0.1:43121` (after {@link start}). */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, body, headers }) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    }));
    return new Promise((done) => this.server!.listen(0, '127.0.0.1', () => done()));
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    this.calls.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
    const url = new URL(req.url!, this.url);
    const list = `/repos/${this.repo}/issues/${this.pr}/comments`;
    const one = new RegExp(`^/repos/${this.repo}/issues/comments/(\\d+)$`).exec(url.pathname);
    if (req.method === 'GET' && url.pathname === list) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const last = Math.max(1, Math.ceil(this.comments.length / this.pageSize));
      const link = (p: number) => `<${this.url}${list}?per_page=100&page=${p}>`;
      const links = [page < last ? `${link(page + 1)}; rel="next"` : '', `${link(last)}; rel="last"`].filter(Boolean).join(', ');
      return { status: 200, body: this.comments.slice((page - 1) * this.pageSize, page * this.pageSize), headers: { Link: links } };
    }
    if (this.readOnly && req.method !== 'GET') return { status: 403, body: { message: 'Resource not accessible by integration' } };
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string') return { status: 422, body: { message: 'body is required' } };
    if (req.method === 'POST' && url.pathname === list) {
      const comment = { id: this.nextId++, body: text };
      this.comments.push(comment);
      return { status: 201, body: comment };
    }
    if (req.method === 'PATCH' && one) {
      const comment = this.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      comment.body = text;
      return { status: 200, body: comment };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }
}
