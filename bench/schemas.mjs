#!/usr/bin/env node
// Schema benchmark (issue 12): Avro through the schema registry, ktool against Python confluent-kafka
// (AvroSerializer / AvroDeserializer, .venv from scripts/setup.sh) on the same topic and records:
//   produce N records from JSON lines (ktool produce --value-format avro; Python's Producer + AvroSerializer)
//   consume them to JSON lines (ktool consume --json -e; Python's Consumer + AvroDeserializer + json.dumps)
// Prints wall times, records/s, the ratios and ktool's peak RSS (GNU time).
//   node bench/schemas.mjs -b HOST:PORT --registry URL [--records 1000000]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ktool = process.env.KTOOL_BIN || `${root}bin/ktool`;
const python = process.env.KTOOL_TEST_PYTHON || `${root}.venv/bin/python`;
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const broker = arg('-b', process.env.KTOOL_TEST_BOOTSTRAP);
const registry = arg('--registry', process.env.KTOOL_TEST_SCHEMA_REGISTRY);
const N = Number(arg('--records', 1_000_000));
if (!broker || !registry) throw new Error('usage: node bench/schemas.mjs -b HOST:PORT --registry URL [--records N]');

const work = mkdtempSync(join(tmpdir(), 'ktool-bench-schemas-'));
const SCHEMA = {
  type: 'record',
  name: 'Click',
  namespace: 'bench',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'user', type: 'string' },
    { name: 'page', type: 'string' },
    { name: 'ms', type: 'int' },
    { name: 'ok', type: 'boolean' },
  ],
};
writeFileSync(join(work, 'click.avsc'), JSON.stringify(SCHEMA));
const lines = [];
for (let i = 0; i < N; i++)
  lines.push(JSON.stringify({ id: i, user: `user-${i % 1000}`, page: `/p/${i % 50}`, ms: i % 5000, ok: i % 7 !== 0 }));
writeFileSync(join(work, 'clicks.jsonl'), lines.join('\n') + '\n');

const env = { ...process.env, KTOOL_SCHEMA_REGISTRY: registry, KTOOL_BROKERS: broker };
const prefix = `bench-schemas-${process.pid}`;
const topics = [`${prefix}-kt`, `${prefix}-py`];
for (const t of topics) execFileSync(ktool, ['topics', 'create', t, '-p', '1'], { env, stdio: 'ignore' });

/** Runs a command with stdin from a file and stdout to a file or /dev/null; wall seconds and peak RSS (MB). */
function timed(cmd, args, input, output = '/dev/null') {
  const rss = join(work, 'rss');
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rss, cmd, ...args], {
    env,
    stdio: [input ? openSync(input, 'r') : 'ignore', openSync(output, 'w'), 'inherit'],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  return { seconds, rssMb: Number(execFileSync('cat', [rss], { encoding: 'utf8' }).trim().split('\n').pop()) / 1024 };
}

const file = join(work, 'clicks.jsonl');
const subject = `${topics[1]}-value`;
try {
  // Python first: its serializer registers the schema under <topic>-value; ktool writes with that subject's latest.
  const pyProduce = timed(python, [join(root, 'bench/schemas.py'), 'produce', broker, registry, topics[1], join(work, 'click.avsc')], file);
  const ktProduce = timed(ktool, ['produce', topics[0], '--value-format', 'avro', '--value-subject', subject, '-q'], file);
  const ktConsume = timed(ktool, ['consume', topics[0], '--json', '-e'], undefined, join(work, 'kt.jsonl'));
  const pyConsume = timed(python, [join(root, 'bench/schemas.py'), 'consume', broker, registry, topics[0], String(N)]);
  const count = Number(
    execFileSync('wc', ['-l', join(work, 'kt.jsonl')], { encoding: 'utf8' })
      .trim()
      .split(' ')[0],
  );
  if (count !== N) throw new Error(`ktool consume wrote ${count} lines, not ${N}`);
  const rate = (t) => Math.round(N / t.seconds).toLocaleString('en');
  console.log(`records: ${N.toLocaleString('en')} Avro (${JSON.stringify(SCHEMA.fields.map((f) => f.type))})`);
  console.log(
    `produce  ktool ${ktProduce.seconds.toFixed(1)} s (${rate(ktProduce)}/s, peak RSS ${ktProduce.rssMb.toFixed(0)} MB)` +
      `  python ${pyProduce.seconds.toFixed(1)} s (${rate(pyProduce)}/s)  ratio ${(pyProduce.seconds / ktProduce.seconds).toFixed(1)}x`,
  );
  console.log(
    `consume  ktool ${ktConsume.seconds.toFixed(1)} s (${rate(ktConsume)}/s, peak RSS ${ktConsume.rssMb.toFixed(0)} MB)` +
      `  python ${pyConsume.seconds.toFixed(1)} s (${rate(pyConsume)}/s)  ratio ${(pyConsume.seconds / ktConsume.seconds).toFixed(1)}x`,
  );
} finally {
  spawnSync(ktool, ['topics', 'delete', ...topics, '--yes'], { env, stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
