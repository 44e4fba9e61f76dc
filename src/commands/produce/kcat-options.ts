/** `ktool produce` in kcat's spelling (-P -t ...): the flags it refuses, and the options it gives. */
import type { Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { kcatCompression, kcatInput, kcatProducerProperties } from './kcat.js';
import { lineFormatOf, sendTuning, topicOf, type ProduceOptions } from './options.js';
import type { spec } from './produce.js';
import { applyProducerProperties, producerSettingsOf, withTunables } from './producer-settings.js';

const NOT_WITH_KCAT: [keyof Flags<typeof spec>, string][] = [
  ['file', '--file (give the files as arguments: each one record, or -l FILE for its lines)'],
  ['input', '--input'],
  ['property', '--property'],
  ['readerProperty', '--reader-property'],
  ['nullMarker', '--null-marker'],
  ['rate', '--rate'],
  ['keepPartitions', '--keep-partitions'],
  ['valueFormat', '--value-format'],
  ['keyFormat', '--key-format'],
  ['partitions', '--partitions'],
];

/** kcat's spelling (kcat.ts): -t's topic, FILE arguments, kcat's input rules and partitioner; no summary line, as kcat. */
export function parseKcat(args: string[], flags: Flags<typeof spec>): ProduceOptions {
  for (const [k, name] of NOT_WITH_KCAT) {
    const v = flags[k];
    if (v !== undefined && v !== false && !(k === 'input' && v === 'line') && !(Array.isArray(v) && v.length === 0))
      throw new UsageError(`${name} cannot be combined with kcat's flags (-P -t -D -l -T -c -Z -z)`);
  }
  if (flags.keyEncoding !== 'text' || flags.valueEncoding !== 'text')
    throw new UsageError("--key-encoding/--value-encoding cannot be combined with kcat's flags: kcat sends the bytes as they are");
  const explicit = flags.kcatTopic ?? flags.topic;
  if (explicit === undefined && (flags.kcatProducer || args.length !== 1)) throw new UsageError('-t <topic> missing');
  const topic = topicOf(explicit === undefined ? args.slice(0, 1) : [], explicit);
  const files = explicit === undefined ? [] : args;
  const { partitioner, java } = kcatProducerProperties(flags.producerProperty ?? []);
  const x = applyProducerProperties([...java, ...(flags.commandProperty ?? [])]);
  const compression = flags.kcatCompression !== undefined ? kcatCompression(flags.kcatCompression) : flags.compression;
  const producer = producerSettingsOf({ ...flags, ...(compression !== undefined ? { compression } : {}) }, x);
  withTunables(producer, x);
  const kcat = kcatInput(flags, files, partitioner);
  return {
    consoleWarnings: [],
    consoleIgnored: [],
    topic,
    files,
    input: 'line',
    keyEncoding: 'text',
    valueEncoding: 'text',
    line: lineFormatOf([], [], undefined, undefined),
    headers: [],
    keepPartitions: false,
    producer,
    ...sendTuning(flags, x),
    onError: 'fail',
    quiet: true,
    kcat,
  };
}
