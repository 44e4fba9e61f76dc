/** ktool's own dump-log output: one JSON object per event, or a table per file. */
import { CODEC_NAMES } from '../../kafka/log-segment.js';
import type { DumpEvent } from '../../dumplog/events.js';
import type { TableBlock, View } from '../../output/view.js';

/** An event as JSON: `type` says what it is (file, batch, record, index, timeindex, producer, aborted, note). */
export function eventJson(e: DumpEvent): Record<string, unknown> {
  switch (e.kind) {
    case 'batch': {
      const { kind: _k, codec, logAppendTime, ...rest } = e;
      return { type: 'batch', ...rest, compression: CODEC_NAMES[codec], timestampType: logAppendTime ? 'LogAppendTime' : 'CreateTime' };
    }
    case 'record': {
      const { kind: _k, logAppendTime, ...rest } = e;
      return { type: 'record', ...rest, control: rest.control?.trim(), timestampType: logAppendTime ? 'LogAppendTime' : 'CreateTime' };
    }
    case 'start':
      return { type: 'note', text: e.text };
    case 'file':
      return { type: 'file', file: e.file, fileType: e.type };
    default: {
      const { kind, ...rest } = e;
      return { type: kind, ...rest };
    }
  }
}

interface FileTable {
  file: string;
  head: string[];
  rows: (string | number | boolean | null)[][];
  lines: string[];
  events: Record<string, unknown>[];
}

const HEADS: Partial<Record<DumpEvent['kind'], string[]>> = {
  batch: ['BASE', 'LAST', 'COUNT', 'POSITION', 'SIZE', 'CODEC', 'MAX-TIMESTAMP', 'PRODUCER', 'EPOCH', 'TXN', 'CONTROL', 'VALID'],
  record: ['OFFSET', 'TIMESTAMP', 'KEY-SIZE', 'VALUE-SIZE', 'SEQUENCE', 'HEADERS', 'KEY', 'PAYLOAD'],
  index: ['OFFSET', 'POSITION'],
  timeindex: ['TIMESTAMP', 'OFFSET'],
  producer: ['PRODUCER', 'EPOCH', 'COORDINATOR-EPOCH', 'TXN-FIRST-OFFSET', 'FIRST-SEQ', 'LAST-SEQ', 'LAST-OFFSET', 'TIMESTAMP'],
  aborted: ['PRODUCER', 'FIRST-OFFSET', 'LAST-OFFSET', 'LAST-STABLE-OFFSET'],
};

const str = (v: bigint | number | null | undefined) => (v === null || v === undefined ? null : v.toString());

function row(e: DumpEvent): (string | number | boolean | null)[] | undefined {
  switch (e.kind) {
    case 'batch':
      return [
        e.baseOffset,
        e.lastOffset,
        e.count,
        e.position,
        e.size,
        CODEC_NAMES[e.codec],
        e.maxTimestamp,
        e.producerId,
        e.producerEpoch,
        e.transactional,
        e.control,
        e.isValid,
      ];
    case 'record':
      return [
        e.offset,
        e.timestamp,
        e.keySize,
        e.valueSize,
        e.sequence,
        e.headerKeys.join(','),
        e.key ?? null,
        e.payload ?? e.control?.trim() ?? null,
      ];
    case 'index':
      return [e.offset, e.position];
    case 'timeindex':
      return [e.timestamp, e.offset];
    case 'producer':
      return [
        str(e.producerId),
        e.producerEpoch,
        e.coordinatorEpoch,
        str(e.currentTxnFirstOffset),
        e.firstSequence,
        e.lastSequence,
        str(e.lastOffset),
        str(e.timestamp),
      ];
    case 'aborted':
      return [str(e.producerId), str(e.firstOffset), str(e.lastOffset), str(e.lastStableOffset)];
    default:
      return undefined;
  }
}

/**
 * One table per file: its batches, or with --deep-iteration/--print-data-log its records (a control
 * record's marker in PAYLOAD), or its index entries / producers / aborted transactions.
 */
export class TableBuilder {
  private files: FileTable[] = [];

  add(e: DumpEvent): void {
    if (e.kind === 'file') {
      this.files.push({ file: e.file, head: [], rows: [], lines: [], events: [] });
      return;
    }
    const t = this.files[this.files.length - 1];
    t.events.push(eventJson(e));
    if (e.kind === 'start' || e.kind === 'note') return void t.lines.push(e.text);
    const cells = row(e);
    if (!cells) return;
    // Deep iteration: records replace their batches in the table (the JSON keeps both).
    if (e.kind === 'record' && t.head !== HEADS.record) {
      t.head = HEADS.record!;
      t.rows = [];
    }
    if (e.kind === 'batch' && t.head === HEADS.record) return;
    if (!t.head.length) t.head = HEADS[e.kind]!;
    t.rows.push(cells);
  }

  data(): unknown {
    return this.files.map((f) => ({ file: f.file, events: f.events }));
  }

  view(): View {
    return this.files.flatMap((f) => {
      const blocks: View = [{ lines: [f.file, ...f.lines] }];
      if (f.head.length) {
        const numeric = f.head.map((h, i) => (/OFFSET|COUNT|POSITION|SIZE|SEQ|EPOCH|BASE|LAST|TIMESTAMP/.test(h) ? i : -1));
        const table: TableBlock = { head: f.head, rows: f.rows, numeric: numeric.filter((i) => i >= 0) };
        blocks.push(table);
      }
      return blocks;
    });
  }
}
