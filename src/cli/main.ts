/** The `churn` command line: a thin shell over the layers; each command group lives in commands/. */
import { Command } from 'commander';
import { commandRegistrations } from './commands/index.js';
import { reportError } from './context.js';

const program = new Command()
  .name('churn')
  .description('churnlab: churn prediction and retention analytics for subscription businesses')
  .version('0.1.0')
  .showHelpAfterError();

for (const register of commandRegistrations) register(program);

program.parseAsync(process.argv).catch(reportError);
