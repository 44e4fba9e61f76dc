import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/commands/consume/consume.js';
import { CONSOLE_SHARE_CONSUMER, CONSOLE_SHARE_CONSUMER_OPTIONS, shareConsumerSettings } from '../../src/dropin/console-share-consumer.js';
import { parseJopt } from '../../src/dropin/jopt.js';
import { UsageExit } from '../../src/dropin/script.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-share-consumer-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jopt = (...args: string[]) => parseJopt(['--bootstrap-server', 'h:1', '--topic', 't', ...args], CONSOLE_SHARE_CONSUMER_OPTIONS);
const settings = (...args: string[]) => shareConsumerSettings(jopt(...args));

describe("kafka-console-share-consumer.sh's consumer properties (ConsoleShareConsumerOptions 4.3.1)", () => {
  it('takes the group from --group, --command-property or the file; console-share-consumer without one', () => {
    expect(settings().group).toBe('console-share-consumer');
    expect(settings('--command-property', 'group.id=g1').group).toBe('g1');
    expect(settings('--command-config', file('g.properties', 'group.id=g2\nclient.id=c\n')).group).toBe('g2');
    expect(settings('--group', 'g3', '--consumer-property', 'group.id=g3').group).toBe('g3');
  });

  it('refuses group ids that differ, listed in the order of the original HashSet', () => {
    const message =
      "The group ids provided in different places (directly using '--group', via '--consumer-property', or via " +
      "'--consumer-config') do not match. Detected group ids: ";
    expect(() => settings('--group', 'b', '--command-property', 'group.id=a')).toThrow(new UsageExit(`${message}'a', 'b'`));
    // "zz" hashes to bucket 0 of 16, "a" (97) to bucket 1: the set's order, not the command line's.
    expect(() => settings('--group', 'a', '--command-property', 'group.id=zz')).toThrow(new UsageExit(`${message}'zz', 'a'`));
  });

  it('prints the deprecation lines in its order and refuses an option beside its replacement', () => {
    const line = (old: string, use: string) =>
      `Option --${old} is deprecated and will be removed in a future version. Use --${use} instead.`;
    const props = file('p.properties', 'client.id=c\n');
    expect(settings('--consumer-config', props, '--consumer-property', 'group.id=g').deprecations).toEqual([
      line('consumer-property', 'command-property'),
      line('consumer-config', 'command-config'),
    ]);
    expect(() => settings('--consumer-property', 'a=1', '--command-property', 'b=2')).toThrow(
      new UsageExit('Options --consumer-property and --command-property cannot be specified together.'),
    );
    expect(() => settings('--consumer-config', props, '--command-config', props)).toThrow(
      new UsageExit('Options --consumer-config and --command-config cannot be specified together.'),
    );
  });

  it('names the inline consumer settings it does not use', () => {
    expect(settings('--command-property', 'group.id=g', '--command-property', 'max.poll.records=5').ignored).toEqual(['max.poll.records']);
  });

  it('takes StringDeserializer and DefaultMessageFormatter, names any other class as not supported', () => {
    const string = 'org.apache.kafka.common.serialization.StringDeserializer';
    expect(CONSOLE_SHARE_CONSUMER.unsupported!(jopt('--key-deserializer', string, '--value-deserializer', string))).toEqual([]);
    expect(CONSOLE_SHARE_CONSUMER.unsupported!(jopt('--reject-message-on-error', '--enable-systest-events'))).toEqual([]);
    const long = CONSOLE_SHARE_CONSUMER.unsupported!(
      jopt('--value-deserializer', 'org.apache.kafka.common.serialization.LongDeserializer'),
    );
    expect(long.map((o) => o.name)).toEqual(['value-deserializer']);
    expect(CONSOLE_SHARE_CONSUMER.unsupported!(jopt('--formatter', 'x.Json')).map((o) => o.name)).toEqual(['formatter']);
  });

  it('reads --formatter-config under --property/--formatter-property', () => {
    const formatter = file('f.properties', 'print.key=true\nkey.separator=|\n');
    const o = parse([], { topic: ['t'], shareGroup: 'g', formatterConfig: formatter, property: ['key.separator=:'] } as never);
    expect(o.output).toMatchObject({ kind: 'console', props: { printKey: true, keySeparator: ':' } });
  });
});
