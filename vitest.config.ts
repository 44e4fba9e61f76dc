import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 120_000,
    pool: 'forks',
    // Two cores and JVM brokers: a few files at a time keeps timings honest.
    maxWorkers: 2,
    // One line per suite skipped for lack of a cluster or an opt-in (test/helpers/needs.ts).
    reporters: ['default', './test/helpers/skip-reporter.ts'],
  },
});
