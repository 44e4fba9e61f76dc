import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/commands/produce/produce.js';
import { consoleProducerSettings, consoleWarnings } from '../../src/commands/produce/console-producer.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-console-producer-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("kafka-console-producer.sh's flags on produce --topic", () => {
  it('maps each tuning flag to the producer setting it controls, over -X', () => {
    const flags = {
      topic: 't',
      timeout: '250',
      requestRequiredAcks: '1',
      requestTimeoutMs: '30000',
      messageSendMaxRetries: '5',
      retryBackoffMs: '200',
      metadataExpiryMs: '60000',
      maxPartitionMemoryBytes: '32768',
      commandProperty: ['acks=all', 'linger.ms=7'],
    };
    const o = parse([], flags as never);
    expect(o.lingerMs).toBe(250);
    expect(o.producer.acks).toBe(1);
    expect(o.producer.requestTimeoutMs).toBe(30000);
    expect(o.producer.retries).toBe(5);
    expect(o.producer.retryBackoffMs).toBe(200);
    expect(o.producer.metadataMaxAgeMs).toBe(60000);
    expect(o.batchBytes).toBe(32768);
    // --timeout is linger.ms here, not the connection timeout.
    expect((flags as { timeout?: string }).timeout).toBeUndefined();
    expect(o.consoleWarnings).toEqual([
      'Warning: --max-partition-memory-bytes is deprecated and will be removed in Apache Kafka 5.0. Use --batch-size instead.',
    ]);
  });

  it('--sync sends one record at a time', () => {
    const o = parse([], { topic: 't', sync: true } as never);
    expect(o.maxInFlightSends).toBe(1);
    expect(o.lingerMs).toBe(0);
  });

  it('reads the producer properties file (--producer.config too) and the reader properties file under the flags', () => {
    const producer = file('p.properties', 'acks=1\nlinger.ms=9\nsecurity.protocol=PLAINTEXT\n');
    const reader = file('r.properties', 'parse.key=true\nkey.separator=:\ntopic=ignored\n');
    const flags = { topic: 't', 'producer.config': producer, readerConfig: reader, readerProperty: ['key.separator=|'] };
    const o = parse([], flags as never);
    expect(o.producer.acks).toBe(1);
    expect(o.lingerMs).toBe(9);
    expect(o.line.parseKey).toBe(true);
    expect(o.line.keySeparator).toBe('|');
    // The file is the connection's too; its producer keys are not reported as unknown.
    const f = flags as { commandConfig?: string; commandConfigKeys?: (k: string) => boolean };
    expect(f.commandConfig).toBe(producer);
    expect(f.commandConfigKeys?.('linger.ms')).toBe(true);
    expect(f.commandConfigKeys?.('security.protocol')).toBe(false);
    expect(o.consoleWarnings).toEqual([
      'Warning: --producer.config is deprecated and will be removed in a future version. Use --command-config instead.',
    ]);
  });

  it("takes Kafka's LineMessageReader only, and names the settings ktool has no counterpart for", () => {
    expect(consoleProducerSettings({ lineReader: 'org.apache.kafka.tools.LineMessageReader' }).ignored).toEqual([]);
    expect(() => consoleProducerSettings({ lineReader: 'com.example.Reader' })).toThrow(/LineMessageReader only/);
    const s = consoleProducerSettings({ topic: 't', maxBlockMs: '60000', maxMemoryBytes: '33554432', socketBufferSize: '102400' });
    expect(s.ignored.map((i) => i.split(' ')[0])).toEqual(['--socket-buffer-size']);
    expect(s.flagProperties).toEqual(['buffer.memory=33554432']);
    expect(s.maxBlockMs).toBe(60000);
    expect(() => consoleProducerSettings({ topic: 't', maxBlockMs: 'x' })).toThrow(/--max-block-ms/);
    expect(() => consoleProducerSettings({ maxMemoryBytes: '-1' })).toThrow(/--max-memory-bytes/);
  });

  it('--max-memory-bytes is buffer.memory: fewer batches in flight when it cannot hold 5 and the one being filled', () => {
    const inFlight = (...more: string[]) =>
      parse([], { topic: 't', batchSize: '16384', maxMemoryBytes: more[0], producerProperty: more.slice(1) } as never).maxInFlightSends;
    expect(inFlight('33554432')).toBe(5);
    expect(inFlight(String(4 * 16384))).toBe(3);
    expect(inFlight('1000')).toBe(1);
    expect(inFlight('33554432', 'max.in.flight.requests.per.connection=2')).toBe(2);
  });

  it("prints the original's deprecation lines in its order and refuses an option beside its replacement", () => {
    expect(consoleWarnings({ topic: 't', property: ['parse.key=true'], producerProperty: ['acks=1'] })).toEqual([
      'Warning: --producer-property is deprecated and will be removed in a future version. Use --command-property instead.',
      'Warning: --property is deprecated and will be removed in a future version. Use --reader-property instead.',
    ]);
    expect(() => consoleWarnings({ topic: 't', producerProperty: ['a=1'], commandProperty: ['a=1'] })).toThrow(
      'Options --command-property and --producer-property cannot be specified together.',
    );
    expect(() => consoleWarnings({ topic: 't', property: ['a=1'], readerProperty: ['a=1'] })).toThrow(/--reader-property and --property/);
    expect(() => consoleWarnings({ topic: 't', commandConfig: 'a', 'producer.config': 'b' })).toThrow(
      /--command-config and --producer.config/,
    );
    // ktool's own spelling (TOPIC) prints none.
    expect(consoleWarnings({ property: ['parse.key=true'] })).toEqual([]);
  });

  it('--version is the Kafka version the spelling follows, with no topic needed', () => {
    expect(parse([], { version: true } as never).kafkaVersion).toBe('4.3.1');
  });
});
