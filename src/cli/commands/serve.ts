/** `churn serve [--port 8000] [--host 127.0.0.1] [--demo]`: the API and web app in one process, stopped gracefully. */
import type { Command } from 'commander';
import { ChurnError } from '../../errors/index.js';
import { startServer } from '../../serving/index.js';
import { action, cliConfig } from '../context.js';

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ChurnError('CHURN_ERR_PARAM', `--port must be 0–65535 (got ${text})`, { port: text });
  return n;
}

/** Registers `churn serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the prediction API (and the web app when web/dist exists)')
    .option('--port <n>', 'port (default serving.port, 8000)')
    .option('--host <addr>', 'address to bind (default serving.host, 127.0.0.1)')
    .option('--demo', 'no API keys (local only: refused on a non-loopback host)', false)
    .action(
      action(async (o: { port?: string; host?: string; demo: boolean }) => {
        const server = await startServer({
          config: cliConfig(),
          port: o.port === undefined ? undefined : port(o.port),
          host: o.host,
          demo: o.demo,
        });
        if (o.demo) console.error('\n*** DEMO MODE: no API key required. Local use only. ***\n');
        console.error(`churn serve: listening on ${server.url} (docs at ${server.url}/docs)`);
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            console.error(`churn serve: ${signal} received, finishing in-flight requests and flushing the prediction log…`);
            server.close().then(resolve, resolve);
          };
          process.once('SIGTERM', () => stop('SIGTERM'));
          process.once('SIGINT', () => stop('SIGINT'));
        });
      }),
    );
}
