/**
 * kafka-console-producer.sh's spelling against the broker: send() waits for the topic's metadata up to
 * max.block.ms, the missing topic asked for as the Java producer asks (auto-creation allowed: the test
 * broker's auto.create.topics.enable is Kafka's default, true). A name that collides with an existing
 * topic's (`a.b` / `a_b`) is one the broker cannot create: each record waits, then fails alone.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

const values = (t: string) =>
  execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-f', '%s\n'], { encoding: 'utf8', timeout: 30_000 })
    .split('\n')
    .filter(Boolean);

/** The log lines without their date (the local clock's). */
const undated = (stderr: string) =>
  stderr
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] /, ''));

describe("produce --topic: kafka-console-producer.sh's max.block.ms", () => {
  it('a missing topic is created by the broker on the metadata request, as for the Java producer', async () => {
    const t = uniqueName('maxblock-auto');
    created.push(t);
    const r = await runCli(['produce', '--topic', t, '--max-block-ms', '30000'], { stdin: 'a\nb\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(undated(r.stderr)[0]).toBe(
      'WARN [Producer clientId=console-producer] The metadata response from the cluster reported a recoverable issue with ' +
        `correlation id 1 : {${t}=UNKNOWN_TOPIC_OR_PARTITION} (org.apache.kafka.clients.NetworkClient)`,
    );
    expect(await pollUntil(() => (values(t).length === 2 ? values(t) : undefined), { what: `2 records in ${t}` })).toEqual(['a', 'b']);
  });

  it('a topic the broker cannot create: each record fails after --max-block-ms, the run goes on and ends 0', async () => {
    const base = uniqueName('maxblock-coll');
    const existing = `${base}.x`;
    created.push(existing);
    expect((await runCli(['topics', 'create', existing])).code).toBe(0);
    const t = `${base}_x`;
    const r = await runCli(['produce', '--topic', t, '--max-block-ms', '800', '--property', 'parse.key=true'], {
      stdin: 'k1\tv\nk22\tvalue\n',
    });
    expect(r.code, r.stderr).toBe(0);
    const errors = undated(r.stderr).filter((l) => !l.startsWith('WARN '));
    expect(errors).toEqual(
      [
        ['2 bytes', '1 bytes'],
        ['3 bytes', '5 bytes'],
      ].flatMap(([key, value]) => [
        `ERROR Error when sending message to topic ${t} with key: ${key}, value: ${value} with error: ` +
          '(org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)',
        `org.apache.kafka.common.errors.TimeoutException: Topic ${t} not present in metadata after 800 ms.`,
        'Caused by: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.',
      ]),
    );
    expect((await runCli(['topics', 'describe', t])).code).toBe(3);
  });

  it('--sync: the first failed record ends the run with 1', async () => {
    const base = uniqueName('maxblock-sync');
    created.push(`${base}.x`);
    expect((await runCli(['topics', 'create', `${base}.x`])).code).toBe(0);
    const r = await runCli(['produce', '--topic', `${base}_x`, '--max-block-ms', '300', '--sync'], { stdin: 'a\nb\n' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('java.util.concurrent.ExecutionException: '))).toEqual([
      `java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TimeoutException: Topic ${base}_x not present ` +
        'in metadata after 300 ms.',
    ]);
  });

  it('a cluster that cannot be reached: the same wait per record, exit 0 (ktool produce TOPIC ends with 4 at once)', async () => {
    const r = await runCli(['produce', '--bootstrap-server', '127.0.0.1:1', '--topic', 't', '--max-block-ms', '200'], { stdin: 'a\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(undated(r.stderr)[0]).toMatch(
      /^WARN \[Producer clientId=console-producer\] Connection to node -1 \(\/127\.0\.0\.1:1\) could not/,
    );
    expect(undated(r.stderr).filter((l) => l.startsWith('org.apache'))).toEqual([
      'org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 200 ms.',
    ]);
    expect((await runCli(['produce', '--bootstrap-server', '127.0.0.1:1', 't'], { stdin: 'a\n' })).code).toBe(4);
  });

  it('ktool produce TOPIC (its own spelling) still refuses a missing topic at once and creates nothing', async () => {
    const t = uniqueName('maxblock-native');
    const r = await runCli(['produce', t], { stdin: 'a\n' });
    expect(r.code).toBe(3);
    expect((await runCli(['topics', 'describe', t])).code).toBe(3);
  });
});
