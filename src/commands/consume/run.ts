import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ExitCode } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { toPlain } from '../../output/render.js';
import { toYaml } from '../../output/yaml.js';
import { toEnvelope } from '../../serde/envelope.js';
import { consoleFormatter } from './console-format.js';
import { GroupCommits } from './group-commits.js';
import { committedOffsets, GroupEnd } from './group-end.js';
import { compileFormat, type RecordFormatter } from './format.js';
import { jsonLineFormatter } from './json-line.js';
import type { ConsumeOptions } from './options.js';
import { partitionsToRead, resolveRanges } from './positions.js';
import { OutputWriter } from './writer.js';

export { parse } from './options.js';

/** --format is read by parse: records are a stream (json lines, yaml documents), never a table. */
export const ownsFormatFlag = true;

const NEWLINE = Buffer.from('\n');

interface Counts {
  consumed: number;
  written: number;
  filtered: number;
}

function formatterFor(o: ConsumeOptions): RecordFormatter {
  switch (o.output.kind) {
    case 'values':
      return (r, out) => {
        if (r.value) out.put(r.value);
        out.put(NEWLINE);
      };
    case 'template':
      return compileFormat(o.output.template);
    case 'console':
      return consoleFormatter(o.output.props);
    case 'json': {
      const { keyEncoding, valueEncoding } = o.output;
      if (keyEncoding === 'text' && valueEncoding === 'text') return jsonLineFormatter();
      return (r, out) => {
        out.put(JSON.stringify(toEnvelope(r, { keyEncoding, valueEncoding })) + '\n');
      };
    }
    case 'yaml': {
      // A stream of YAML documents, one per record: the same envelope as --json.
      const { keyEncoding, valueEncoding } = o.output;
      return (r, out) => {
        out.put(`---\n${toYaml(toPlain(toEnvelope(r, { keyEncoding, valueEncoding })))}`);
      };
    }
  }
}

function matches(o: ConsumeOptions, r: ConsumedRecord): boolean {
  if (o.grep && !(r.value && o.grep.test(r.value.toString('utf8')))) return false;
  if (o.keyGrep && !(r.key && o.keyGrep.test(r.key.toString('utf8')))) return false;
  for (const [k, v] of o.headerFilters) if (!r.headers.some(([hk, hv]) => hk.toString('utf8') === k && (hv?.toString('utf8') ?? '') === v)) return false;
  return true;
}

/** `consume --json` prints NDJSON envelopes (src/serde/envelope.ts), --format yaml YAML documents; the summary goes to stderr. */
export async function run(o: ConsumeOptions, ctx: Context): Promise<CommandResult | void> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const writer = new OutputWriter(ctx.io.stdout);
  const format = formatterFor(o);
  const counts: Counts = { consumed: 0, written: 0, filtered: 0 };
  const filtering = Boolean(o.grep || o.keyGrep || o.headerFilters.length);
  const stopped = () => ctx.io.signal.aborted || writer.isClosed;
  let lastActivity = Date.now();
  const idle = () => o.idleTimeoutMs !== undefined && Date.now() - lastActivity >= o.idleTimeoutMs;
  const limitReached = () => o.maxMessages !== undefined && counts.written >= o.maxMessages;

  // Formats each record; returns the records whose output is buffered (for group commits).
  const emit = (records: ConsumedRecord[]): ConsumedRecord[] => {
    const taken: ConsumedRecord[] = [];
    for (const r of records) {
      if (limitReached()) break;
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
  };

  if (o.group) {
    const partitions = o.include || o.exitAtEnd ? await partitionsToRead(admin, o.topics, o.include, undefined) : [];
    const topics = o.include ? partitions.map((p) => p.topic) : o.topics;
    const fallback = o.offset.start.kind === 'start' ? 'earliest' : 'latest';
    const reader = await clients.groupReader({ groupId: o.group, topics: [...new Set(topics)], protocol: o.groupProtocol, fallback, isolation: o.isolation, onWarning: (m) => ctx.warn(m) });
    // Commit only after the output reached stdout: nothing beyond what was written.
    const commits = new GroupCommits((offsets) => reader.commit(offsets));
    let ok = false;
    try {
      const end = o.exitAtEnd ? await GroupEnd.start(admin, await committedOffsets(clients, o.group), partitions, o.isolation, fallback) : undefined;
      while (!stopped() && !limitReached() && !idle() && !(end && (await end.done()))) {
        const records = await reader.next();
        if (records.length) lastActivity = Date.now();
        end?.observe(records);
        commits.formatted(emit(records));
        if (await writer.flush()) commits.flushed();
        await commits.commitIfDue();
      }
      ok = true;
    } finally {
      // What reached stdout is committed however reading ended; an error that ended it wins.
      try {
        if (await writer.flush()) commits.flushed();
        await commits.commitWritten();
      } catch (error) {
        if (ok) throw error;
      } finally {
        await reader.close();
      }
    }
  } else {
    const partitions = await partitionsToRead(admin, o.topics, o.include, (topic) => o.topicPartitions?.[topic] ?? o.partitions);
    const ranges = await resolveRanges(admin, partitions, o.offset, o.isolation, o.exitAtEnd);
    const reader = await clients.partitionReader({
      ranges,
      isolation: o.isolation,
      onWarning: (m) => ctx.warn(m),
      logStart: async (topic, partition) => (await admin.listOffsets([{ topic, partition }], 'earliest'))[0].offset,
      // Following a topic, wait out a broker restart; with an end to reach, only up to --timeout.
      maxOutageMs: ranges.some((r) => r.end !== undefined) ? clients.settings.timeoutMs : Infinity,
      maxBytes: o.fetchMaxBytes,
    });
    try {
      while (!stopped() && !limitReached() && !idle()) {
        const records = await reader.next();
        if (records === null) break;
        if (records.length) lastActivity = Date.now();
        emit(records);
        if (!(await writer.flush()) && writer.isClosed) break;
      }
    } finally {
      await writer.flush();
      await reader.close();
    }
  }
  await writer.flush();
  if (o.verbose || (ctx.io.stderrIsTTY && filtering)) {
    ctx.io.stderr.write(`consumed ${counts.consumed}, written ${counts.written}${filtering ? `, filtered out ${counts.filtered}` : ''}\n`);
  }
  if (ctx.io.signal.aborted && ctx.io.signal.reason !== 'EPIPE') return { exitCode: ExitCode.interrupted };
}
