import type { Io } from '../../cli/io.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { toPlain } from '../../output/render.js';
import { toYaml } from '../../output/yaml.js';
import { toEnvelope } from '../../serde/envelope.js';
import { consoleFormatter } from './console-format.js';
import type { ConsumeOptions } from './consume.js';
import { compileFormat, type RecordFormatter } from './format.js';
import { jsonLineFormatter } from './json-line.js';
import type { ConsumeOutput } from './output.js';
import { OutputWriter } from './writer.js';

const NEWLINE = Buffer.from('\n');

function formatterFor(output: ConsumeOutput): RecordFormatter {
  switch (output.kind) {
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
  private readonly format: RecordFormatter;
  private lastActivity = Date.now();

  constructor(
    private readonly o: ConsumeOptions,
    private readonly io: Io,
  ) {
    this.writer = new OutputWriter(io.stdout);
    this.format = formatterFor(o.output);
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
      (idleTimeoutMs !== undefined && Date.now() - this.lastActivity >= idleTimeoutMs)
    );
  }

  /** Formats each record; returns the records taken (formatted or filtered out), whose output is buffered (for group commits). */
  emit(records: ConsumedRecord[]): ConsumedRecord[] {
    if (records.length) this.lastActivity = Date.now();
    const { counts, format, writer, filtering, o } = this;
    const taken: ConsumedRecord[] = [];
    for (const r of records) {
      if (this.limitReached()) break;
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
