import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The compatibility suite (test/compat/: six brokers one after another, the longest file by far) starts
 * first. Vitest runs the files that took longest last time first, but on a machine without its cache (CI)
 * it goes by file size, and the small compat file started last added its whole length to the run.
 */
class CompatFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (f.moduleId.includes('/test/compat/') ? 0 : 1);
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: CompatFirst },
    // One line per suite skipped for lack of a cluster or an opt-in (test/helpers/needs.ts).
    reporters: ['default', './test/helpers/skip-reporter.ts'],
  },
});
