/**
 * Plain lines encoded into record batches on a worker thread (line-encoder-worker.ts): the main
 * thread only hands over the input's chunks and sends the batches that come back, in order. For
 * bulk input, where one thread reading, encoding and sending was the limit of `produce` (its own
 * CPU, not the broker's).
 */
import { Worker } from 'node:worker_threads';
import type { EncodedRecords } from './producer-types.js';
import { headerBytes, keyBytes } from './record-batch-encode.js';
import { RECORDS as BATCH_HEADER } from './record-batch.js';
import { workerSource, type LineEncoderCommand, type LineEncoderData, type LineEncoderMessage } from './line-encoder-worker.js';

/** Chunks handed over and not encoded yet: enough to keep the worker busy, few enough to bound memory. */
const CHUNKS_AHEAD = 3;
/** The size of a chunk buffer (the input's reads are at most 1 MiB). */
const CHUNK_BYTES = 1 << 20;

export interface LineEncoder {
  /** Resolves once the worker runs (its start takes a few tens of milliseconds). */
  readonly ready: Promise<void>;
  /** Hands a chunk of the input over (copied: the caller may read into it again); resolves once fewer are waiting. */
  write(chunk: Buffer): Promise<void>;
  /** The end of an input: its last line counts without "\n" (the next input's lines may share its batch). */
  eof(): void;
  /** The end of reading: resolves once every batch was given to onBatch (an unended line after a stop is dropped). */
  end(): Promise<void>;
  /** Stops the worker (after end(), or to give up). */
  close(): Promise<void>;
}

/**
 * Starts the worker; `onBatch` gets each batch of records, in input order (EncodedRecords' release
 * gives its buffer back to the worker). A failure of the worker rejects the pending write() or end().
 */
export function startLineEncoder(
  key: Buffer | null,
  headers: [Buffer, Buffer | null][] | undefined,
  batchBytes: number,
  lingerMs: number,
  onBatch: (records: EncodedRecords) => void,
): LineEncoder {
  const data: LineEncoderData = {
    fixedKey: keyBytes(key),
    fixedHeaders: headerBytes(headers),
    headroom: BATCH_HEADER,
    batchBytes,
    lingerMs,
  };
  const worker = new Worker(workerSource(), { eval: true, workerData: data });
  let ahead = 0;
  /** Chunk buffers the worker gave back, copied into again (fresh ones would pile up until its garbage collection). */
  const spare: ArrayBuffer[] = [];
  let failure: unknown;
  let wake: (() => void) | undefined;
  let ended: (() => void) | undefined;
  let isReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitFor = async (done: () => boolean): Promise<void> => {
    while (!done()) {
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure !== undefined) throw failure;
  };
  worker.on('message', (m: LineEncoderMessage) => {
    if (m.type === 'batch') onBatch(received(worker, m));
    else if (m.type === 'chunk-done') {
      ahead--;
      spare.push(m.buffer);
    } else if (m.type === 'ended') ended?.();
    else isReady();
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
    ended?.();
  });
  return {
    ready,
    async write(chunk) {
      const bytes = copyInto(spare, chunk);
      worker.postMessage({ type: 'chunk', bytes } satisfies LineEncoderCommand, [bytes.buffer as ArrayBuffer]);
      ahead++;
      await waitFor(() => ahead < CHUNKS_AHEAD);
    },
    eof() {
      worker.postMessage({ type: 'eof' } satisfies LineEncoderCommand);
    },
    async end() {
      let done = false;
      ended = () => ((done = true), notify());
      worker.postMessage({ type: 'end' } satisfies LineEncoderCommand);
      await waitFor(() => done);
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The chunk in a buffer of its own for the worker: a spare one big enough, else a new one. */
function copyInto(spare: ArrayBuffer[], chunk: Buffer): Uint8Array {
  let buffer = spare.pop();
  while (buffer && buffer.byteLength < chunk.length) buffer = spare.pop();
  const bytes = new Uint8Array(buffer ?? new ArrayBuffer(Math.max(chunk.length, CHUNK_BYTES)), 0, chunk.length);
  bytes.set(chunk);
  return bytes;
}

/** A batch from the worker as the producer sends it; acknowledged, its buffer goes back to the worker. */
function received(worker: Worker, m: Extract<LineEncoderMessage, { type: 'batch' }>): EncodedRecords {
  const buf = Buffer.from(m.buffer, 0, m.end);
  return {
    body: buf.subarray(BATCH_HEADER),
    headroom: buf,
    count: m.count,
    firstTimestamp: m.first,
    maxTimestamp: m.max,
    release: () => {
      try {
        worker.postMessage({ type: 'reuse', buffer: m.buffer } satisfies LineEncoderCommand, [m.buffer]);
      } catch {
        // the worker has stopped: the buffer is left to the garbage collector
      }
    },
  };
}
