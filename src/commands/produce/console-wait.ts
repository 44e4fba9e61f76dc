/**
 * The start of kafka-console-producer.sh's spelling (--topic): the topic's metadata asked for as
 * the Java producer asks (auto-creation allowed); while it is not there, each line waits for it up
 * to max.block.ms (metadata-wait.ts). Then the rest of the input goes through the usual pipeline.
 */
import type { Context } from '../../cli/context.js';
import { AuthenticationError, ConnectionError, NotFoundError, UsageError } from '../../errors.js';
import type { ProducerApi } from '../../kafka/producer-types.js';
import { serdeFor } from '../../serde/serde.js';
import { Stop, type BadLines } from './bad-lines.js';
import { TopicMetadata, untilTopicIsThere, type WaitOutcome } from './metadata-wait.js';
import type { ProduceOptions } from './options.js';
import type { Partitions } from './partitions.js';
import type { Source } from './readers.js';
import type { TypedSides } from './typed-sides.js';

export interface ConsoleWaitParts {
  producer: Pick<ProducerApi, 'partitionCount'>;
  partitions: Partitions;
  badLines: BadLines;
  sources: Source[];
  typed: TypedSides | undefined;
  /** The bootstrap servers, for the lines about a cluster that cannot be reached. */
  bootstrap: string[];
  ctx: Pick<Context, 'io'>;
}

/** The console producer's first send()s; the topic's count is known to `partitions` when it came. */
export async function consoleWait(
  options: ProduceOptions & { topic: string },
  console: { maxBlockMs: number; sync: boolean },
  parts: ConsoleWaitParts,
): Promise<WaitOutcome> {
  const { producer, partitions, badLines, ctx } = parts;
  const { topic } = options;
  const log = (text: string) => void ctx.io.stderr.write(text);
  const meta = new TopicMetadata({
    producer,
    topic,
    maxBlockMs: console.maxBlockMs,
    clientId: options.producer.clientId ?? 'console-producer',
    bootstrap: parts.bootstrap,
    log,
    signal: ctx.io.signal,
  });
  let outcome: WaitOutcome;
  // Nothing waits for a topic that is there (the usual case): one metadata request. A cluster that cannot be
  // reached is waited for as a missing topic is (the Java producer's send() waits for metadata); another
  // error is asked again with the client's retries (a leader moving), as without the wait.
  const known = await producer.partitionCount(topic, { autoCreate: false }).catch((error: unknown) => {
    if (error instanceof NotFoundError || (error instanceof ConnectionError && !(error instanceof AuthenticationError))) return undefined;
    if (error instanceof AuthenticationError) throw error;
    return partitions.count(topic);
  });
  if (known !== undefined) outcome = { count: partitions.remember(topic, known), sources: parts.sources };
  else {
    const keySerde = parts.typed?.key ?? serdeFor(options.keyEncoding, '--key-encoding');
    const valueSerde = parts.typed?.value ?? serdeFor(options.valueEncoding, '--value-encoding');
    const fixedKey = options.fixedKey === undefined ? null : keySerde.encode(options.fixedKey);
    try {
      outcome = await untilTopicIsThere(parts.sources, meta, { line: options.line, keySerde, valueSerde, fixedKey }, badLines, {
        sync: console.sync,
        signal: ctx.io.signal,
        log,
      });
    } catch (error) {
      // A bad line in --on-error fail mode: the summary says where (nothing was sent).
      if (error instanceof Stop) return { sources: [] };
      throw error;
    }
    if (outcome.count !== undefined) partitions.remember(topic, outcome.count);
  }
  const n = outcome.count;
  if (n !== undefined && options.partition !== undefined && options.partition >= n) {
    throw new UsageError(
      `--partition ${options.partition} is out of range: topic ${topic} has ${n} partition${n === 1 ? '' : 's'} (0-${n - 1})`,
    );
  }
  return outcome;
}
