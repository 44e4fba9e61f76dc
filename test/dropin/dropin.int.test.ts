import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../helpers/needs.js';
import { SCRIPTS } from './cases.js';
import { runDifferential, type Compared } from './run.js';

// KTOOL_DROPIN_ONLY=kafka-configs.sh,...: only these scripts' tables (working on one script). The
// three-node scripts (kafka-reassign-partitions.sh ...) need KTOOL_TEST_BOOTSTRAP_3, which the test set-up starts.
const ONLY = process.env.KTOOL_DROPIN_ONLY?.split(',');
const SELECTED = SCRIPTS.filter(
  (s) =>
    (!ONLY || ONLY.includes(s.script)) &&
    (s.cluster !== 'three' || process.env.KTOOL_TEST_BOOTSTRAP_3) &&
    (s.cluster !== 'sasl' || process.env.KTOOL_TEST_SASL_BOOTSTRAP) &&
    (s.cluster !== 'sasl-plaintext' || process.env.KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP),
);

describe('drop-in: kafka-*.sh spellings against Kafka tool classes', needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_KAFKA_LIBS'), () => {
  let results: Compared[] = [];
  beforeAll(async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'ktool-dropin-')), 'config.yaml');
    results = await runDifferential(SELECTED, { KTOOL_CONFIG: config });
    // KTOOL_DROPIN_DUMP=file: both sides of every invocation, for working on a script.
    if (process.env.KTOOL_DROPIN_DUMP) {
      const dump = results.map((r) => ({ ...r, script: r.script.script, args: r.script.cases[r.index].args }));
      writeFileSync(
        process.env.KTOOL_DROPIN_DUMP,
        JSON.stringify(dump, (k, v) => (k === 'script' && typeof v === 'object' ? undefined : v), 1),
      );
    }
  }, 600_000);

  for (const script of SELECTED) {
    describe(script.script, () => {
      script.cases.forEach((c, i) => {
        it(`${c.args.join(' ')}${c.stdin === undefined ? '' : ' < input'}`, () => {
          const r = results.find((x) => x.script === script && x.index === i);
          expect(r, 'harness ran').toBeDefined();
          const differs = c.differs?.fields ?? [];
          const same = (o: Compared['kafka']) => ({ ...o, ...Object.fromEntries(differs.map((f) => [f, 'compared apart'])) });
          expect(same(r!.ktool)).toEqual(same(r!.kafka));
          // A known difference fixed: take it out of the table (and regenerate README's).
          for (const f of differs) expect(r!.ktool[f], `${f} now matches: drop it from differs`).not.toEqual(r!.kafka[f]);
        });
      });
    });
  }
});
