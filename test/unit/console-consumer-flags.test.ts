import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/commands/consume/consume.js';
import {
  applyConsoleConsumerFlags,
  consoleConsumerDeprecations,
  consoleTimeoutError,
} from '../../src/commands/consume/console-consumer.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-console-consumer-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("kafka-console-consumer.sh's flags on consume --topic", () => {
  it('takes group.id, auto.offset.reset and isolation.level from --command-property', () => {
    const o = parse([], {
      topic: ['t'],
      commandProperty: ['group.id=g', 'auto.offset.reset=earliest', 'isolation.level=read_committed', 'client.id=c'],
    } as never);
    expect(o.group).toBe('g');
    expect(o.offsetText).toBe('start');
    expect(o.isolation).toBe('read_committed');
    expect(o.console?.ignored).toEqual(['client.id']);
  });

  it('flags win over properties; latest keeps the default end', () => {
    const o = parse([], { topic: ['t'], group: 'mine', consumerProperty: ['group.id=other', 'auto.offset.reset=latest'] } as never);
    expect(o.group).toBe('mine');
    expect(o.offsetText).toBe('end');
    expect(o.console?.deprecations).toEqual([
      'Option --consumer-property is deprecated and will be removed in a future version. Use --command-property instead.',
    ]);
  });

  it('reads the consumer properties file (--consumer.config too) and the formatter properties file under --formatter-property', () => {
    const consumer = file('c.properties', 'auto.offset.reset=earliest\nsecurity.protocol=PLAINTEXT\n');
    const formatter = file('f.properties', 'print.key=true\nkey.separator=|\n');
    const f = { topic: ['t'], 'consumer.config': consumer, formatterConfig: formatter, formatterProperty: ['key.separator=:'] };
    const o = parse([], f as never);
    expect(o.offsetText).toBe('start');
    expect(o.output).toMatchObject({ kind: 'console', props: { printKey: true, keySeparator: ':' } });
    const g = f as { commandConfig?: string; commandConfigKeys?: (k: string) => boolean };
    expect(g.commandConfig).toBe(consumer);
    expect(g.commandConfigKeys?.('auto.offset.reset')).toBe(true);
    expect(g.commandConfigKeys?.('security.protocol')).toBe(false);
  });

  it("takes Kafka's DefaultMessageFormatter and StringDeserializer only", () => {
    expect(applyConsoleConsumerFlags({ formatter: 'org.apache.kafka.tools.consumer.DefaultMessageFormatter' })).toEqual([]);
    expect(() => applyConsoleConsumerFlags({ formatter: 'x.Json' })).toThrow(/DefaultMessageFormatter only/);
    expect(() => applyConsoleConsumerFlags({ valueDeserializer: 'org.apache.kafka.common.serialization.LongDeserializer' })).toThrow(
      /StringDeserializer only/,
    );
    expect(() => applyConsoleConsumerFlags({ commandProperty: ['auto.offset.reset=soon'] })).toThrow(/earliest, latest or none/);
  });

  it('refuses a deprecated option beside its replacement, as the original', () => {
    expect(() => consoleConsumerDeprecations({ consumerProperty: ['a=1'], commandProperty: ['a=1'] })).toThrow(
      'Options --consumer-property and --command-property cannot be specified together.',
    );
    expect(() => consoleConsumerDeprecations({ commandConfig: 'a', 'consumer.config': 'b' })).toThrow(/cannot be specified together/);
  });

  it('--enable-systest-events and --version', () => {
    expect(parse([], { topic: ['t'], enableSystestEvents: true } as never).console?.systestEvents).toBe(true);
    expect(parse([], { version: true } as never).kafkaVersion).toBe('4.3.1');
  });

  it('--timeout-ms ends with the TimeoutException line the original logs through tools-log4j2.yaml', () => {
    expect(parse([], { topic: ['t'], timeoutMs: '3000' } as never).console?.timeoutLogger).toBe(
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
    );
    const at = new Date(2026, 11, 2, 0, 5, 9, 42).getTime();
    expect(consoleTimeoutError('org.apache.kafka.tools.consumer.ConsoleConsumer', at)).toBe(
      '[2026-12-02 00:05:09,042] ERROR Error processing message, terminating consumer process:  ' +
        '(org.apache.kafka.tools.consumer.ConsoleConsumer)\n' +
        'org.apache.kafka.common.errors.TimeoutException: null\n',
    );
  });
});
