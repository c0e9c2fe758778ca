import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testdir, type TestDir } from '../helpers/index.js';

const NOW = Date.UTC(2025, 5, 1, 12);
const TEAM = 'name,ring,quadrant,isNew,description\nvLLM,hold,Serving,FALSE,we moved off it\nTriton,adopt,Serving,TRUE,ok\n';
const CONFIG = JSON.stringify({ dir: 'adr', radars: ['builtin:sicara-2024', { id: 'team', path: 'radar/team.csv' }] });
const RECORD = [
  '---',
  'title: Serve the LLM',
  'status: accepted',
  'date: 2025-01-10',
  'options:',
  '  - id: vllm',
  '    name: vLLM',
  '    blip: vllm',
  '    ring: adopt',
  '  - id: triton',
  '    name: Triton',
  '    blip: team/triton',
  '    ring: hold',
  '  - id: tgi',
  '    name: TGI',
  'chosen: vllm',
  '---',
  '',
  '# Serve the LLM',
  '',
].join('\n');

let dir: TestDir | undefined;
afterEach(() => dir?.remove());
const setup = () => (dir = testdir({ 'adrkit.config.json': CONFIG, 'radar/team.csv': TEAM, 'adr/0001-serve-the-llm.md': RECORD }));
const run = (...args: string[]) => runCli(args, { cwd: dir!.path, now: NOW });
type Finding = { ruleId: string; message: string; line: number };

describe('one blip resolution rule everywhere, with two radars that both have vllm', () => {
  it('lint reports the ambiguous link, and --fix qualifies it with the first configured radar', async () => {
    setup();
    const before = JSON.parse((await run('lint', '-f', 'json', '--rule', 'radar-unknown-blip')).stdout).findings as Finding[];
    expect(before).toHaveLength(1);
    expect(before[0].message).toContain('blip "vllm" is in several radars; write one of sicara-tech-radar-ia-2024/vllm, team/vllm');
    const fixed = await run('lint', '--fix', '--rule', 'radar-unknown-blip');
    expect(fixed.code, fixed.stdout).toBe(0);
    const text = readFileSync(dir!.join('adr/0001-serve-the-llm.md'), 'utf8');
    expect(text).toBe(RECORD.replace('    blip: vllm\n', '    blip: sicara-tech-radar-ia-2024/vllm\n'));
  });

  it('radar show team/vllm does not list a record whose link is ambiguous (as lint and stale resolve it)', async () => {
    setup();
    const shown = JSON.parse((await run('radar', 'show', 'team/vllm', '-f', 'json')).stdout) as { chose: unknown[]; considered: unknown[] };
    expect([...shown.chose, ...shown.considered]).toEqual([]);
  });

  it('ring names read the same in every radar (ADOPT … HOLD), and lint and stale agree on ring moves', async () => {
    setup();
    const team = JSON.parse((await run('radar', 'show', 'team/triton', '-f', 'json')).stdout) as { ring: string };
    const sicara = JSON.parse((await run('radar', 'show', 'polars', '-f', 'json')).stdout) as { ring: string };
    expect([team.ring, sicara.ring]).toEqual(['ADOPT', 'ADOPT']);
    const lint = JSON.parse((await run('lint', '-f', 'json', '--rule', 'radar-ring-changed')).stdout).findings as Finding[];
    const stale = JSON.parse((await run('stale', '-f', 'json')).stdout) as Array<{ moves?: string[] }>;
    expect(lint.map((f) => f.message)).toEqual([expect.stringContaining('blip team/triton moved from HOLD to ADOPT')]);
    expect(stale.flatMap((s) => s.moves ?? [])).toEqual(['Triton: HOLD -> ADOPT']);
  });
});
