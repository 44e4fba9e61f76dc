/**
 * What fuzzing the parsers found (test/fuzz/parsers.test.ts), each shrunk to its smallest input and
 * kept as an ordinary test, so the bug stays fixed whatever the fuzzer's seed.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseConsoleProps } from '../../src/commands/consume/console-format.js';
import { parseEntities } from '../../src/commands/configs/entity.js';
import { keyValues, parseSize } from '../../src/cli/parse-helpers.js';
import { parseRate } from '../../src/commands/produce/rate.js';
import { MAX_TIMER_MS, parseDuration, parseTimerDuration } from '../../src/util/duration.js';
import { resolveConnection, splitBootstrap } from '../../src/config/resolve.js';
import { parseYaml } from '../../src/config/yaml-parse.js';
import { toYaml } from '../../src/output/yaml.js';
import { parse as parseProfileAdd } from '../../src/commands/profile/add.js';
import { parseOffsetFile } from '../../src/commands/delete-records/offset-file.js';
import { fromEnvelope } from '../../src/serde/envelope-input.js';
import { parsePlanCsv } from '../../src/commands/groups/reset-plan.js';

describe('a lookup table indexed by user text finds only its own keys', () => {
  it('consume --property valueOf=x: an unknown property, not a TypeError', () => {
    expect(() => parseConsoleProps(['valueOf'])).toThrow(UsageError);
    expect(() => parseConsoleProps(['constructor=1'])).toThrow(/unknown formatter property "constructor"/);
  });

  it('configs --entity-type constructor: an unknown entity type, not Object', () => {
    expect(() => parseEntities({ entityType: 'constructor', entityName: 'x' }, { requireName: true })).toThrow(
      /unknown entity type "constructor"/,
    );
  });

  it('--batch-size 1constructor: a usage error, not NaN bytes', () => {
    expect(() => parseSize('1constructor', '--batch-size')).toThrow(UsageError);
    expect(() => parseSize('1valueOf', '--batch-size')).toThrow(UsageError);
  });

  it('--config __proto__=x is a key like any other, not dropped', () => {
    expect(Object.keys(keyValues(['__proto__=x'], '--config'))).toEqual(['__proto__']);
  });
});

describe('numbers too large for what they become', () => {
  it('a duration of 99999999999999999999 (seconds) is refused, not 1e23 ms', () => {
    expect(() => parseDuration('99999999999999999999', '--timeout')).toThrow(/--timeout "99999999999999999999" is too long/);
  });

  it('a timer duration over 2^31-1 ms (which Node fires at once) is refused: --timeout 30d', () => {
    expect(parseTimerDuration('24d', '--timeout')).toBe(24 * 86_400_000);
    expect(() => parseTimerDuration('30d', '--timeout')).toThrow(/longer than 24d20h/);
    expect(() => parseProfileAdd(['p'], { bootstrapServer: 'h:9092', timeout: '30d' })).toThrow(UsageError);
  });

  it('--timeout 30d and a command config request.timeout.ms of 30 days: usage errors', () => {
    const base = { flags: { bootstrapServer: 'h:9092' }, env: {}, config: { profiles: {} } };
    expect(() => resolveConnection({ ...base, flags: { ...base.flags, timeout: '30d' } })).toThrow(/--timeout must be at most 24d20h/);
    expect(() => resolveConnection({ ...base, env: { KTOOL_TIMEOUT: '25d' } })).toThrow(/KTOOL_TIMEOUT must be at most/);
    expect(() => resolveConnection({ ...base, commandConfig: { unknownKeys: [], all: new Map(), timeoutMs: MAX_TIMER_MS + 1 } })).toThrow(
      /request.timeout.ms of --command-config must be at most/,
    );
    expect(resolveConnection({ ...base, flags: { ...base.flags, timeout: '24d' } }).timeoutMs).toBe(24 * 86_400_000);
  });

  it('--rate of 1e400/s (Infinity) is refused, not "no limit"', () => {
    expect(() => parseRate('1'.repeat(400))).toThrow(/too large/);
  });

  it('-b host:99999 or host:0: a usage error naming the port, not a socket RangeError (exit 4)', () => {
    expect(() => splitBootstrap('h:99999')).toThrow(/port 99999 is not from 1 to 65535/);
    expect(() => splitBootstrap('[::1]:0')).toThrow(/port 0/);
    expect(splitBootstrap('[::1],h:65535')).toEqual(['[::1]:9092', 'h:65535']);
  });
});

describe('config.yaml: what ktool writes reads back; nothing is dropped silently', () => {
  it('a line after the top-level block is an error, not ignored', () => {
    expect(() => parseYaml('  a: 1\nb: 2')).toThrow(/config:2: does not fit/);
    expect(() => parseYaml('- a\nb: 1')).toThrow(/config:2/);
  });

  it('a key named __proto__ is a key, not the prototype', () => {
    const doc = parseYaml('__proto__:\n  x: 1') as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['__proto__']);
    expect((doc as { x?: unknown }).x).toBeUndefined();
  });

  it.each([[{ p: [{ 'a:b': null }] }], [{ 'a:b': 1 }], [{ l: [{ '"': false }] }], [{ '- a': '' }], [{ k: '-' }]])(
    'round trip %j',
    (doc) => {
      expect(parseYaml(toYaml(doc))).toEqual(doc);
    },
  );
});

describe('numbers past what Kafka or JavaScript holds are refused where they are read', () => {
  it('delete-records --offset-json-file: "offset": 1e21 is a usage error, not a BigInt SyntaxError', () => {
    expect(() => parseOffsetFile('{"partitions":[{"topic":"t","partition":0,"offset":1e+21}]}')).toThrow(
      /partitions\[0\].offset must be a whole number/,
    );
    expect(parseOffsetFile('{"partitions":[{"topic":"t","partition":0,"offset":"100000000000000000000"}]}')[0].offset).toBe(10n ** 20n);
    expect(() => parseOffsetFile('{"partitions":[{"topic":"t","partition":9007199254740992,"offset":0}]}')).toThrow(
      /partition must be a whole number from 0 to 2147483647/,
    );
  });

  it('produce --input json: "partition" beyond int32 is a usage error naming it', () => {
    expect(() => fromEnvelope({ value: 'v', partition: 2 ** 31 })).toThrow(/"partition" must be an integer from 0 to 2147483647/);
    expect(fromEnvelope({ value: 'v', partition: 2 ** 31 - 1 }).partition).toBe(2 ** 31 - 1);
  });

  it('groups reset-offsets --from-file: an offset past 2^53 is refused, not rounded', () => {
    expect(() => parsePlanCsv('g,0,99999999999999999999', 'plan.csv')).toThrow(/plan.csv:1/);
    expect(() => parsePlanCsv('t,2147483648,0', 'plan.csv')).toThrow(/plan.csv:1/);
    expect(parsePlanCsv('t,0,9007199254740991', 'plan.csv')).toEqual([{ topic: 't', partition: 0, offset: 9007199254740991 }]);
  });

  it('config.yaml: " #" inside a quoted value is text, not a comment', () => {
    expect(parseYaml('k: "x #y" # note\nl:\n  - "a #b"\n"q #": 1')).toEqual({ k: 'x #y', l: ['a #b'], 'q #': 1 });
    expect(parseYaml("k: it's #c")).toEqual({ k: "it's" });
    expect(parseYaml(toYaml({ p: [{ '': { constructor: 'x #y' } }] }))).toEqual({ p: [{ '': { constructor: 'x #y' } }] });
  });
});

it('config.yaml: a value holding U+2028 (JSON.stringify leaves it as it is) reads back', () => {
  expect(parseYaml(toYaml({ '': '\u2028', l: [{ k: 'a\u2029b' }] }))).toEqual({ '': '\u2028', l: [{ k: 'a\u2029b' }] });
});
