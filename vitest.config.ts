import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only thrash; PostgreSQL tests use per-file schemas so files may run in parallel.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
