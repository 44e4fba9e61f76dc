/**
 * The produce loop: input -> records -> Sender. At EOF, on Ctrl-C/SIGTERM (ctx.io.signal) or on
 * the first error it stops reading, sends what it has read, waits for every acknowledgement and
 * reports sent/failed/skipped.
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { write } from '../../cli/io.js';
import { CancelledError, ExitCode, KtoolError, OperationError, PartialFailureError, UsageError } from '../../errors.js';
import type { ProduceRecord, ProducerApi } from '../../kafka/producer-types.js';
import { renderData } from '../../output/render.js';
import { fromEnvelope } from '../../serde/envelope.js';
import { serdeFor } from '../../serde/serde.js';
import { LineError, makeLineParser, type ParsedLine } from './line-parser.js';
import type { ProduceOptions } from './options.js';
import { sleep } from '../../util/sleep.js';
import { RateLimiter } from './rate.js';
import { PlainLines, SendFailed } from './plain-lines.js';
import { fileSource, forEachLine, forEachLineSpan, readWhole, stdinSource, type Source } from './readers.js';
import { Sender } from './sender.js';
import { summaryLine, type ProduceSummary } from './summary.js';

/** Thrown inside the read loop to stop reading (bad line in fail mode, a failed request). */
class Stop extends Error {}

const MAX_SKIP_WARNINGS = 20;

export async function run(options: ProduceOptions, ctx: Context): Promise<CommandResult | void> {
  const started = performance.now();
  const signal = ctx.io.signal;
  const sources: Source[] = options.files.length ? options.files.map(fileSource) : [stdinSource(() => ctx.io.stdin, ctx.io.stdinFd)];
  if (options.files.length === 0 && ctx.io.stdinIsTTY) ctx.info('reading records from the terminal, one per line; Ctrl-D to finish');

  const clients = await ctx.kafka();
  const producer: ProducerApi = await clients.producer(options.producer, { signal, onWarning: (m) => ctx.warn(m) });

  const partitionCounts = new Map<string, number>();
  const sticky = new Map<string, number>();
  const partitionsOf = async (topic: string): Promise<number> => {
    let n = partitionCounts.get(topic);
    if (n === undefined) {
      n = await producer.partitionCount(topic);
      partitionCounts.set(topic, n);
      sticky.set(topic, Math.floor(Math.random() * n));
    }
    return n;
  };
  if (options.topic !== undefined) {
    const n = await partitionsOf(options.topic);
    if (options.partition !== undefined && options.partition >= n) {
      throw new UsageError(`--partition ${options.partition} is out of range: topic ${options.topic} has ${n} partition${n === 1 ? '' : 's'} (0-${n - 1})`);
    }
  }

  // After Ctrl-C/SIGTERM acknowledgements are awaited only briefly: the signal stops the waiting.
  const sender = new Sender(producer, options.batchBytes, options.maxInFlightSends, signal);
  sender.onFlush = () => {
    for (const [topic, p] of sticky) sticky.set(topic, (p + 1) % partitionCounts.get(topic)!);
  };

  let skipped = 0;
  let badLine: string | undefined;
  let interrupted = false;
  let queued = 0;
  const limiter = options.rate !== undefined ? new RateLimiter(options.rate) : undefined;

  const keySerde = serdeFor(options.keyEncoding, '--key-encoding');
  const valueSerde = serdeFor(options.valueEncoding, '--value-encoding');
  const fixedKey = options.fixedKey !== undefined ? keySerde.encode(options.fixedKey) : null;
  const globalHeaders: [Buffer, Buffer | null][] | undefined = options.headers.length
    ? options.headers.map(([k, v]) => [Buffer.from(k, 'utf8'), Buffer.from(v, 'utf8')])
    : undefined;
  const globalHeaderBytes = globalHeaders ? globalHeaders.reduce((n, [k, v]) => n + k.length + (v?.length ?? 0) + 4, 0) : 0;

  const enqueue = async (record: ProduceRecord, size: number): Promise<void> => {
    if (limiter) {
      const wait = limiter.delayFor(queued);
      if (wait > 0) {
        sender.flushNow();
        await sleep(wait, signal);
        if (signal.aborted) throw new CancelledError();
      }
    }
    queued++;
    if (!sender.fits(size)) await sender.flush();
    if (sender.add(record, size)) await sender.flush();
  };

  const partitionFor = (topic: string, key: Buffer | null, count: number): number => {
    if (options.partition !== undefined) return options.partition;
    if (key !== null) return producer.partitionFor(key, count);
    return sticky.get(topic)!;
  };

  const onBadLine = (where: string, message: string) => {
    if (options.onError === 'skip') {
      skipped++;
      if (skipped <= MAX_SKIP_WARNINGS) ctx.warn(`${where}: ${message} (skipped)`);
      else if (skipped === MAX_SKIP_WARNINGS + 1) ctx.warn('more bad lines skipped; the summary counts them');
      return;
    }
    badLine = `${where}: ${message}`;
    throw new Stop();
  };

  const withHeaders = (lineHeaders: [Buffer, Buffer | null][] | undefined): [Buffer, Buffer | null][] | undefined =>
    lineHeaders && lineHeaders.length ? (globalHeaders ? [...globalHeaders, ...lineHeaders] : lineHeaders) : globalHeaders;
  const headerBytes = (h: [Buffer, Buffer | null][] | undefined) => (h === undefined ? 0 : h === globalHeaders ? globalHeaderBytes : h.reduce((n, [k, v]) => n + k.length + (v?.length ?? 0) + 4, 0));

  const lineHandler = (source: Source) => {
    const topic = options.topic!;
    const count = partitionCounts.get(topic)!;
    const parse = makeLineParser(options.line, keySerde, valueSerde);
    const out: ParsedLine = { key: undefined, value: null, headers: undefined };
    return (line: Buffer, lineNo: number): void | Promise<void> => {
      if (sender.error !== undefined) throw new Stop();
      try {
        parse(line, out);
      } catch (error) {
        if (error instanceof LineError) return onBadLine(`${source.name}:${lineNo}`, error.message);
        throw error;
      }
      const key = out.key === undefined ? fixedKey : out.key;
      const headers = withHeaders(out.headers);
      const record: ProduceRecord = { topic, partition: partitionFor(topic, key, count), key, value: out.value, headers };
      return enqueue(record, (key?.length ?? 0) + (out.value?.length ?? 0) + 16 + headerBytes(headers));
    };
  };

  const jsonHandler = (source: Source) => {
    const topics = new Set<string>();
    return async (line: Buffer, lineNo: number): Promise<void> => {
      if (sender.error !== undefined) throw new Stop();
      const where = `${source.name}:${lineNo}`;
      if (line.length === 0 || /^\s*$/.test(line.toString('latin1'))) return;
      let decoded;
      try {
        decoded = fromEnvelope(JSON.parse(line.toString('utf8')));
      } catch (error) {
        if (error instanceof SyntaxError) return onBadLine(where, `invalid JSON: ${error.message}`);
        if (error instanceof UsageError) return onBadLine(where, error.message);
        throw error;
      }
      const topic = options.topic ?? decoded.topic;
      if (topic === undefined) return onBadLine(where, 'no "topic" in the record and no TOPIC on the command line');
      let count = partitionCounts.get(topic);
      if (count === undefined) {
        try {
          count = await partitionsOf(topic);
        } catch (error) {
          // A record's own topic (missing, refused) is a bad line; an unreachable cluster or Ctrl-C is not.
          const perRecord = error instanceof KtoolError && error.exitCode !== ExitCode.connection && error.exitCode !== ExitCode.interrupted;
          if (perRecord && options.topic === undefined) return onBadLine(where, error.message);
          throw error;
        }
        topics.add(topic);
      }
      let partition: number;
      const keep = decoded.partition !== undefined && options.partition === undefined && (options.topic === undefined || options.keepPartitions || decoded.topic === options.topic);
      if (keep) {
        if (decoded.partition! >= count) return onBadLine(where, `"partition": ${decoded.partition} is out of range: topic ${topic} has ${count} partitions`);
        partition = decoded.partition!;
      } else partition = partitionFor(topic, decoded.key, count);
      const headers = withHeaders(decoded.headers.length ? decoded.headers : undefined);
      const record: ProduceRecord = { topic, partition, key: decoded.key, value: decoded.value, headers };
      if (decoded.timestamp !== undefined) record.timestamp = decoded.timestamp;
      return enqueue(record, (decoded.key?.length ?? 0) + (decoded.value?.length ?? 0) + 24 + headerBytes(headers));
    };
  };

  const { line } = options;
  const plainLines = options.input === 'line' && !line.parseKey && !line.parseHeaders && line.nullMarker === undefined && valueSerde.name === 'text' && !limiter;
  const plain = plainLines
    ? new PlainLines(producer, sender, options.topic!, fixedKey, globalHeaders, options.batchBytes, options.lingerMs, () => {
        const partition = partitionFor(options.topic!, fixedKey, partitionCounts.get(options.topic!)!);
        sender.onFlush?.();
        return partition;
      })
    : undefined;

  let linger: NodeJS.Timeout | undefined;
  const afterChunk = () => {
    if (sender.pendingCount === 0 || linger) return;
    if (options.lingerMs === 0) sender.flushNow();
    else
      linger = setTimeout(() => {
        linger = undefined;
        sender.flushNow();
      }, options.lingerMs);
  };

  if (options.producer.transactionalId) await producer.beginTransaction();
  let fatal: unknown;
  try {
    for (const source of sources) {
      if (signal.aborted) break;
      // Plain lines are copied into the batch as they are read: the input buffer can be reused.
      const stream = source.open(signal, Boolean(plain));
      if (options.input === 'whole') {
        const data = await readWhole(stream);
        const topic = options.topic!;
        let value: Buffer | null = data;
        if (options.line.nullMarker !== undefined && data.equals(Buffer.from(options.line.nullMarker, 'utf8'))) value = null;
        else if (valueSerde.name !== 'text') {
          try {
            value = valueSerde.encode(data.toString('utf8'));
          } catch (error) {
            onBadLine(source.name, (error as Error).message);
            continue;
          }
        }
        await enqueue({ topic, partition: partitionFor(topic, fixedKey, partitionCounts.get(topic)!), key: fixedKey, value, headers: globalHeaders }, (value?.length ?? 0) + (fixedKey?.length ?? 0) + 16 + globalHeaderBytes);
      } else {
        if (plain) await forEachLineSpan(stream, plain.onLine, plain.afterChunk);
        else await forEachLine(stream, options.input === 'json' ? jsonHandler(source) : lineHandler(source), afterChunk);
      }
    }
  } catch (error) {
    if (error instanceof Stop || error instanceof SendFailed) {
      // stopped on purpose: bad line or failed request
    } else if (signal.aborted && ((error as Error)?.name === 'AbortError' || error instanceof CancelledError)) {
      interrupted = true;
    } else {
      fatal = error;
    }
  } finally {
    if (linger) clearTimeout(linger);
    plain?.stop();
  }
  if (signal.aborted) interrupted = true;

  // Lossless: whatever was read goes out (unless a request failed or a fatal error), then wait for acks.
  if (fatal === undefined && sender.error === undefined) {
    sender.flushNow();
    await plain?.flush();
  } else {
    sender.counts.failed += sender.discardPending();
    plain?.discard();
  }
  await sender.drain();

  let transaction: ProduceSummary['transaction'];
  let txError: unknown;
  if (options.producer.transactionalId) {
    const ok = fatal === undefined && sender.error === undefined && badLine === undefined && !interrupted && sender.counts.failed === 0;
    try {
      if (ok) {
        await producer.commitTransaction();
        transaction = 'committed';
      } else {
        await producer.abortTransaction();
        transaction = 'aborted';
      }
    } catch (error) {
      txError = error;
      transaction = 'aborted';
    }
    if (transaction === 'aborted') {
      sender.counts.failed += sender.counts.sent;
      sender.counts.sent = 0;
    }
  }
  await producer.close();

  const durationMs = performance.now() - started;
  const summary: ProduceSummary = {
    topics: options.topic !== undefined ? [options.topic] : [...partitionCounts.keys()],
    sent: sender.counts.sent,
    failed: sender.counts.failed,
    skipped,
    bytes: sender.counts.bytes,
    durationMs: Math.round(durationMs),
    recordsPerSecond: durationMs > 0 ? Math.round((sender.counts.sent * 1000) / durationMs) : 0,
    interrupted,
  };
  if (transaction) summary.transaction = transaction;
  const stopError = fatal ?? sender.error ?? txError;
  if (badLine) summary.error = badLine;
  else if (stopError !== undefined) summary.error = (stopError as Error).message ?? String(stopError);

  // One summary: the data on stdout when asked for, else a line on stderr (with -q only when it matters).
  const troubled = summary.failed > 0 || summary.skipped > 0 || interrupted || summary.error !== undefined;
  // A run that failed before its first record (an unreachable cluster) has nothing to sum up: the error says it all.
  const nothingDone = fatal !== undefined && summary.sent + summary.failed + summary.skipped === 0;
  if (!nothingDone && (ctx.format === 'json' || ctx.format === 'yaml')) await write(ctx.io.stdout, renderData(summary, ctx.format));
  else if (!nothingDone && (!options.quiet || troubled)) ctx.io.stderr.write(`${summaryLine(summary)}\n`);

  if (interrupted) throw new CancelledError(`interrupted: ${summary.sent} sent, ${summary.failed} failed`);
  if (fatal !== undefined) throw fatal;
  if (stopError !== undefined) {
    const err = stopError instanceof KtoolError ? stopError : new OperationError(String((stopError as Error)?.message ?? stopError));
    if (summary.sent > 0 && summary.failed > 0) throw new PartialFailureError(`${summary.failed} of ${summary.sent + summary.failed} records failed: ${err.message}`, err.hint);
    throw err;
  }
  if (badLine) throw new OperationError(`bad input at ${badLine}`, { hint: 'nothing after that line was sent; --on-error skip skips bad lines' });
  if (summary.failed > 0) throw new PartialFailureError(`${summary.failed} records failed`);
}
