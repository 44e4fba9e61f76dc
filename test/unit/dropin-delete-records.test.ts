import { describe, expect, it } from 'vitest';
import { parseDeleteRecordsJson } from '../../src/dropin/delete-records.js';
import { logDirsJson } from '../../src/dropin/log-dirs.js';

describe("kafka-delete-records.sh's offset file, read as DeleteRecordsCommand reads it", () => {
  it('version 1 by default, -1 kept (the high watermark), a partition listed twice kept twice', () => {
    expect(
      parseDeleteRecordsJson('{"partitions":[{"topic":"t","partition":0,"offset":-1},{"topic":"t","partition":0,"offset":2}]}'),
    ).toEqual([{ topic: 't', partition: 0, offsets: [-1n, 2n] }]);
    expect(parseDeleteRecordsJson('{"partitions":[{"topic":"t","partition":1,"offset":12345678901234567}],"version":1}')).toEqual([
      { topic: 't', partition: 1, offsets: [12345678901234567n] },
    ]);
  });

  it.each([
    ['not json', 'The input string is not a valid JSON'],
    ['{"version":2,"partitions":[]}', 'Not supported version field value 2'],
    ['{"version":1}', 'Missing partitions field'],
  ])('%s: %s', (text, message) => expect(() => parseDeleteRecordsJson(text)).toThrow(message));
});

describe("kafka-log-dirs.sh's JSON, as Jackson writes LogDirsCommand's HashMaps", () => {
  it('keys in their Java order, partitions as t-p, an offline dir named by its exception class', () => {
    const dirs = [
      {
        broker: 1,
        logDir: '/d',
        error: null,
        totalBytes: 1,
        usableBytes: 1,
        partitions: [{ topic: 't', partition: 0, size: 5, offsetLag: 0, isFuture: false }],
      },
      { broker: 2, logDir: '/e', error: 'KAFKA_STORAGE_ERROR', totalBytes: -1, usableBytes: -1, partitions: [] },
    ];
    expect(logDirsJson(dirs, [1, 2], new Set())).toBe(
      '{"brokers":[{"broker":1,"logDirs":[{"partitions":[{"partition":"t-0","size":5,"offsetLag":0,"isFuture":false}],' +
        '"error":null,"logDir":"/d"}]},{"broker":2,"logDirs":[{"partitions":[],' +
        '"error":"org.apache.kafka.common.errors.KafkaStorageException","logDir":"/e"}]}],"version":1}',
    );
    expect(logDirsJson(dirs, [1], new Set(['other']))).toBe(
      '{"brokers":[{"broker":1,"logDirs":[{"partitions":[],"error":null,"logDir":"/d"}]}],"version":1}',
    );
  });
});
