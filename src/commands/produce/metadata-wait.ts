/**
 * kafka-console-producer.sh's send() (Kafka 4.3.1's KafkaProducer.waitOnMetadata): each record
 * waits for its topic's metadata, at most max.block.ms, asking with auto-creation allowed as the
 * Java producer's metadata requests do (the broker's auto.create.topics.enable decides whether a
 * missing topic is made). A record whose wait ends without the topic fails alone, logged as
 * ErrorLoggingCallback logs it (an ERROR line, then the TimeoutException), and the next line waits
 * in its turn; the run ends 0, as the original's. With --sync (send().get()) the first such record
 * ends the run with the ExecutionException, exit 1. Once the topic is there the rest of the input,
 * that record first, goes through the usual pipeline.
 */
import { isIP } from 'node:net';
import { AuthenticationError, CancelledError, ConnectionError, NotFoundError } from '../../errors.js';
import type { ProducerApi } from '../../kafka/producer-types.js';
import type { Serde } from '../../serde/serde.js';
import { log4jPrefix } from '../../util/log4j-prefix.js';
import { sleep as abortableSleep } from '../../util/sleep.js';
import type { BadLines } from './bad-lines.js';
import { LineError, makeLineParser, type ParsedLine } from './line-parser.js';
import type { LineFormat } from './properties.js';
import { lineAt, type Source } from './readers.js';

/** Java's max.block.ms default. */
export const DEFAULT_MAX_BLOCK_MS = 60_000;
/** The Java client's metadata retry back-off: retry.backoff.ms (100), doubled up to retry.backoff.max.ms (1000). */
const BACKOFF_MS = 100;
const BACKOFF_MAX_MS = 1000;
const LATE = Symbol('late');
/** Node's timers hold at most 2^31-1 ms (about 24.8 days; a longer delay would fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

const NETWORK_CLIENT = 'org.apache.kafka.clients.NetworkClient';
const ERROR_LOGGING_CALLBACK = 'org.apache.kafka.clients.producer.internals.ErrorLoggingCallback';
const TIMEOUT = 'org.apache.kafka.common.errors.TimeoutException';
const UNKNOWN_TOPIC = 'org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.';

export interface TopicWaitDeps {
  producer: Pick<ProducerApi, 'partitionCount'>;
  topic: string;
  maxBlockMs: number;
  /** client.id as the Java producer names itself in its log lines (console-producer by default). */
  clientId: string;
  /** The bootstrap servers (host:port), named by the lines for a cluster that cannot be reached. */
  bootstrap?: string[];
  /** Raw text on stderr. */
  log: (text: string) => void | Promise<void>;
  signal: AbortSignal;
  now?: () => number;
  /** The back-off between requests (tests move a clock with it). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** One record's wait for the topic's metadata (waitOnMetadata), with the original's log lines. */
export class TopicMetadata {
  /** The last metadata answer named the topic unknown: the TimeoutException's cause. */
  private unknown = false;
  private correlation = 0;
  /** Connection attempts so far: which bootstrap server the next one names. */
  private attempts = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly deps: TopicWaitDeps) {
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? abortableSleep;
  }

  /** The topic's partition count, or undefined when max.block.ms passed without it. */
  async await(): Promise<number | undefined> {
    const { producer, topic, maxBlockMs, signal } = this.deps;
    const deadline = this.now() + maxBlockMs;
    let backoff = BACKOFF_MS;
    for (;;) {
      // Each request within what is left of the wait (the client library retries on its own meanwhile).
      const answer = await this.within(producer.partitionCount(topic, { autoCreate: true }), deadline - this.now());
      if (signal.aborted) throw new CancelledError();
      if (answer === LATE) return undefined;
      if ('count' in answer) {
        this.unknown = false;
        return answer.count;
      }
      await this.deps.log(this.recoverable(answer.error));
      const left = deadline - this.now();
      if (left <= 0) return undefined;
      await this.sleep(Math.min(backoff, left), signal);
      if (signal.aborted) throw new CancelledError();
      if (deadline - this.now() <= 0) return undefined;
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    }
  }

  /**
   * NetworkClient's WARN lines for an answer that is waited out: the topic unknown (its cause if the
   * wait ends), or a cluster that cannot be reached (a bootstrap server each time, as the client tries
   * them). Anything else (a refusal, a failed authentication) ends the wait.
   */
  private recoverable(error: unknown): string {
    const warn = `${log4jPrefix(this.now(), 'WARN')}[Producer clientId=${this.deps.clientId}] `;
    if (error instanceof NotFoundError) {
      this.unknown = true;
      return (
        `${warn}The metadata response from the cluster reported a recoverable issue with correlation id ${++this.correlation} : ` +
        `{${this.deps.topic}=UNKNOWN_TOPIC_OR_PARTITION} (${NETWORK_CLIENT})\n`
      );
    }
    const servers = this.deps.bootstrap ?? [];
    if (!(error instanceof ConnectionError) || error instanceof AuthenticationError || servers.length === 0) throw error;
    const index = this.attempts++ % servers.length;
    const server = servers[index];
    const host = server.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    const address = isIP(host) ? `/${server}` : server;
    return (
      `${warn}Connection to node -${index + 1} (${address}) could not be established. Node may not be available. (${NETWORK_CLIENT})\n` +
      `${warn}Bootstrap broker ${server} (id: -${index + 1} rack: null isFenced: false) disconnected (${NETWORK_CLIENT})\n`
    );
  }

  /** The request's answer, or LATE when `ms` (on the real clock) passed first (its answer is then dropped). */
  private async within(request: Promise<number>, ms: number): Promise<{ count: number } | { error: unknown } | typeof LATE> {
    const { signal } = this.deps;
    const timer = new AbortController();
    const stop = () => timer.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await Promise.race([
        request.then(
          (count) => ({ count }),
          (error: unknown) => ({ error }),
        ),
        abortableSleep(Math.min(Math.max(ms, 0), MAX_TIMER_MS), timer.signal).then((): typeof LATE => LATE),
      ]);
    } finally {
      timer.abort();
      signal.removeEventListener('abort', stop);
    }
  }

  /** The TimeoutException a record failed with, as log4j prints it (an ApiException: no stack trace). */
  timeout(): string {
    return `${this.timeoutMessage()}\n${this.unknown ? `Caused by: ${UNKNOWN_TOPIC}\n` : ''}`;
  }

  private timeoutMessage(): string {
    return `${TIMEOUT}: Topic ${this.deps.topic} not present in metadata after ${this.deps.maxBlockMs} ms.`;
  }

  /** ErrorLoggingCallback's lines for a record that failed (key and value sizes in bytes, null for null). */
  failed(key: number | null, value: number | null): string {
    const size = (n: number | null) => (n === null ? 'null' : `${n} bytes`);
    return (
      `${log4jPrefix(this.now(), 'ERROR')}Error when sending message to topic ${this.deps.topic} with key: ${size(key)}, ` +
      `value: ${size(value)} with error: (${ERROR_LOGGING_CALLBACK})\n${this.timeout()}`
    );
  }

  /** --sync: send().get() threw, ConsoleProducer's main prints the ExecutionException (its stack frames left out). */
  failedSync(): string {
    const message = this.timeoutMessage();
    return `java.util.concurrent.ExecutionException: ${message}\nCaused by: ${message}\n`;
  }
}

export interface LineSides {
  line: LineFormat;
  keySerde: Serde;
  valueSerde: Serde;
  /** -k's key, encoded. */
  fixedKey: Buffer | null;
}

export interface WaitOutcome {
  /** The topic's partition count, once a record found it; absent when the input ended first. */
  count?: number;
  /** What is left to read, the record that found the topic first. */
  sources: Source[];
  /** --sync: a record failed, the run ends with 1 and nothing more is read. */
  exitCode?: 1;
}

const NL = 0x0a;

/**
 * Reads the input line by line while the topic is not there: each record waits for it (up to
 * max.block.ms), then fails or hands the rest of the input back. Bad lines go to --on-error first
 * (the original's reader fails before send()).
 */
export async function untilTopicIsThere(
  sources: Source[],
  meta: TopicMetadata,
  sides: LineSides,
  badLines: BadLines,
  options: { sync: boolean; signal: AbortSignal; log: (text: string) => void | Promise<void> },
): Promise<WaitOutcome> {
  const parse = makeLineParser(sides.line, sides.keySerde, sides.valueSerde);
  const out: ParsedLine = { key: undefined, value: null, headers: undefined };
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s];
    const chunks = source.open(options.signal, false)[Symbol.asyncIterator]();
    let pending = Buffer.alloc(0);
    let lineNo = 0;
    for (;;) {
      let nl = pending.indexOf(NL);
      if (nl === -1) {
        const next = await chunks.next();
        if (!next.done) {
          pending = Buffer.concat([pending, typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value]);
          continue;
        }
        if (pending.length === 0) break;
        nl = pending.length;
      }
      const end = nl > 0 && pending[nl - 1] === 0x0d ? nl - 1 : nl;
      lineNo++;
      try {
        parse(pending.subarray(0, end), out);
      } catch (error) {
        if (!(error instanceof LineError)) throw error;
        badLines.report(lineAt(source, lineNo), error.message);
        pending = pending.subarray(nl + 1);
        continue;
      }
      const count = await meta.await();
      if (count !== undefined) return { count, sources: [resumed(source, pending, chunks), ...sources.slice(s + 1)] };
      const key = out.key === undefined ? sides.fixedKey : out.key;
      if (options.sync) {
        await chunks.return?.();
        await options.log(meta.failedSync());
        return { sources: [], exitCode: 1 };
      }
      await options.log(meta.failed(key?.length ?? null, out.value?.length ?? null));
      pending = pending.subarray(nl + 1);
    }
  }
  return { sources: [] };
}

/** The source from where the wait stopped: what was buffered (that line first), then the rest of its chunks. */
function resumed(source: Source, buffered: Buffer, chunks: AsyncIterator<Buffer | string>): Source {
  return {
    name: source.name,
    open: () =>
      (async function* () {
        if (buffered.length) yield buffered;
        for (;;) {
          const next = await chunks.next();
          if (next.done) return;
          yield next.value;
        }
      })(),
  };
}
