import type { Io } from '../../cli/io.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { toPlain } from '../../output/render.js';
import { toYaml } from '../../output/yaml.js';
import { toEnvelope } from '../../serde/envelope.js';
import { schemaIdOf } from '../../serde/wire.js';
import { consoleFormatter } from './console-format.js';
import type { ConsumeOptions } from './options.js';
import { compileFormat, type RecordFormatter } from './format.js';
import { jsonLineFormatter } from './json-line.js';
import { compileKcatFormat, kcatDefaultFormat, kcatJsonFormat } from './kcat-format.js';
import type { ConsumeOutput } from './output.js';
import { OutputWriter } from './writer.js';
import type { RecordDecoder } from '../../serde/typed-consume.js';

const NEWLINE = Buffer.from('\n');

/**
 * Records decoded with their schemas: the envelope gets the JSON value, its format and schema id;
 * other outputs print the value (and key) as JSON text. A record with nothing decoded goes the
 * usual way.
 */
function decodingFormatter(output: ConsumeOutput, inner: RecordFormatter, decoder: RecordDecoder): RecordFormatter {
  if (output.kind === 'json' || output.kind === 'yaml') {
    const { keyEncoding, valueEncoding } = output;
    const yaml = output.kind === 'yaml';
    return (r, out) => {
      const typedKey = decoder.decode(r, 'key');
      const typedValue = decoder.decode(r, 'value');
      // A framed side left undecoded (unknown id, registry down, bytes that do not decode) is binary: base64.
      const rawKey = !typedKey && schemaIdOf(r.key) !== undefined && (keyEncoding ?? 'text') === 'text';
      const rawValue = !typedValue && schemaIdOf(r.value) !== undefined && (valueEncoding ?? 'text') === 'text';
      if (!typedKey && !typedValue && !rawKey && !rawValue) return inner(r, out);
      const env = toEnvelope(r, {
        keyEncoding: rawKey ? 'base64' : keyEncoding,
        valueEncoding: rawValue ? 'base64' : valueEncoding,
        typedKey,
        typedValue,
      });
      out.put(yaml ? `---\n${toYaml(toPlain(env))}` : JSON.stringify(env) + '\n');
    };
  }
  return (r, out) => {
    const key = decoder.decode(r, 'key');
    const value = decoder.decode(r, 'value');
    if (!key && !value) return inner(r, out);
    inner(
      {
        ...r,
        key: key ? Buffer.from(JSON.stringify(key.value), 'utf8') : r.key,
        value: value ? Buffer.from(JSON.stringify(value.value), 'utf8') : r.value,
      },
      out,
    );
  };
}

function formatterFor(output: ConsumeOutput, leaders: Map<string, number>): RecordFormatter {
  switch (output.kind) {
    case 'kcat':
      if (output.json) return kcatJsonFormat(output.delimiter, (t, p) => leaders.get(`${t}:${p}`) ?? -1);
      if (output.template !== undefined) return compileKcatFormat(output.template, output.nullEmpty);
      return kcatDefaultFormat(output.delimiter, output.keyDelimiter, output.nullEmpty);
    case 'values':
      return (r, out) => {
        if (r.value) out.put(r.value);
        out.put(NEWLINE);
      };
    case 'template':
      return compileFormat(output.template);
    case 'console':
      return consoleFormatter(output.props);
    case 'json': {
      const { keyEncoding, valueEncoding } = output;
      if (keyEncoding === 'text' && valueEncoding === 'text') return jsonLineFormatter();
      return (r, out) => {
        out.put(JSON.stringify(toEnvelope(r, { keyEncoding, valueEncoding })) + '\n');
      };
    }
    case 'yaml': {
      // A stream of YAML documents, one per record: the same envelope as --json.
      const { keyEncoding, valueEncoding } = output;
      return (r, out) => {
        out.put(`---\n${toYaml(toPlain(toEnvelope(r, { keyEncoding, valueEncoding })))}`);
      };
    }
  }
}

function matches(o: ConsumeOptions, r: ConsumedRecord): boolean {
  if (o.grep && !(r.value && o.grep.test(r.value.toString('utf8')))) return false;
  if (o.keyGrep && !(r.key && o.keyGrep.test(r.key.toString('utf8')))) return false;
  for (const [k, v] of o.headerFilters)
    if (!r.headers.some(([hk, hv]) => hk.toString('utf8') === k && (hv?.toString('utf8') ?? '') === v)) return false;
  return true;
}

/**
 * Where consumed records go: filtered (--grep, --key-grep, --header), formatted into the stdout
 * writer, counted; and when reading stops (Ctrl-C, stdout closed, -n reached, --timeout-ms idle).
 */
export class RecordsOut {
  readonly counts = { consumed: 0, written: 0, filtered: 0 };
  readonly writer: OutputWriter;
  readonly filtering: boolean;
  /** `topic:partition` -> its leader's id, for kcat's -J `broker` (read.ts fills it). */
  readonly leaders = new Map<string, number>();
  private readonly format: RecordFormatter;
  private lastActivity = Date.now();
  /** kcat's e@TS: partitions that reached it, and how many are read (read.ts sets it). */
  private readonly stopped = new Set<string>();
  partitionCount = 0;

  constructor(
    private readonly o: ConsumeOptions,
    private readonly io: Io,
    readonly decoder?: RecordDecoder,
  ) {
    this.writer = new OutputWriter(io.stdout);
    const format = formatterFor(o.output, this.leaders);
    this.format = decoder ? decodingFormatter(o.output, format, decoder) : format;
    this.filtering = Boolean(o.grep || o.keyGrep || o.headerFilters.length);
  }

  limitReached(): boolean {
    return this.o.maxMessages !== undefined && this.counts.written >= this.o.maxMessages;
  }

  /** Ctrl-C, stdout gone, -n reached, or --timeout-ms without records. */
  done(): boolean {
    const { idleTimeoutMs } = this.o;
    return (
      this.io.signal.aborted ||
      this.writer.isClosed ||
      this.limitReached() ||
      (this.o.stopAtMs !== undefined && this.partitionCount > 0 && this.stopped.size >= this.partitionCount) ||
      (idleTimeoutMs !== undefined && Date.now() - this.lastActivity >= idleTimeoutMs)
    );
  }

  /** Before emit(): the schemas the records name are fetched (once each). */
  async prepare(records: ConsumedRecord[]): Promise<void> {
    if (this.decoder && records.length) await this.decoder.prepare(records);
  }

  /** Formats each record; returns the records taken (formatted or filtered out), whose output is buffered (for group commits). */
  emit(records: ConsumedRecord[]): ConsumedRecord[] {
    if (records.length) this.lastActivity = Date.now();
    const { counts, format, writer, filtering, o } = this;
    const taken: ConsumedRecord[] = [];
    for (const r of records) {
      if (this.limitReached()) break;
      if (o.stopAtMs !== undefined && (r.timestamp >= o.stopAtMs || this.stopped.has(`${r.topic}:${r.partition}`))) {
        this.stopped.add(`${r.topic}:${r.partition}`);
        continue;
      }
      counts.consumed++;
      taken.push(r);
      if (filtering && !matches(o, r)) {
        counts.filtered++;
        continue;
      }
      format(r, writer);
      counts.written++;
    }
    return taken;
  }
}
