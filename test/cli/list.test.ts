import { afterEach, describe, expect, it } from 'vitest';
import { gitdir, runCli, type GitDir } from '../helpers/index.js';

const native = (title: string, status: string, extra = '') => `---\ntitle: ${title}\nstatus: ${status}\n${extra}---\n\n# ${title}\n`;

describe('adrkit list', () => {
  let repo: GitDir;
  afterEach(() => repo?.remove());

  const build = () =>
    gitdir([
      {
        files: {
          'adrkit.config.json': '{"dir":"adr"}\n',
          'adr/0001-use-postgres.md': native('Use postgres', 'accepted', 'date: 2024-01-10\ntags: [data]\n'),
          'adr/0002-serve-with-vllm.md': native('Serve with vLLM', 'proposed', 'date: 2024-03-01\ntags: [llm, serving]\noptions:\n  - id: vllm\n    name: vLLM\n    blip: team/vllm\n'),
          'adr/0010-no-date.md': '# 10. No date\n\n## Status\n\nAccepted\n\n## Context\n\nx\n',
          'adr/0003-day-first.md': '# 3. Day first\n\nDate: 05/02/2018\n\n## Status\n\nDeprecated\n',
        },
        date: '2024-02-20T09:00:00Z',
      },
    ]);

  it('numeric order, dates normalised to ISO, and from git when a record has none', async () => {
    repo = build();
    const r = await runCli(['list', '-f', 'json'], { cwd: repo.path });
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ number: number; date: string; dateSource: string }>;
    expect(rows.map((x) => x.number)).toEqual([1, 2, 3, 10]);
    expect(rows.map((x) => [x.date, x.dateSource])).toEqual([
      ['2024-01-10', 'record'],
      ['2024-03-01', 'record'],
      ['2018-02-05', 'record'],
      ['2024-02-20', 'git'],
    ]);
  });

  it('--status, --tag, --blip, --since filter', async () => {
    repo = build();
    const numbers = async (...args: string[]) => {
      const r = await runCli(['list', '-f', 'json', ...args], { cwd: repo.path });
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as Array<{ number: number }>).map((x) => x.number);
    };
    expect(await numbers('--status', 'accepted')).toEqual([1, 10]);
    expect(await numbers('--status', 'accepted,deprecated')).toEqual([1, 3, 10]);
    expect(await numbers('--tag', 'llm')).toEqual([2]);
    expect(await numbers('--blip', 'vllm')).toEqual([2]);
    expect(await numbers('--blip', 'team/vllm')).toEqual([2]);
    expect(await numbers('--blip', 'other/vllm')).toEqual([]);
    expect(await numbers('--since', '2024-02-01')).toEqual([2, 10]);
    const bad = await runCli(['list', '--status', 'acepted'], { cwd: repo.path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown --status "acepted"');
  });
});
