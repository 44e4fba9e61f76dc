/** What ktool dump-log reads from each file, as events: kafka-dump-log.sh's lines and ktool's rows/JSON both come from them. */
import type { LogBatch } from '../kafka/log-segment.js';

export interface RecordEvent {
  kind: 'record';
  offset: number;
  timestamp: number;
  logAppendTime: boolean;
  keySize: number;
  valueSize: number;
  sequence: number;
  headerKeys: string[];
  /** A control record: the words after the metadata (" endTxnMarker: COMMIT coordinatorEpoch: 0"). */
  control?: string;
  /** The parser's output, when contents are printed. */
  key?: string;
  payload?: string;
  /** The parser failed on it (its error follows): the original has printed the metadata, without a line end. */
  undecoded?: true;
}

export type DumpEvent =
  | { kind: 'file'; file: string; type: FileType }
  | { kind: 'start'; text: string }
  | ({ kind: 'batch' } & Omit<LogBatch, 'body'>)
  | RecordEvent
  | { kind: 'index'; offset: number; position: number }
  | { kind: 'timeindex'; timestamp: number; offset: number }
  | {
      kind: 'producer';
      producerId: bigint;
      producerEpoch: number;
      coordinatorEpoch: number;
      currentTxnFirstOffset: bigint | null;
      lastTimestamp: bigint;
      firstSequence: number;
      lastSequence: number;
      lastOffset: bigint;
      offsetDelta: number;
      timestamp: bigint;
    }
  | { kind: 'aborted'; version: number; producerId: bigint; firstOffset: bigint; lastOffset: bigint; lastStableOffset: bigint }
  /** A line of the original's about the file: "X is empty.", "X passed sanity check.", "Found N invalid bytes ...". */
  | { kind: 'note'; text: string }
  /** Printed by the original on stderr as it goes (a corrupt producer snapshot, an unknown file). */
  | { kind: 'warning'; text: string };

export type FileType = 'log' | 'snapshot' | 'index' | 'timeindex' | 'producer-snapshot' | 'txnindex' | 'unknown';

/** What the original prints on stderr after every file: index mismatches, time index errors, offset gaps. */
export interface DumpErrors {
  indexMismatches: Map<string, Map<number, number>>;
  timeMismatches: Map<string, [number, number][]>;
  outOfOrder: Map<string, [number, number][]>;
  notFound: Map<string, [number, number][]>;
  nonConsecutive: Map<string, Map<number, number>>;
}

export function noErrors(): DumpErrors {
  return { indexMismatches: new Map(), timeMismatches: new Map(), outOfOrder: new Map(), notFound: new Map(), nonConsecutive: new Map() };
}

export function listFor<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

export function mapFor(map: Map<string, Map<number, number>>, key: string): Map<number, number> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}
