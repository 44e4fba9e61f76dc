import type { Reporter, TestCase, TestCollection, TestModule, TestSuite } from 'vitest/node';

/**
 * One line per suite (or test) skipped for lack of a cluster or an opt-in (test/helpers/needs.ts),
 * printed after the summary, instead of nothing but a count:
 *
 *   skipped: test/integration/sasl.int.test.ts > SASL connections (12 tests): needs KTOOL_TEST_SASL_BOOTSTRAP
 */
export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines = modules.flatMap((module) => skippedFor(module.children).map((line) => `skipped: ${module.relativeModuleId} > ${line}`));
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  }
}

/** The outermost skipped suites and tests that say what they need (their children inherit it). */
function skippedFor(children: TestCollection): string[] {
  return [...children].flatMap((child: TestSuite | TestCase) => {
    const needs = child.meta().needs;
    const skipped = child.type === 'suite' ? child.state() === 'skipped' : child.result().state === 'skipped';
    if (needs && skipped)
      return [
        child.type === 'suite'
          ? `${child.fullName} (${[...child.children.allTests()].length} tests): needs ${needs}`
          : `${child.fullName}: needs ${needs}`,
      ];
    return child.type === 'suite' ? skippedFor(child.children) : [];
  });
}
