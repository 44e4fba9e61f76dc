/**
 * The differential harness's cases for kafka-delete-records.sh (DeleteRecordsCommand): cuts from a
 * JSON file (offset -1 is the high watermark), the errors of the file and of a partition, the
 * resulting log start offsets compared as the cluster state.
 */
import type { Script } from './cases.js';

const B = 'B';
const offsets = (partitions: [string, number, number][]) =>
  JSON.stringify({ partitions: partitions.map(([topic, partition, offset]) => ({ topic, partition, offset })), version: 1 });

export const DELETE_RECORDS: Script = {
  script: 'kafka-delete-records.sh',
  helpFlags: ['bootstrap-server', 'command-config', 'help', 'offset-json-file', 'version'],
  mainClass: 'org.apache.kafka.tools.DeleteRecordsCommand',
  noun: ['delete-records'],
  files: {
    // A shared topic, cut by both sides: idempotent (a second cut to the same offsets prints the same low watermarks).
    cut: offsets([
      ['{=dr1}', 0, 1],
      ['{=dr1}', 1, -1],
      ['{=dr1}', 2, 0],
    ]),
    cutOwn: offsets([['{dr3}', 0, -1]]),
    beyond: offsets([['{dr2}', 0, 100]]),
    dup: offsets([
      ['{dr2}', 0, 1],
      ['{dr2}', 0, 2],
    ]),
    bad: 'not json',
    empty: JSON.stringify({ partitions: [], version: 1 }),
    noVersion: JSON.stringify({ partitions: [{ topic: '{dr2}', partition: 0, offset: 2 }] }),
    v2: JSON.stringify({ partitions: [], version: 2 }),
    nope: offsets([['{nope}', 0, 1]]),
    // The admin client retries an unknown partition's metadata until this timeout (60 s by default).
    short: 'default.api.timeout.ms=3000\nrequest.timeout.ms=3000\n',
    props: 'client.id=dropin-delete-records\n',
  },
  setup: [
    { args: ['topics', 'create', '{=dr1}', '-p', '3'] },
    { args: ['topics', 'create', '{dr2}', '{dr3}'] },
    { args: ['produce', '{=dr1}', '--key-separator', ':'], stdin: 'k1:a\nk2:b\nk3:c\nk4:d\nk5:e\nk6:f\nk7:g\nk8:h\n' },
    { args: ['produce', '{dr2}'], stdin: 'a\nb\nc\nd\n' },
    { args: ['produce', '{dr3}'], stdin: 'a\nb\nc\n' },
  ],
  cases: [
    {
      args: ['--bootstrap-server', B, '--offset-json-file', '@cut', '--command-config', '@props'],
      normalize: ['partition-lines'],
      state: [['offsets', '{=dr1}', '--time', 'earliest']],
    },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@cutOwn'], state: [['offsets', '{dr3}', '--time', 'earliest']] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@beyond'], state: [['offsets', '{dr2}', '--time', 'earliest']] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@dup'] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@bad'] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@empty'] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@v2'] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@noVersion'], state: [['offsets', '{dr2}', '--time', 'earliest']] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@missing'] },
    // A partition that does not exist: both retry until default.api.timeout.ms (3 s here), then the admin
    // client's TimeoutException, whose deadline, tries and times are the run's (numbers normalised), in
    // one of its two wordings (admin-timeout).
    {
      args: ['--bootstrap-server', B, '--offset-json-file', '@nope', '--command-config', '@short'],
      normalize: ['numbers', 'admin-timeout'],
    },
    { args: ['--bootstrap-server', B] },
    { args: ['--bootstrap-server', B, '--offset-json-file', '@cut', '--bogus'] },
  ],
};
