/** Runs dump-log: each file's events rendered as the original's lines, JSON lines or ktool's tables. */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { write } from '../../cli/io.js';
import { OperationError } from '../../errors.js';
import { dumpFile, type DumpOptions } from '../../dumplog/dump.js';
import { noErrors, type DumpEvent } from '../../dumplog/events.js';
import { kafkaErrorLines, kafkaLine } from '../../dumplog/kafka-text.js';
import {
  clusterMetadataParser,
  coordinatorParser,
  decoderParser,
  remoteLogMetadataDecoder,
  type MessageParser,
} from '../../dumplog/parsers.js';
import { javaPath } from '../../dumplog/paths.js';
import type { Decoder, DumpLogOptions } from './dump-log.js';
import { eventJson, TableBuilder } from './native.js';

function parserFor(d: Decoder): MessageParser {
  if (d.kind === 'classes') return decoderParser(d.key, d.value);
  if (d.kind === 'metadata') return clusterMetadataParser;
  if (d.kind === 'remote') return remoteLogMetadataDecoder;
  return coordinatorParser(d.kind);
}

/** Output in pieces of about 64 KiB: a segment's dump can be far larger than memory should hold. */
class Chunks {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly ctx: Context) {}
  add(text: string): boolean {
    if (!text) return false;
    this.parts.push(text);
    this.size += text.length;
    return this.size >= 65536;
  }
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await write(this.ctx.io.stdout, text);
  }
}

export async function runDump(o: DumpLogOptions, ctx: Context): Promise<CommandResult | void> {
  const options: DumpOptions = { ...o, parser: parserFor(o.decoder), cwd: process.cwd() };
  const errors = noErrors();
  const out = new Chunks(ctx);
  const table = o.mode === 'table' || o.mode === 'wide' || o.mode === 'yaml' ? new TableBuilder() : undefined;
  let current = '';
  const render = (e: DumpEvent): string => {
    if (e.kind === 'warning') {
      ctx.io.stderr.write(o.mode === 'kafka' ? `${e.text}\n` : `warning: ${e.text}\n`);
      return '';
    }
    if (o.mode === 'kafka') return kafkaLine(e, o.skipRecordMetadata);
    if (table) return (table.add(e), '');
    if (e.kind === 'file') current = e.file;
    const json = e.kind === 'file' ? eventJson(e) : { file: current, ...eventJson(e) };
    return `${JSON.stringify(json, (_, v: unknown) => (typeof v === 'bigint' ? plain(v) : v))}\n`;
  };
  for (const file of o.files) {
    try {
      for (const e of dumpFile(javaPath(file), options, errors)) if (out.add(render(e))) await out.flush();
    } catch (e) {
      await out.flush();
      throw new OperationError(`${javaPath(file)}: ${(e as Error).message}`);
    }
    await out.flush();
  }
  const tail = kafkaErrorLines(errors);
  if (tail.length) ctx.io.stderr.write(`${tail.join('\n')}\n`);
  if (table) return { data: table.data(), view: table.view() };
}

const plain = (v: bigint): number | string => (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString());
