/** `churn worker`: process CSV scoring jobs from the BullMQ queue (REDIS_URL) until SIGTERM/SIGINT. */
import type { Command } from 'commander';
import { startWorker } from '../../serving/index.js';
import { action, cliConfig } from '../context.js';

/** Registers `churn worker`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Process CSV scoring jobs from the Redis queue (any number of workers, on any machine)')
    .action(
      action(async () => {
        const worker = await startWorker(cliConfig());
        console.error('churn worker: waiting for jobs');
        await new Promise<void>((resolve) => {
          const stop = () => worker.close().then(resolve, resolve);
          process.once('SIGTERM', stop);
          process.once('SIGINT', stop);
        });
      }),
    );
}
