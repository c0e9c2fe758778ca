import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';
import { createExclusive } from '../../workspace/atomic.js';
import { createRecordFile } from '../../workspace/create-record.js';
import { FIRST_RECORD_TITLE, renderFirstRecord } from '../../scaffold/first-record.js';
import { readRecordTemplate } from './new.js';
import { isoDay } from '../../util/dates.js';
import { toPosix } from '../../workspace/read-log.js';
import { CONFIG_FILES, loadConfig } from '../../config/load.js';

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
        const initial = { $schema: './node_modules/adrkit/schema/config.schema.json', dir: toPosix(relative(cwd, dir)), template: 'algorithm' };
        createExclusive(configPath, `${JSON.stringify(initial, null, 2)}\n`);
        ctx.io.stdout.write(`created ${relative(cwd, configPath)}\n`);
      }
      const config = await loadConfig(cwd);
      const site = config.config.site?.out ?? '_site';
      if (ignoreFolder(cwd, site)) ctx.io.stdout.write(`added ${site}/ (the built site) to .gitignore\n`);
      const records = readdirSync(dir).filter((n) => /^\d+-.*\.md$/.test(n));
      if (records.length > 0) {
        ctx.io.stdout.write(`${toPosix(relative(cwd, dir))} already holds ${records.length} record(s); nothing else to do\n`);
        return;
      }
      const template = config.config.template ?? 'algorithm';
      const source = readRecordTemplate(template);
      const created = createRecordFile(dir, FIRST_RECORD_TITLE, (number) => renderFirstRecord(template, source, number, isoDay(ctx.io.now())), { digits: config.config.digits });
      ctx.io.stdout.write(`${toPosix(relative(cwd, created.path))}\n`);
    });
};
export default initCommand;

/**
 * Adds `/<folder>/` to the `.gitignore` of `cwd` (created when absent) unless a line already
 * ignores it; keeps the file's line endings. Returns true when it wrote.
 */
function ignoreFolder(cwd: string, folder: string): boolean {
  const path = join(cwd, '.gitignore');
  const rel = toPosix(folder).replace(/^\.\//, '').replace(/\/+$/, '');
  if (!rel || rel.startsWith('..') || isAbsolute(folder)) return false;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines.some((l) => [rel, `${rel}/`, `/${rel}`, `/${rel}/`].includes(l))) return false;
  const sep = text === '' || text.endsWith('\n') ? '' : eol;
  writeFileSync(path, `${text}${sep}# adrkit build output${eol}/${rel}/${eol}`);
  return true;
}
