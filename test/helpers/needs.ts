import type { TestOptions } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** What a suite needs that this run lacks (env vars naming a cluster ...): it was skipped. */
    needs?: string;
  }
}

/**
 * Options for a suite (or test) that needs a cluster or an opt-in the run may not have:
 * `describe('SASL connections', needs('KTOOL_TEST_SASL_BOOTSTRAP'), () => ...)`. When a variable is
 * unset the suite is skipped and test/helpers/skip-reporter.ts says so in one line (which suite,
 * what it needs), not once per test.
 */
export function needs(...vars: string[]): TestOptions {
  const missing = vars.filter((v) => !process.env[v]);
  return missing.length ? { skip: true, meta: { needs: missing.join(' and ') } } : {};
}
