/** kafka-dump-log.sh's lines (DumpLogSegments, Kafka 4.3), byte for byte, from the dump events. */
import { CODEC_NAMES } from '../kafka/log-segment.js';
import { javaHashMapOrder } from '../dropin/java-hash-order.js';
import type { DumpErrors, DumpEvent } from './events.js';

/** stdout lines for one event ('' when the event prints nothing there); warnings go to stderr. */
export function kafkaLine(e: DumpEvent, skipRecordMetadata: boolean): string {
  switch (e.kind) {
    case 'file':
      return `Dumping ${e.file}\n`;
    case 'start':
    case 'note':
      return `${e.text}\n`;
    case 'warning':
      return '';
    case 'batch': {
      const time = e.logAppendTime ? 'LogAppendTime' : 'CreateTime';
      const horizon = e.deleteHorizonMs === undefined ? 'OptionalLong.empty' : `OptionalLong[${e.deleteHorizonMs}]`;
      return (
        `baseOffset: ${e.baseOffset} lastOffset: ${e.lastOffset} count: ${e.count} baseSequence: ${e.baseSequence} ` +
        `lastSequence: ${e.lastSequence} producerId: ${e.producerId} producerEpoch: ${e.producerEpoch} ` +
        `partitionLeaderEpoch: ${e.partitionLeaderEpoch} isTransactional: ${e.transactional} isControl: ${e.control} ` +
        `deleteHorizonMs: ${horizon} position: ${e.position} ${time}: ${e.maxTimestamp} size: ${e.size} magic: ${e.magic} ` +
        `compresscodec: ${CODEC_NAMES[e.codec]} crc: ${e.crc} isvalid: ${e.isValid}\n`
      );
    }
    case 'record':
      return recordLine(e, skipRecordMetadata);
    case 'index':
      return `offset: ${e.offset} position: ${e.position}\n`;
    case 'timeindex':
      return `timestamp: ${e.timestamp} offset: ${e.offset}\n`;
    case 'producer': {
      const txn = e.currentTxnFirstOffset === null ? 'OptionalLong.empty' : `OptionalLong[${e.currentTxnFirstOffset}]`;
      return (
        `producerId: ${e.producerId} producerEpoch: ${e.producerEpoch} coordinatorEpoch: ${e.coordinatorEpoch} ` +
        `currentTxnFirstOffset: ${txn} lastTimestamp: ${e.lastTimestamp}` +
        // The last batch's metadata only when it has one (a snapshot keeps offset -1 for a producer without).
        (e.lastOffset < 0n
          ? '\n'
          : ` firstSequence: ${e.firstSequence} lastSequence: ${e.lastSequence} lastOffset: ${e.lastOffset} ` +
            `offsetDelta: ${e.offsetDelta} timestamp: ${e.timestamp}\n`)
      );
    }
    case 'aborted':
      return (
        `version: ${e.version} producerId: ${e.producerId} firstOffset: ${e.firstOffset} lastOffset: ${e.lastOffset} ` +
        `lastStableOffset: ${e.lastStableOffset}\n`
      );
  }
}

function recordLine(e: Extract<DumpEvent, { kind: 'record' }>, skipRecordMetadata: boolean): string {
  let line = '';
  const time = e.logAppendTime ? 'LogAppendTime' : 'CreateTime';
  if (!skipRecordMetadata)
    line +=
      `| offset: ${e.offset} ${time}: ${e.timestamp} keySize: ${e.keySize} valueSize: ${e.valueSize} ` +
      `sequence: ${e.sequence} headerKeys: [${e.headerKeys.join(',')}]${e.control ?? ''}`;
  let prefix = skipRecordMetadata ? '| ' : ' ';
  if (e.key !== undefined) {
    line += `${prefix}key: ${e.key}`;
    prefix = ' ';
  }
  if (e.payload !== undefined) line += `${prefix}payload: ${e.payload}`;
  return e.undecoded ? line : `${line}\n`;
}

/** What the original prints on stderr after all files, in its order (HashMaps of absolute paths). */
export function kafkaErrorLines(errors: DumpErrors): string[] {
  const out: string[] = [];
  const inHashOrder = <V>(map: Map<string, V>) => javaHashMapOrder([...map.keys()], 16).map((k) => [k, map.get(k)!] as const);
  for (const [file, byOffset] of inHashOrder(errors.indexMismatches)) {
    out.push(`Mismatches in :${file}`);
    for (const [index, log] of [...byOffset].sort((a, b) => b[0] - a[0])) out.push(`  Index offset: ${index}, log offset: ${log}`);
  }
  for (const [file, list] of inHashOrder(errors.timeMismatches)) {
    out.push(`Found timestamp mismatch in :${file}`);
    for (const [index, log] of list) out.push(`  Index timestamp: ${index}, log timestamp: ${log}`);
  }
  for (const [file, list] of inHashOrder(errors.outOfOrder)) {
    out.push(`Found out of order timestamp in :${file}`);
    for (const [index, prev] of list) out.push(`  Index timestamp: ${index}, Previously indexed timestamp: ${prev}`);
  }
  for (const [file, list] of inHashOrder(errors.notFound)) {
    out.push(`The following indexed offsets are not found in :${file}`);
    for (const [index, log] of list) out.push(`Indexed offset: ${index}, found log offset: ${log}`);
  }
  for (const [file, pairs] of inHashOrder(errors.nonConsecutive)) {
    out.push(`Non-consecutive offsets in ${file}`);
    for (const [a, b] of [...pairs].sort((x, y) => x[0] - y[0])) out.push(`  ${a} is followed by ${b}`);
  }
  return out;
}
