/**
 * kafka-console-producer.sh's max.block.ms (metadata-wait.ts): each record waits for its topic's
 * metadata, then fails alone with ErrorLoggingCallback's lines, or hands the rest of the input on.
 * A fake producer answers "unknown topic" until told otherwise; the clock is a counter the sleeps move.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadLines, Stop } from '../../src/commands/produce/bad-lines.js';
import { TopicMetadata, untilTopicIsThere, type LineSides } from '../../src/commands/produce/metadata-wait.js';
import { parse } from '../../src/commands/produce/produce.js';
import { applyReaderProperties, DEFAULT_LINE_FORMAT } from '../../src/commands/produce/properties.js';
import type { Source } from '../../src/commands/produce/readers.js';
import { AuthenticationError, CancelledError, ConnectionError, OperationError } from '../../src/errors.js';
import { consoleWait } from '../../src/commands/produce/console-wait.js';
import { Partitions } from '../../src/commands/produce/partitions.js';
import { fakeProducer } from '../helpers/fake-producer.js';
import { topicsNotFound } from '../../src/kafka/not-found.js';
import { serdeFor } from '../../src/serde/serde.js';

interface World {
  meta: TopicMetadata;
  log: string[];
  asked: { autoCreate?: boolean }[];
  clock: { now: number };
}

/** `appearsAt`: the clock time from which the topic is there (3 partitions); never when absent. */
function world(maxBlockMs: number, appearsAt?: number, signal = new AbortController().signal): World {
  const clock = { now: 0 };
  const log: string[] = [];
  const asked: { autoCreate?: boolean }[] = [];
  const producer = {
    partitionCount: async (_topic: string, options?: { autoCreate?: boolean }) => {
      asked.push(options ?? {});
      clock.now += 5; // a request's round trip
      if (appearsAt !== undefined && clock.now >= appearsAt) return 3;
      throw topicsNotFound(['t']);
    },
  };
  const meta = new TopicMetadata({
    producer,
    topic: 't',
    maxBlockMs,
    clientId: 'console-producer',
    log: (text) => void log.push(text),
    signal,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
  });
  return { meta, log, asked, clock };
}

const lines = (log: string[]) => log.join('').split('\n').filter(Boolean);
/** The lines without their log4j date. */
const undated = (log: string[]) => lines(log).map((l) => l.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] /, ''));

function source(text: string, chunk = 3): Source {
  return {
    name: 'stdin',
    open: () =>
      (async function* () {
        for (let i = 0; i < text.length; i += chunk) yield Buffer.from(text.slice(i, i + chunk));
      })(),
  };
}

async function readAll(s: Source): Promise<string> {
  let text = '';
  for await (const c of s.open(new AbortController().signal, false)) text += c.toString();
  return text;
}

const plain: LineSides = { line: DEFAULT_LINE_FORMAT, keySerde: serdeFor('text', 'k'), valueSerde: serdeFor('text', 'v'), fixedKey: null };
const options = (log: string[], sync = false) => ({ sync, signal: new AbortController().signal, log: (t: string) => void log.push(t) });

describe("kafka-console-producer.sh's max.block.ms: the wait for the topic's metadata", () => {
  it('asks with auto-creation allowed, backs off as the Java client (100 ms doubled to 1 s), and gives up at max.block.ms', async () => {
    const w = world(2000);
    expect(await w.meta.await()).toBeUndefined();
    expect(w.asked.every((a) => a.autoCreate === true)).toBe(true);
    // Answers at 5, 110, 315, 720, 1525, then the wait ends at 2000 (the sleep cut to what is left).
    expect(w.asked).toHaveLength(5);
    expect(w.clock.now).toBe(2000);
    expect(undated(w.log)[0]).toBe(
      'WARN [Producer clientId=console-producer] The metadata response from the cluster reported a recoverable issue with ' +
        'correlation id 1 : {t=UNKNOWN_TOPIC_OR_PARTITION} (org.apache.kafka.clients.NetworkClient)',
    );
    expect(lines(w.log)[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] WARN /);
  });

  it('gives the count once the broker has the topic (it created it)', async () => {
    const w = world(60_000, 300);
    expect(await w.meta.await()).toBe(3);
    expect(undated(w.log).map((l) => l.replace(/.*correlation id (\d+).*/, '$1'))).toEqual(['1', '2']);
  });

  it("a failed record: ErrorLoggingCallback's ERROR, the TimeoutException, its cause once an answer named the topic unknown", async () => {
    const w = world(0);
    expect(await w.meta.await()).toBeUndefined();
    expect(undated([w.meta.failed(2, 5)])).toEqual([
      'ERROR Error when sending message to topic t with key: 2 bytes, value: 5 bytes with error: ' +
        '(org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)',
      'org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 0 ms.',
      'Caused by: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.',
    ]);
    expect(undated([w.meta.failed(null, null)])[0]).toContain('with key: null, value: null with error:');
    expect(w.meta.failedSync()).toBe(
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata ' +
        'after 0 ms.\nCaused by: org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 0 ms.\n',
    );
  });

  it('a request that outlasts the wait: the record fails at max.block.ms, without a cause', async () => {
    const clock = { now: 0 };
    const meta = new TopicMetadata({
      producer: { partitionCount: () => new Promise<number>(() => undefined) },
      topic: 't',
      maxBlockMs: 50,
      clientId: 'console-producer',
      log: () => undefined,
      signal: new AbortController().signal,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
    });
    expect(await meta.await()).toBeUndefined();
    expect(meta.timeout()).toBe('org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 50 ms.\n');
  });

  it('Ctrl-C ends the wait as an interruption, not as a failed record', async () => {
    const ac = new AbortController();
    const w = world(60_000, undefined, ac.signal);
    ac.abort();
    await expect(w.meta.await()).rejects.toBeInstanceOf(CancelledError);
  });

  it("a cluster that cannot be reached is waited for too: NetworkClient's lines name each bootstrap server in turn", async () => {
    const clock = { now: 0 };
    const log: string[] = [];
    const meta = new TopicMetadata({
      producer: {
        partitionCount: async () => {
          clock.now += 5;
          throw new ConnectionError('cannot connect to 127.0.0.1:1: connection refused');
        },
      },
      topic: 't',
      maxBlockMs: 300,
      clientId: 'console-producer',
      bootstrap: ['127.0.0.1:1', 'broker.example:9092'],
      log: (text) => void log.push(text),
      signal: new AbortController().signal,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
    });
    expect(await meta.await()).toBeUndefined();
    expect(undated(log).slice(0, 4)).toEqual([
      'WARN [Producer clientId=console-producer] Connection to node -1 (/127.0.0.1:1) could not be established. Node may not be ' +
        'available. (org.apache.kafka.clients.NetworkClient)',
      'WARN [Producer clientId=console-producer] Bootstrap broker 127.0.0.1:1 (id: -1 rack: null isFenced: false) disconnected ' +
        '(org.apache.kafka.clients.NetworkClient)',
      'WARN [Producer clientId=console-producer] Connection to node -2 (broker.example:9092) could not be established. Node may not ' +
        'be available. (org.apache.kafka.clients.NetworkClient)',
      'WARN [Producer clientId=console-producer] Bootstrap broker broker.example:9092 (id: -2 rack: null isFenced: false) disconnected ' +
        '(org.apache.kafka.clients.NetworkClient)',
    ]);
    // No answer named the topic: the TimeoutException has no cause.
    expect(meta.timeout()).toBe('org.apache.kafka.common.errors.TimeoutException: Topic t not present in metadata after 300 ms.\n');
  });

  it('other errors (a refusal, a failed authentication) are not waited out', async () => {
    const meta = new TopicMetadata({
      producer: { partitionCount: async () => Promise.reject(new AuthenticationError('denied')) },
      bootstrap: ['h:1'],
      topic: 't',
      maxBlockMs: 1000,
      clientId: 'c',
      log: () => undefined,
      signal: new AbortController().signal,
    });
    await expect(meta.await()).rejects.toThrow('denied');
  });
});

describe('the input while the topic is not there', () => {
  it('each line waits and fails alone; the run reads on to the end', async () => {
    const w = world(1000);
    const log: string[] = [];
    const out = await untilTopicIsThere([source('a\nbb\r\nccc')], w.meta, plain, new BadLines('fail', () => undefined), options(log));
    expect(out).toEqual({ sources: [] });
    const errors = undated(log).filter((l) => l.startsWith('ERROR'));
    expect(errors.map((l) => l.replace(/.*value: (\d+) bytes.*/, '$1'))).toEqual(['1', '2', '3']);
    expect(w.clock.now).toBe(3000);
  });

  it('once the topic is there the rest of the input, that line first, is handed on', async () => {
    const w = world(1000, 1500);
    const log: string[] = [];
    const more = source('x\n');
    const out = await untilTopicIsThere([source('a\nbb\nccc\n'), more], w.meta, plain, new BadLines('fail', () => undefined), options(log));
    expect(out.count).toBe(3);
    expect(out.sources).toHaveLength(2);
    expect(await readAll(out.sources[0])).toBe('bb\nccc\n');
    expect(out.sources[1]).toBe(more);
    expect(undated(log).filter((l) => l.startsWith('ERROR'))).toHaveLength(1);
  });

  it('keys and null values as the reader parses them; bad lines go to --on-error without a wait', async () => {
    const w = world(10);
    const log: string[] = [];
    const keyed: LineSides = {
      ...plain,
      line: applyReaderProperties(['parse.key=true', 'key.separator=:', 'null.marker=NULL']),
    };
    const warned: string[] = [];
    const out = await untilTopicIsThere(
      [source('k1:v\nnokey\nk:NULL\n')],
      w.meta,
      keyed,
      new BadLines('skip', (m) => warned.push(m)),
      options(log),
    );
    expect(out.sources).toEqual([]);
    const errors = undated(log).filter((l) => l.startsWith('ERROR'));
    expect(errors.map((l) => /with key: (.*) with error/.exec(l)![1])).toEqual(['2 bytes, value: 1 bytes', '1 bytes, value: null']);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^line 2: /);
    await expect(
      untilTopicIsThere([source('nokey\n')], world(10).meta, keyed, new BadLines('fail', () => undefined), options([])),
    ).rejects.toBeInstanceOf(Stop);
  });

  it('--sync: the first failed record ends the run with 1, nothing more read', async () => {
    const w = world(100);
    const log: string[] = [];
    const out = await untilTopicIsThere([source('a\nb\n')], w.meta, plain, new BadLines('fail', () => undefined), options(log, true));
    expect(out).toEqual({ sources: [], exitCode: 1 });
    expect(lines(log).filter((l) => l.startsWith('java.util.concurrent.ExecutionException'))).toHaveLength(1);
    expect(lines(log).some((l) => l.includes('ERROR'))).toBe(false);
  });

  it('an empty input asks nothing', async () => {
    const w = world(100);
    expect(await untilTopicIsThere([source('')], w.meta, plain, new BadLines('fail', () => undefined), options([]))).toEqual({
      sources: [],
    });
    expect(w.asked).toEqual([]);
  });
});

describe('--max-block-ms and max.block.ms on the command line', () => {
  it('the console spelling waits 60 s by default; the flag wins over --command-property, which wins over the file', () => {
    expect(parse([], { topic: 't' } as never).console).toEqual({ maxBlockMs: 60_000, sync: false });
    expect(parse([], { topic: 't', sync: true, maxBlockMs: '2000', commandProperty: ['max.block.ms=5'] } as never).console).toEqual({
      maxBlockMs: 2000,
      sync: true,
    });
    const props = ['acks=1', 'max.block.ms=5'];
    const o = parse([], { topic: 't', commandProperty: props } as never);
    expect(o.console?.maxBlockMs).toBe(5);
    // Taken out of the -X items: the native producer has no such setting.
    expect(props).toEqual(['acks=1']);
    expect(o.producer.acks).toBe(1);
  });

  it("max.block.ms in the properties file, under the flags; known to the file's reader", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ktool-max-block-')), 'p.properties');
    writeFileSync(path, 'max.block.ms=1500\nacks=1\n');
    const flags = { topic: 't', commandConfig: path } as {
      topic: string;
      commandConfig: string;
      commandConfigKeys?: (k: string) => boolean;
    };
    const o = parse([], flags as never);
    expect(o.console?.maxBlockMs).toBe(1500);
    expect(o.producer.acks).toBe(1);
    expect(flags.commandConfigKeys?.('max.block.ms')).toBe(true);
    expect(parse([], { topic: 't', commandConfig: path, commandProperty: ['max.block.ms=9'] } as never).console?.maxBlockMs).toBe(9);
  });

  it('ktool produce TOPIC has no such wait: --max-block-ms there is a usage error, -X max.block.ms an unsupported setting', () => {
    expect(parse(['t'], {} as never).console).toBeUndefined();
    expect(() => parse(['t'], { maxBlockMs: '5' } as never)).toThrow(/--max-block-ms is kafka-console-producer.sh's/);
    expect(() => parse(['t'], { producerProperty: ['max.block.ms=1'] } as never)).toThrow(/unsupported producer setting/);
    expect(() => parse([], { topic: 't', maxBlockMs: '-1' } as never)).toThrow(/--max-block-ms must be a whole number/);
  });
});

describe('consoleWait: the start of the console spelling', () => {
  const io = () => {
    const err: string[] = [];
    return { err, ctx: { io: { stderr: { write: (t: string) => err.push(t) }, signal: new AbortController().signal } } as never };
  };
  const options = (topic: string) => parse([], { topic } as never) as ReturnType<typeof parse> & { topic: string };

  it('a topic that is there: one request, the input untouched', async () => {
    const producer = fakeProducer({ t: 4 });
    const { err, ctx } = io();
    const input = [source('a\n')];
    const partitions = new Partitions(producer, undefined);
    const out = await consoleWait(
      options('t'),
      { maxBlockMs: 10, sync: false },
      {
        producer,
        partitions,
        badLines: new BadLines('fail', () => undefined),
        sources: input,
        typed: undefined,
        bootstrap: ['h:1'],
        ctx,
      },
    );
    expect(out.count).toBe(4);
    expect(out.sources).toBe(input);
    expect(partitions.known('t')).toBe(4);
    expect(err).toEqual([]);
  });

  it("another error on the first request (a leader moving) is asked again with the client's retries", async () => {
    let failures = 1;
    const producer = fakeProducer(
      { t: 2 },
      { failMetadata: () => (failures-- > 0 ? new OperationError('leader not available') : undefined) },
    );
    const { ctx } = io();
    const partitions = new Partitions(producer, undefined);
    const parts = { producer, partitions, badLines: new BadLines('fail', () => undefined), typed: undefined, bootstrap: ['h:1'], ctx };
    const out = await consoleWait(options('t'), { maxBlockMs: 10, sync: false }, { ...parts, sources: [source('a\n')] });
    expect(out.count).toBe(2);
  });

  it('a missing topic: the lines wait and fail, nothing is left to send', async () => {
    const producer = fakeProducer({});
    const { err, ctx } = io();
    const partitions = new Partitions(producer, undefined);
    const parts = { producer, partitions, badLines: new BadLines('fail', () => undefined), typed: undefined, bootstrap: ['h:1'], ctx };
    const out = await consoleWait(options('nope'), { maxBlockMs: 20, sync: false }, { ...parts, sources: [source('a\n')] });
    expect(out).toEqual({ sources: [] });
    expect(err.join('')).toContain('TimeoutException: Topic nope not present in metadata after 20 ms.');
  });
});
