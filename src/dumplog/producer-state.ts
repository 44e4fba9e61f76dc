/**
 * Producer state snapshots (.snapshot: ProducerSnapshot v1, a CRC-32C over the entries) and
 * transaction indexes (.txnindex: the aborted transactions of a segment), read as Kafka's
 * ProducerStateManager.readSnapshot and TransactionIndex do.
 */
import { readFileSync } from 'node:fs';
import { crc32c } from '../kafka/record-batch-encode.js';
import type { DumpEvent } from './events.js';

const ENTRY = 46;

/** Kafka's DefaultRecordBatch.decrementSequence. */
function decrementSequence(sequence: number, decrement: number): number {
  if (sequence < decrement) return 2147483647 - (decrement - sequence) + 1;
  return sequence - decrement;
}

/** Why Kafka would refuse the snapshot (CorruptSnapshotException, printed on stderr), or undefined. */
function snapshotProblem(data: Buffer): string | undefined {
  if (data.length < 10) return "Snapshot failed schema validation: Error reading field 'version': java.nio.BufferUnderflowException";
  const version = data.readInt16BE(0);
  if (version !== 1) return `Snapshot contained an unknown file version ${version}`;
  const stored = data.readUInt32BE(2);
  const count = data.readInt32BE(6);
  if (count < 0 || 10 + count * ENTRY > data.length) return 'Snapshot failed schema validation: Error reading array of size';
  const computed = crc32c(data.subarray(6)) >>> 0;
  if (stored !== computed) return `Snapshot is corrupt (CRC is no longer valid). Stored crc: ${stored}. Computed crc: ${computed}`;
  return undefined;
}

export function* dumpProducerSnapshot(path: string): Generator<DumpEvent> {
  const data = readFileSync(path);
  const problem = snapshotProblem(data);
  if (problem) {
    yield { kind: 'warning', text: problem };
    return;
  }
  const count = data.readInt32BE(6);
  for (let i = 0, at = 10; i < count; i++, at += ENTRY) {
    const lastSequence = data.readInt32BE(at + 10);
    const offsetDelta = data.readInt32BE(at + 22);
    const timestamp = data.readBigInt64BE(at + 26);
    const txnFirst = data.readBigInt64BE(at + 38);
    yield {
      kind: 'producer',
      producerId: data.readBigInt64BE(at),
      producerEpoch: data.readInt16BE(at + 8),
      coordinatorEpoch: data.readInt32BE(at + 34),
      currentTxnFirstOffset: txnFirst >= 0n ? txnFirst : null,
      lastTimestamp: timestamp,
      firstSequence: decrementSequence(lastSequence, offsetDelta),
      lastSequence,
      lastOffset: data.readBigInt64BE(at + 14),
      offsetDelta,
      timestamp,
    };
  }
}

const ABORTED = 34;

export function* dumpTxnIndex(path: string): Generator<DumpEvent> {
  const data = readFileSync(path);
  for (let at = 0; at + ABORTED <= data.length; at += ABORTED) {
    yield {
      kind: 'aborted',
      version: data.readInt16BE(at),
      producerId: data.readBigInt64BE(at + 2),
      firstOffset: data.readBigInt64BE(at + 10),
      lastOffset: data.readBigInt64BE(at + 18),
      lastStableOffset: data.readBigInt64BE(at + 26),
    };
  }
  if (data.length % ABORTED !== 0) throw new Error(`Expected to read ${ABORTED} bytes, but reached end of file`);
}
