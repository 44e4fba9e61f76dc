/**
 * Compatibility suite (issue 15): every command's smoke run against a one-node KRaft cluster of
 * each Kafka line users run, one cluster at a time (own names compat-VERSION, deleted after; jars
 * fetched once into the cache). Writes docs/compat.md. Opt-in (KTOOL_COMPAT=1) until the group
 * consume rows pass: see docs/compat.md's failures. KTOOL_COMPAT_VERSIONS=3.9.2,4.4.0 runs a subset.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';
import { compatMarkdown, runStep, smokeSteps, type Outcome } from './smoke.js';
import { needs } from '../helpers/needs.js';

export const COMPAT_VERSIONS = ['3.3.2', '3.6.2', '3.9.2', '4.0.2', '4.3.1', '4.4.0'];
const chosen = process.env.KTOOL_COMPAT_VERSIONS ? process.env.KTOOL_COMPAT_VERSIONS.split(',') : COMPAT_VERSIONS;
const scratch = mkdtempSync(join(tmpdir(), 'ktool-compat-'));
const env = { KTOOL_CONFIG: join(scratch, 'config.yaml'), KTOOL_BROKERS: undefined };
const rows = new Map<string, Map<string, Outcome>>();
const timings: string[] = [];

afterAll(() => {
  if (rows.size) writeFileSync(new URL('../../docs/compat.md', import.meta.url), compatMarkdown(chosen, rows));
  rmSync(scratch, { recursive: true, force: true });
  if (timings.length) console.log(`compat timings: ${timings.join(', ')}`);
});

describe('compatibility: every command against each Kafka release', needs('KTOOL_COMPAT'), () => {
  it.each(chosen)(
    'Kafka %s',
    async (version) => {
      const started = Date.now();
      const name = `compat-${version}`;
      // --sasl for the acls rows (the authorizer); its SCRAM users need 3.5+.
      const sasl = !/^3\.[0-4]\./.test(version);
      const start = await spawnKtool(
        ['local', 'start', '--name', name, '--kafka-version', version, '--fresh', ...(sasl ? ['--sasl'] : []), '--json'],
        { env, timeoutMs: 280_000 },
      );
      expect(start.code, start.stderr).toBe(0);
      const failed: string[] = [];
      try {
        const { bootstrap } = JSON.parse(start.stdout) as { bootstrap: string };
        for (const step of smokeSteps(bootstrap, uniqueName('compat'), sasl)) {
          const outcome = await runStep(step, env);
          if (!rows.has(step.name)) rows.set(step.name, new Map());
          rows.get(step.name)!.set(version, outcome);
          if (outcome.kind === 'failed') failed.push(`${step.name}: ${outcome.line}`);
        }
      } finally {
        await spawnKtool(['local', 'delete', name, '--stop', '--yes'], { env, timeoutMs: 60_000 });
        timings.push(`${version} ${Math.round((Date.now() - started) / 1000)}s`);
      }
      // Ok, or one line naming the broker version needed: never a protocol error or a hang.
      expect(failed).toEqual([]);
    },
    600_000,
  );
});
