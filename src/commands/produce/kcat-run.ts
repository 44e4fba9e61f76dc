/** kcat's producer mode (kcat.ts) at work: messages from stdin, the -l file or each FILE whole, sent with kcat's placement. */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { write } from '../../cli/io.js';
import { OperationError, UsageError } from '../../errors.js';
import { BadLines } from './bad-lines.js';
import { finish } from './finish.js';
import { kcatPartition, messages, splitMessage, type KcatInput } from './kcat.js';
import type { ProduceOptions } from './options.js';
import { fileSource, readWhole, stdinSource, type Source } from './readers.js';
import type { ReadOutcome } from './record-input.js';
import { Sender } from './sender.js';

export async function runKcat(options: ProduceOptions, input: KcatInput, ctx: Context): Promise<CommandResult> {
  const started = performance.now();
  const topic = options.topic!;
  const { signal } = ctx.io;
  const clients = await ctx.kafka();
  const producer = await clients.producer(options.producer, { signal, onWarning: (m) => ctx.warn(m) });
  const count = await producer.partitionCount(topic);
  if (input.partition !== undefined && input.partition >= count)
    throw new UsageError(`-p ${input.partition}: topic ${topic} has ${count} partition${count === 1 ? '' : 's'} (0-${count - 1})`);
  const sender = new Sender(producer, options.batchBytes, options.maxInFlightSends, signal);
  const { headers } = input;
  let sent = 0;
  // Records read go out after --linger-ms without a full batch (input from a terminal or a slow pipe).
  let linger: NodeJS.Timeout | undefined;
  const send = async (msg: Buffer, key: Buffer | null, value: Buffer | null, tee: boolean): Promise<boolean> => {
    const partition = input.partition ?? kcatPartition(input.partitioner, key, count, (k, n) => producer.partitionFor(k, n));
    const size = msg.length + 64;
    if (!sender.fits(size)) await sender.flush();
    if (sender.add({ topic, partition, key, value, ...(headers?.length ? { headers } : {}) }, size)) await sender.flush();
    if (tee) await write(ctx.io.stdout, msg);
    linger ??= setTimeout(() => {
      linger = undefined;
      sender.flushNow();
    }, options.lingerMs);
    return input.count !== undefined && ++sent >= input.count;
  };
  if (options.producer.transactionalId) await producer.beginTransaction();
  const read: ReadOutcome = { interrupted: false };
  try {
    if (input.wholeFiles) await sendFiles(options.files, input, send, ctx);
    else {
      const source: Source = options.files.length ? fileSource(options.files[0]) : stdinSource(() => ctx.io.stdin, ctx.io.stdinFd);
      for await (const msg of messages(source.open(signal, false), input.delimiter)) {
        if (sender.error !== undefined) break;
        if (msg.length === 0) continue;
        const { key, value } = splitMessage(msg, input);
        if (await send(msg, key, value, input.tee)) break;
      }
    }
  } catch (error) {
    if (signal.aborted) read.interrupted = true;
    else read.fatal = error;
  } finally {
    if (linger) clearTimeout(linger);
  }
  return finish(
    {
      producer,
      sender,
      plain: undefined,
      badLines: new BadLines('fail', (m) => ctx.warn(m)),
      topics: () => [topic],
      transactional: Boolean(options.producer.transactionalId),
      quiet: true,
      started,
    },
    read,
  );
}

/** Each FILE one message with -k's key, an empty one skipped; one that cannot be read is named, and none readable is exit 1. */
async function sendFiles(
  files: string[],
  input: KcatInput,
  send: (msg: Buffer, key: Buffer | null, value: Buffer | null, tee: boolean) => Promise<boolean>,
  ctx: Context,
): Promise<void> {
  let good = 0;
  for (const path of files) {
    let body: Buffer;
    try {
      body = await readWhole(fileSource(path).open(ctx.io.signal, false));
    } catch (error) {
      ctx.warn(`failed to open ${path}: ${(error as Error).message}`);
      continue;
    }
    good++;
    if (body.length === 0) continue;
    if (await send(body, input.fixedKey ?? null, body, false)) break;
  }
  if (good === 0) throw new OperationError(`none of the input files could be read: ${files.join(' ')}`);
}
