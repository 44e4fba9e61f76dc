import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { deleteRetrying, parseDeleteRecordsJson, type Clock } from '../../src/dropin/delete-records.js';
import type { DeleteRecordsRequest, RecordsApi } from '../../src/kafka/records-types.js';
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

describe("kafka-delete-records.sh's retries, as the admin client's", () => {
  const frozen = (): Clock & { t: number; sleeps: number[] } => {
    const c = {
      t: 1000,
      sleeps: [] as number[],
      now: () => c.t,
      sleep: async (ms: number) => {
        c.sleeps.push(ms);
        c.t += ms;
      },
    };
    return c;
  };
  const req = (topic: string): DeleteRecordsRequest => ({ topic, partition: 0, offset: 1n });

  it('an unknown partition is asked again (100 ms doubling to 1 s) until default.api.timeout.ms, then TimeoutException', async () => {
    const asked: string[][] = [];
    const api: RecordsApi = {
      deleteRecords: async (rs) => {
        asked.push(rs.map((r) => r.topic));
        return rs.map((r) => (r.topic === 'gone' ? { ...r, errorCode: 'UNKNOWN_TOPIC_OR_PARTITION' } : { ...r, lowWatermark: 1n }));
      },
    };
    const clock = frozen();
    const result = await deleteRetrying(api, [req('here'), req('gone')], 3000, clock);
    expect(result.get('here-0')).toMatchObject({ lowWatermark: 1n });
    // 100 + 200 + 400 + 800 + 1000 = 2500 ms, then the last 500 ms to the deadline.
    expect(clock.sleeps).toEqual([100, 200, 400, 800, 1000, 500]);
    expect(asked).toEqual([['here', 'gone'], ['gone'], ['gone'], ['gone'], ['gone'], ['gone']]);
    expect(result.get('gone-0')).toBe(
      'TimeoutException: Call(callName=deleteRecords(api=METADATA), deadlineMs=4000, tries=6, nextAllowedTryMs=5000) ' +
        'timed out at 4000 after 6 attempt(s)',
    );
  });

  it('a partition that appears meanwhile is deleted; an error the admin client does not retry is kept at once', async () => {
    let calls = 0;
    const api: RecordsApi = {
      deleteRecords: async (rs) =>
        rs.map((r) =>
          r.topic === 'late'
            ? ++calls < 3
              ? { ...r, errorCode: 'LEADER_NOT_AVAILABLE' }
              : { ...r, lowWatermark: 1n }
            : { ...r, errorCode: 'OFFSET_OUT_OF_RANGE' },
        ),
    };
    const clock = frozen();
    const result = await deleteRetrying(api, [req('late'), req('beyond')], 60_000, clock);
    expect(result.get('late-0')).toMatchObject({ lowWatermark: 1n });
    expect(result.get('beyond-0')).toMatchObject({ errorCode: 'OFFSET_OUT_OF_RANGE' });
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('Ctrl-C during the retries ends them: interrupted (exit 130), not a wait to the 60 s deadline', async () => {
    const api: RecordsApi = { deleteRecords: async (rs) => rs.map((r) => ({ ...r, errorCode: 'UNKNOWN_TOPIC_OR_PARTITION' })) };
    const ctrlC = new AbortController();
    const clock = frozen();
    const sleep = clock.sleep;
    clock.sleep = async (ms) => {
      await sleep(ms);
      if (clock.sleeps.length === 2) ctrlC.abort();
    };
    await expect(deleteRetrying(api, [req('gone')], 60_000, clock, ctrlC.signal)).rejects.toBeInstanceOf(CancelledError);
    expect(clock.sleeps).toEqual([100, 200]);
  });
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
