import { defineConfig } from 'vitest/config';

/**
 * The fast tier (`npm run test:unit`): parsers, renderers and commands run against fakes, with no
 * broker, no JVM and no bundle. Files named *.int.test.ts (a real broker) and *.e2e.test.ts (the
 * built bin/ktool) belong to the full suite only (vitest.config.ts, `scripts/test.sh`).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts', '**/node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
    // Unit files share no state worth a fresh process each (~4 s of worker start-up saved).
    isolate: false,
    // One line per suite skipped for lack of a cluster or an opt-in (test/helpers/needs.ts).
    reporters: ['default', './test/helpers/skip-reporter.ts'],
  },
});
