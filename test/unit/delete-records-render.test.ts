import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeleteRecordsOutcome, DeleteRecordsRequest, RecordsApi } from '../../src/kafka/records-types.js';
import type { AdminApi } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };

/**
 * Partitions hold offsets 10..110 (listOffsets of the fake admin), a time finds offset 50. The
 * records API moves the low watermark to the offset asked, or fails the partitions in `failing`.
 */
function fake(failing: Record<string, string> = {}) {
  const sent: DeleteRecordsRequest[][] = [];
  const records: RecordsApi = {
    async deleteRecords(requests) {
      sent.push(requests);
      return requests.map((r): DeleteRecordsOutcome => {
        const code = failing[`${r.topic}:${r.partition}`];
        return code
          ? { topic: r.topic, partition: r.partition, errorCode: code, error: 'refused by the broker' }
          : { topic: r.topic, partition: r.partition, lowWatermark: r.offset };
      });
    },
  };
  const listOffsets: AdminApi['listOffsets'] = async (partitions, query) =>
    partitions.map((p) => ({ ...p, offset: typeof query === 'object' ? 50n : query === 'earliest' ? 10n : 110n, timestamp: -1n }));
  const deps = { kafkaFactory: fakeKafka([topic('orders', 2), topic('__consumer_offsets', 1, [1], true)], { listOffsets }, { records }) };
  return { deps, sent };
}

describe('delete-records rendering', () => {
  it('off a TTY with --yes: kafka-delete-records.sh report lines', async () => {
    const { deps, sent } = fake();
    const r = await runCli(['delete-records', 'orders', '--before', '100', '--yes'], { deps, env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('partition: orders-0\tlow_watermark: 100\npartition: orders-1\tlow_watermark: 100\n');
    expect(sent).toEqual([
      [
        { topic: 'orders', partition: 0, offset: 100n },
        { topic: 'orders', partition: 1, offset: 100n },
      ],
    ]);
  });

  it('on a TTY: asks first, stops on "n" (exit 1, nothing sent), deletes on "y"', async () => {
    const no = fake();
    const r = await runCli(['delete-records', 'orders:0', '--before', 'end'], { deps: no.deps, env, tty: true, stdin: 'n\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/delete 100 record\(s\) from orders:0 before offset 110/i);
    expect(r.stderr).toMatch(/aborted/);
    expect(no.sent).toEqual([]);
    const yes = fake();
    const ok = await runCli(['delete-records', 'orders:0', '--before', 'end'], {
      deps: yes.deps,
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      tty: true,
      stdin: 'y\n',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('partition: orders-0\tlow_watermark: 110\n');
  });

  it('needs --yes when standard input is not a terminal (exit 2, nothing sent)', async () => {
    const { deps, sent } = fake();
    const r = await runCli(['delete-records', 'orders', '--before', '100'], { deps, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect(sent).toEqual([]);
  });

  it('--json, --format yaml and --format wide: low watermark and records deleted per partition', async () => {
    const { deps } = fake();
    const json = await runCli(['delete-records', 'orders:1', '--before', '@-1h', '--yes', '--json'], { deps, env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([{ topic: 'orders', partition: 1, requestedOffset: 50, lowWatermark: 50, deleted: 40 }]);
    const yaml = await runCli(['delete-records', 'orders:0', '--before', '30', '--yes', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe('- topic: orders\n  partition: 0\n  requestedOffset: 30\n  lowWatermark: 30\n  deleted: 20\n');
    const wide = await runCli(['delete-records', 'orders:0', '--before', '30', '--yes', '--format', 'wide'], { deps, env });
    expect(wide.stdout).toBe('TOPIC   PARTITION  LOW-WATERMARK  DELETED  ERROR\norders          0             30       20\n');
  });

  it('--offset-json-file: the partitions and offsets of kafka-delete-records.sh JSON', async () => {
    const { deps, sent } = fake();
    const file = join(mkdtempSync(join(tmpdir(), 'ktool-dr-')), 'offsets.json');
    writeFileSync(
      file,
      JSON.stringify({
        partitions: [
          { topic: 'orders', partition: 1, offset: 20 },
          { topic: 'orders', partition: 0, offset: -1 },
        ],
        version: 1,
      }),
    );
    const r = await runCli(['delete-records', '--offset-json-file', file, '--yes'], { deps, env });
    expect(r.code).toBe(0);
    expect(sent).toEqual([
      [
        { topic: 'orders', partition: 1, offset: 20n },
        { topic: 'orders', partition: 0, offset: 110n },
      ],
    ]);
  });

  it('some partitions failed: the rest is printed, each failure on stderr, exit 5', async () => {
    const { deps } = fake({ 'orders:1': 'POLICY_VIOLATION' });
    const r = await runCli(['delete-records', 'orders', '--before', '100', '--yes'], { deps, env });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('partition: orders-0\tlow_watermark: 100\n');
    expect(r.stderr).toBe('error: cannot delete records from orders:1: refused by the broker (POLICY_VIOLATION)\n');
  });

  it.each([
    ['UNKNOWN_TOPIC_OR_PARTITION', 3],
    ['OFFSET_OUT_OF_RANGE', 2],
    ['KAFKA_STORAGE_ERROR', 1],
  ])('every partition failed with %s: exit %i, nothing on stdout', async (code, exit) => {
    const { deps } = fake({ 'orders:0': code });
    const r = await runCli(['delete-records', 'orders:0', '--before', '100', '--yes'], { deps, env });
    expect([r.code, r.stdout]).toEqual([exit, '']);
    expect(r.stderr).toMatch(new RegExp(`^error: cannot delete records from orders:0: refused by the broker \\(${code}\\)\\n`));
  });

  it.each([
    [
      ['orders', '--before', '200', '--yes'],
      2,
      /^error: offset 200 is beyond the end of orders:0 \(high watermark 110\)\nhint: use --before end/,
    ],
    [['nope', '--before', '1', '--yes'], 3, /^error: topic nope does not exist\n/],
    [['orders:7', '--before', '1', '--yes'], 3, /^error: topic orders has no partition 7 \(it has 2\)\n/],
    [['__consumer_offsets', '--before', '1', '--yes'], 2, /--allow-internal-topics/],
    [['orders', '--before', '1700000000000', '--yes'], 2, /beyond the end/],
    [['orders', '--before', 'soon', '--yes'], 2, /^error: --before: cannot read "soon"/],
    [['orders'], 2, /needs --before/],
  ])('%j: exit %i, nothing sent', async (args, exit, stderr) => {
    const { deps, sent } = fake();
    const r = await runCli(['delete-records', ...args], { deps, env });
    expect([r.code, r.stdout]).toEqual([exit, '']);
    expect(r.stderr).toMatch(stderr);
    expect(sent).toEqual([]);
  });
});
