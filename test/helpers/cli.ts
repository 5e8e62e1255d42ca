/** Runs `churn` commands in-process for tests: captures console output and the exit code without exiting. */
import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliResult {
  out: string;
  err: string;
  code: number;
}

/** A `churn(...args)` runner over a program holding just the given command registrations. */
export function cliRunner(...registrations: ((program: Command) => void)[]) {
  return async (...args: string[]): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...m) => void out.push(m.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...m) => void err.push(m.join(' ')));
    // Progress lines and alert log lines go to stderr directly; keep them out of the test output.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.exitCode = 0;
    try {
      const program = new Command().exitOverride();
      for (const register of registrations) register(program);
      await program.parseAsync(['node', 'churn', ...args]);
    } finally {
      log.mockRestore();
      error.mockRestore();
      stderr.mockRestore();
    }
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { out: out.join('\n'), err: err.join('\n'), code };
  };
}
