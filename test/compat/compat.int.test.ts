/**
 * Compatibility suite (issue 15): every command's smoke run against a one-node KRaft cluster of
 * each Kafka line users run, one cluster at a time (names ktool-test-PID-compat-VERSION, so a killed
 * run's clusters are stopped by the next run's global setup; stopped and deleted after each version,
 * even when it fails; jars fetched once into the cache). Part of the default run: ~1 min per version.
 * Every row must be ok, or, where the broker is too old (expectedNeeds), one line naming the Kafka
 * release needed. Writes docs/compat.md and fails when the committed one differs (commit the new one).
 * KTOOL_COMPAT_VERSIONS=3.9.2,4.4.0 runs a subset (and leaves docs/compat.md alone).
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';
import { compatMarkdown, expectedNeeds, runStep, smokeSteps, type Outcome } from './smoke.js';

export const COMPAT_VERSIONS = ['3.3.2', '3.6.2', '3.9.2', '4.0.2', '4.3.1', '4.4.0'];
const subset = process.env.KTOOL_COMPAT_VERSIONS;
const chosen = subset ? subset.split(',') : COMPAT_VERSIONS;
const DOC = new URL('../../docs/compat.md', import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'ktool-compat-'));
const env = {
  KTOOL_CONFIG: join(scratch, 'config.yaml'),
  KTOOL_BROKERS: undefined,
  // A smoke run needs little heap: 512 MB at most keeps this broker small beside the suite's own
  // clusters (768 MB each) while other test files run in parallel (vitest.config.ts: 2 workers).
  KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
  // C1 only and the serial collector: the broker starts in about half the time on a busy two-core
  // machine (20-25 s against 41-53 s for 4.4.0 at a load of 33-39), with fewer threads beside the suite.
  KAFKA_JVM_PERFORMANCE_OPTS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true',
  // A busy machine: start-up may take longer than ktool's default two minutes.
  KTOOL_LOCAL_START_TIMEOUT_MS: '240000',
};
const rows = new Map<string, Map<string, Outcome>>();
const timings: string[] = [];
const prefix = process.env.KTOOL_TEST_CLUSTER_PREFIX ?? `ktool-test-${process.pid}`;
const clusterName = (version: string) => `${prefix}-compat-${version}`;
const undeleted = new Set<string>();

async function deleteCluster(name: string): Promise<void> {
  const r = await spawnKtool(['local', 'delete', name, '--stop', '--yes'], { env, timeoutMs: 90_000 });
  if (r.code === 0 || r.code === 3) undeleted.delete(name);
}

afterAll(async () => {
  // A version whose test timed out may still hold its broker: stop and delete it.
  for (const name of undeleted) await deleteCluster(name);
  rmSync(scratch, { recursive: true, force: true });
  if (timings.length) console.log(`compat timings: ${timings.join(', ')}`);
}, 300_000);

/** Each row's outcome must be ok, or `needs` naming the release expectedNeeds gives for it. */
function unexpected(version: string, outcomes: [string, Outcome][]): string[] {
  const needs = expectedNeeds(version);
  return outcomes.flatMap(([name, o]) => {
    const want = needs.get(name);
    if (want === undefined ? o.kind === 'ok' : o.kind === 'needs' && o.version === want) return [];
    const got = o.kind === 'ok' ? 'ok' : o.line;
    return [`${name}: ${want === undefined ? 'expected ok' : `expected "needs Kafka ${want}+" in one line`}, got ${got}`];
  });
}

describe('compatibility: every command against each Kafka release', () => {
  it.each(chosen)(
    'Kafka %s: every command works, or says in one line which Kafka it needs (never a protocol error or a hang)',
    async (version) => {
      const started = Date.now();
      const name = clusterName(version);
      const outcomes: [string, Outcome][] = [];
      // Where the time went (ms), for the log: the slowest steps.
      const steps: string[] = [];
      undeleted.add(name);
      try {
        const start = await spawnKtool(
          // --sasl: the authorizer, for the acls rows.
          ['local', 'start', '--name', name, '--kafka-version', version, '--fresh', '--sasl', '--json'],
          { env, timeoutMs: 280_000 },
        );
        expect(start.code, start.stderr).toBe(0);
        const { bootstrap } = JSON.parse(start.stdout) as { bootstrap: string };
        let stepStarted = Date.now();
        steps.push(`start ${start.ms}`);
        for (const step of smokeSteps(bootstrap, uniqueName('compat'))) {
          const outcome = await runStep(step, env);
          steps.push(`${step.name} ${Date.now() - stepStarted}`);
          stepStarted = Date.now();
          outcomes.push([step.name, outcome]);
          if (!rows.has(step.name)) rows.set(step.name, new Map());
          rows.get(step.name)!.set(version, outcome);
        }
      } finally {
        const deleting = Date.now();
        await deleteCluster(name);
        steps.push(`delete ${Date.now() - deleting}`);
        timings.push(`${version} ${Math.round((Date.now() - started) / 1000)}s`);
        console.log(`compat ${version} steps (ms): ${steps.join(', ')}`);
      }
      expect(unexpected(version, outcomes)).toEqual([]);
    },
    400_000,
  );

  it.skipIf(subset)('docs/compat.md is the table this run produced (else it is rewritten: commit it)', () => {
    const table = compatMarkdown(chosen, rows);
    const committed = readFileSync(DOC, 'utf8');
    if (committed !== table) writeFileSync(DOC, table);
    expect(committed, 'docs/compat.md was stale and has been rewritten: commit it').toBe(table);
  });
});
