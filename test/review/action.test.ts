import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
  if?: string;
}

const action = parse(readFileSync(join(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};

describe('action.yml', () => {
  it('is a composite action whose run scripts never interpolate expressions (no script injection)', () => {
    expect(action.runs.using).toBe('composite');
    const scripts = action.runs.steps.filter((s) => s.run !== undefined);
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const step of scripts) expect(step.run).not.toContain('${{');
  });

  it('passes every input to the scripts through env', () => {
    const env = action.runs.steps.flatMap((s) => Object.values(s.env ?? {})).join('\n');
    for (const name of ['version', 'node-path', 'dir', 'base', 'github-token']) expect(env).toContain(`inputs.${name}`);
  });

  it('lints with annotations, writes the step summary and keeps one sticky comment found by the marker', () => {
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('lint --format github');
    expect(scripts).toContain('review --base "$base" --format markdown');
    expect(scripts).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(scripts).toContain("marker='<!-- adrkit-review -->'");
    expect(scripts).toContain('call PATCH');
    expect(scripts).toContain('api="${GITHUB_API_URL:-https://api.github.com}"');
    expect(scripts).toContain('npx --yes "adrkit@$ADRKIT_VERSION"');
  });
});
