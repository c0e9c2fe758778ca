import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { createExclusive } from '../../workspace/atomic.js';
import { createRecordFile } from '../../workspace/create-record.js';
import { renderRecord } from '../../scaffold/render.js';
import { readRecordTemplate } from './new.js';
import { isoDay } from '../../util/dates.js';
import { toPosix } from '../../workspace/read-log.js';
import { CONFIG_FILES } from '../../config/load.js';

const initCommand: CommandModule = (program, ctx) => {
  program
    .command('init')
    .description('create a decision log: the folder, adrkit.config.json and a first record')
    .option('-d, --dir <dir>', 'decision log folder', 'adr')
    .action(async (opts: { dir: string }) => {
      const cwd = ctx.cwd();
      const dir = resolve(cwd, opts.dir);
      if (!toPosix(relative(cwd, dir)) || relative(cwd, dir).startsWith('..')) {
        throw new AdrkitError('unsafe', `--dir must be a folder inside ${cwd}`, { hint: 'pass a relative path such as adr or docs/decisions' });
      }
      mkdirSync(dir, { recursive: true });
      const hasConfig = CONFIG_FILES.filter((f) => f !== 'package.json').some((f) => existsSync(join(cwd, f)));
      const configPath = join(cwd, 'adrkit.config.json');
      if (!hasConfig) {
        const config = { $schema: './node_modules/adrkit/schema/config.schema.json', dir: toPosix(relative(cwd, dir)), template: 'algorithm' };
        createExclusive(configPath, `${JSON.stringify(config, null, 2)}\n`);
        ctx.io.stdout.write(`created ${relative(cwd, configPath)}\n`);
      }
      const records = readdirSync(dir).filter((n) => /^\d+-.*\.md$/.test(n));
      if (records.length > 0) {
        ctx.io.stdout.write(`${toPosix(relative(cwd, dir))} already holds ${records.length} record(s); nothing else to do\n`);
        return;
      }
      const source = readRecordTemplate('nygard');
      const created = createRecordFile(dir, 'Record algorithm decisions', (number) =>
        renderRecord(source, { title: 'Record algorithm decisions', number, date: isoDay(ctx.io.now()), status: 'accepted', template: 'nygard', deciders: [], tags: [], options: [], supersedes: [] }).replace(
          /## Context\n\n<!--[\s\S]*?-->\n\n## Decision\n\n<!--[\s\S]*?-->\n\n## Consequences\n\n<!--[\s\S]*?-->/,
          [
            '## Context',
            '',
            'We need to record the algorithmic decisions of this project: which model, implementation or',
            'training strategy we chose, against which criteria, among which options, and when to revisit.',
            '',
            '## Decision',
            '',
            'We will use Algorithm Decision Records, written and checked with adrkit (`adrkit new`, `adrkit lint`).',
            '',
            '## Consequences',
            '',
            'Each significant algorithmic choice gets a short record in this folder, reviewed in pull requests.',
          ].join('\n'),
        ),
      );
      ctx.io.stdout.write(`${toPosix(relative(cwd, created.path))}\n`);
    });
};
export default initCommand;
