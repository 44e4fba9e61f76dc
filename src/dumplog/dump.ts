/**
 * kafka-dump-log.sh's reading of each file (DumpLogSegments, Kafka 4.3), offline: which file types
 * it knows by suffix, what it checks, and in which order. Emits events (events.ts); the renderers
 * turn them into the original's lines or ktool's rows. Errors it would print after all files are
 * collected in DumpErrors.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { batchRecords, logBatches, type LogBatch } from '../kafka/log-segment.js';
import type { DumpErrors, DumpEvent, FileType } from './events.js';
import { listFor, mapFor } from './events.js';
import { baseName, javaAbsolute, offsetFromName, sibling } from './paths.js';
import { controlJson, type MessageParser, type Parsed } from './parsers.js';
import { dumpProducerSnapshot, dumpTxnIndex } from './producer-state.js';

export interface DumpOptions {
  printData: boolean;
  deep: boolean;
  skipRecordMetadata: boolean;
  /** Integer.MAX_VALUE when not given, as the original. */
  maxBytes: number;
  maxMessageSize: number;
  indexSanityOnly: boolean;
  verifyOnly: boolean;
  parser: MessageParser;
  cwd: string;
}

export const INT_MAX = 2147483647;

export function fileType(path: string): FileType {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  // Java's substring(lastIndexOf(".")) of a name without a dot throws.
  if (dot < 0) throw new Error(`begin -1, end ${name.length}, length ${name.length}`);
  const types: Record<string, FileType> = {
    '.log': 'log',
    '.checkpoint': 'snapshot',
    '.index': 'index',
    '.timeindex': 'timeindex',
    '.snapshot': 'producer-snapshot',
    '.txnindex': 'txnindex',
  };
  return types[name.slice(dot)] ?? 'unknown';
}

export function* dumpFile(path: string, o: DumpOptions, errors: DumpErrors): Generator<DumpEvent> {
  const type = fileType(path);
  yield { kind: 'file', file: path, type };
  switch (type) {
    case 'log':
    case 'snapshot':
      return yield* dumpLog(path, type, o, errors);
    case 'index':
      return yield* dumpIndex(path, o, errors);
    case 'timeindex':
      return yield* dumpTimeIndex(path, o, errors);
    case 'producer-snapshot':
      return yield* dumpProducerSnapshot(path);
    case 'txnindex':
      return yield* dumpTxnIndex(path);
    default:
      yield { kind: 'warning', text: `Ignoring unknown file ${path}` };
  }
}

/** The first `max` bytes of a file (all of it when shorter). */
export function readHead(path: string, max: number): Buffer {
  const size = statSync(path).size;
  if (size <= max) return readFileSync(path);
  const out = Buffer.alloc(max);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, out, 0, max, 0);
  } finally {
    closeSync(fd);
  }
  return out;
}

function startLine(path: string, type: FileType): string {
  const name = baseName(path);
  if (type === 'log') return `Log starting offset: ${offsetFromName(path)}`;
  if (name === 'bootstrap.checkpoint') return 'KRaft bootstrap snapshot';
  const m = /^(\d{20})-(\d{10})\.checkpoint(\.part|\.deleted)?$/.exec(name);
  if (!m) throw new Error('No value present');
  return `Snapshot end offset: ${Number(m[1])}, epoch: ${Number(m[2])}`;
}

function* dumpLog(path: string, type: FileType, o: DumpOptions, errors: DumpErrors): Generator<DumpEvent> {
  yield { kind: 'start', text: startLine(path, type) };
  if (o.maxBytes < 0) throw new Error(`Invalid size: ${o.maxBytes}`);
  const data = readHead(path, o.maxBytes);
  let valid = 0;
  const last = { offset: -1 };
  for (const batch of logBatches(data, path)) {
    const { body: _body, ...header } = batch;
    yield { kind: 'batch', ...header };
    if (o.deep) yield* dumpRecords(batch, path, last, o, errors);
    valid += batch.size;
  }
  if (data.length - valid > 0 && o.maxBytes === INT_MAX)
    yield { kind: 'note', text: `Found ${data.length - valid} invalid bytes at the end of ${baseName(path)}` };
}

const CONTROL_TYPES = ['ABORT', 'COMMIT', 'LEADER_CHANGE', 'SNAPSHOT_HEADER', 'SNAPSHOT_FOOTER', 'KRAFT_VERSION', 'KRAFT_VOTERS'];

/** The words the original prints after a control record's metadata. */
export function controlText(key: Buffer | null, value: Buffer | null): string {
  if (!key || key.length < 4) throw new Error(`Invalid value size found for end control record key. Must have at least 4 bytes`);
  const id = key.readInt16BE(2);
  const type = CONTROL_TYPES[id] ?? 'UNKNOWN';
  const body = value ?? Buffer.alloc(0);
  switch (type) {
    case 'ABORT':
    case 'COMMIT':
      return ` endTxnMarker: ${type} coordinatorEpoch: ${body.readInt32BE(2)}`;
    case 'LEADER_CHANGE':
      return ` LeaderChange: ${controlJson('LeaderChangeMessage', body)}`;
    case 'SNAPSHOT_HEADER':
      return ` SnapshotHeader ${controlJson('SnapshotHeaderRecord', body)}`;
    case 'SNAPSHOT_FOOTER':
      return ` SnapshotFooter ${controlJson('SnapshotFooterRecord', body)}`;
    case 'KRAFT_VERSION':
      return ` KRaftVersion ${controlJson('KRaftVersionRecord', body)}`;
    case 'KRAFT_VOTERS':
      return ` KRaftVoters ${controlJson('VotersRecord', body)}`;
    default:
      return ` controlType: ${type}(${id})`;
  }
}

function* dumpRecords(batch: LogBatch, path: string, last: { offset: number }, o: DumpOptions, errors: DumpErrors): Generator<DumpEvent> {
  for (const r of batchRecords(batch)) {
    if (r.offset !== last.offset + 1) mapFor(errors.nonConsecutive, javaAbsolute(path, o.cwd)).set(last.offset, r.offset);
    last.offset = r.offset;
    const parsed: Parsed = {};
    let failure: unknown;
    try {
      if (o.printData && !batch.control) Object.assign(parsed, o.parser({ offset: r.offset, key: r.key, value: r.value }));
    } catch (e) {
      failure = e;
    }
    yield {
      kind: 'record',
      offset: r.offset,
      timestamp: r.timestamp,
      logAppendTime: batch.logAppendTime,
      keySize: r.key ? r.key.length : -1,
      valueSize: r.value ? r.value.length : -1,
      sequence: r.sequence,
      headerKeys: r.headers.map(([k]) => k),
      control: batch.control && !o.skipRecordMetadata ? controlText(r.key, r.value) : undefined,
      key: parsed.key,
      payload: parsed.value,
      ...(failure === undefined ? {} : { undecoded: true as const }),
    };
    if (failure !== undefined) throw failure;
  }
}

interface IndexFile {
  base: number;
  data: Buffer;
  entries: number;
}

function openIndex(path: string, entrySize: number): IndexFile {
  const data = readFileSync(path);
  return { base: offsetFromName(path), data, entries: Math.floor(data.length / entrySize) };
}

function* dumpIndex(path: string, o: DumpOptions, errors: DumpErrors): Generator<DumpEvent> {
  const log = readFileSync(sibling(path, '.log'));
  const index = openIndex(path, 8);
  if (index.entries === 0) {
    yield { kind: 'note', text: `${path} is empty.` };
    return;
  }
  const abs = javaAbsolute(path, o.cwd);
  if (o.indexSanityOnly) {
    const lastOffset = index.base + index.data.readInt32BE((index.entries - 1) * 8);
    if (lastOffset < index.base)
      throw new Error(
        `Corrupt index found, index file (${abs}) has non-zero size but the last offset is ${lastOffset} ` +
          `which is less than the base offset ${index.base}`,
      );
    if (index.data.length % 8 !== 0)
      throw new Error(`Index file ${abs} is corrupt, found ${index.data.length} bytes which is neither positive nor a multiple of 8`);
    yield { kind: 'note', text: `${path} passed sanity check.` };
    return;
  }
  for (let i = 0; i < index.entries; i++) {
    const offset = index.base + index.data.readInt32BE(i * 8);
    const position = index.data.readInt32BE(i * 8 + 4);
    // A preallocated (active) index is zeros past its last entry: the original stops at the first.
    if (offset === index.base && i > 0) return;
    if (position > log.length) throw new Error(`Slice from position ${position} exceeds end position of file`);
    const first = logBatches(log.subarray(position, position + o.maxMessageSize), path).next();
    if (first.done) throw new Error('null');
    if (first.value.lastOffset !== offset) mapFor(errors.indexMismatches, abs).set(offset, first.value.lastOffset);
    if (!o.verifyOnly) yield { kind: 'index', offset, position };
  }
}

function checkTimeIndex(index: IndexFile, abs: string): void {
  if (index.entries === 0) return;
  const first = Number(index.data.readBigInt64BE(0));
  const lastAt = (index.entries - 1) * 12;
  const lastTimestamp = Number(index.data.readBigInt64BE(lastAt));
  const lastOffset = index.base + index.data.readInt32BE(lastAt + 8);
  const corrupt = `Corrupt time index found, time index file (${abs}) has non-zero size but the last`;
  if (lastTimestamp < first) throw new Error(`${corrupt} timestamp is ${lastTimestamp} which is less than the first timestamp ${first}`);
  if (lastOffset < index.base) throw new Error(`${corrupt} offset is ${lastOffset} which is less than the first offset ${index.base}`);
  if (index.data.length % 12 !== 0)
    throw new Error(`Time index file ${abs} is corrupt, found ${index.data.length} bytes which is neither positive nor a multiple of 12`);
}

function* dumpTimeIndex(path: string, o: DumpOptions, errors: DumpErrors): Generator<DumpEvent> {
  const log = readFileSync(sibling(path, '.log'));
  readFileSync(sibling(path, '.index'));
  const index = openIndex(path, 12);
  const abs = javaAbsolute(path, o.cwd);
  if (o.indexSanityOnly) {
    checkTimeIndex(index, abs);
    yield { kind: 'note', text: `${path} passed sanity check.` };
    return;
  }
  const batches = [...logBatches(log, path)];
  let prev = -1;
  for (let i = 0; i < index.entries; i++) {
    const timestamp = Number(index.data.readBigInt64BE(i * 12));
    const offset = index.base + index.data.readInt32BE(i * 12 + 8);
    if (offset === index.base && i > 0) return;
    const batch = batches.find((b) => b.lastOffset >= offset);
    if (!batch) listFor(errors.notFound, abs).push([offset, -1]);
    else if (batch.lastOffset !== offset) listFor(errors.notFound, abs).push([offset, batch.lastOffset]);
    else {
      const max = batchRecords(batch).reduce((m, r) => Math.max(m, r.timestamp), -1);
      if (max !== timestamp) listFor(errors.timeMismatches, abs).push([timestamp, max]);
      if (prev >= timestamp) listFor(errors.outOfOrder, abs).push([timestamp, prev]);
    }
    if (!o.verifyOnly) yield { kind: 'timeindex', timestamp, offset };
    prev = timestamp;
  }
}
