import type { CommandModule } from '../context.js';
import { AdrkitError } from '../../model/errors.js';

const buildCommand: CommandModule = (program) => {
  program
    .command('build')
    .description('generate the static decision-log site')
    .option('-d, --dir <dir>', 'decision log folder')
    .option('--out <dir>', 'output folder')
    .action(async () => {
      throw new AdrkitError('internal', 'build is not implemented yet');
    });
};
export default buildCommand;
