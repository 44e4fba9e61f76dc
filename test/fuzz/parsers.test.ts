/**
 * Issue 15: every parser of user input, fuzzed. Random text, and near-valid text built from each
 * grammar's own tokens (so the runs reach the deep branches), never crashes, never hangs and always
 * ends in a value or a typed error (KtoolError) with a documented exit code: a TypeError, RangeError,
 * SyntaxError or plain Error escaping a parser would print as an unexplained failure with exit 1.
 * Fixed seed: CI runs the same inputs every time; a failure prints the seed and the shrunk input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExitCode, KtoolError } from '../../src/errors.js';
import { parseOffsetSpec } from '../../src/commands/consume/offset-spec.js';
import { isTime, parseIsoTime, parseTime, parseTimeArg } from '../../src/cli/time-spec.js';
import { parseExactTopicPartitions, parsePartitionList, parseTopicSelection, splitTopicList } from '../../src/cli/topic-partitions.js';
import { parseDuration } from '../../src/util/duration.js';
import { parseJaasConfig, parseProperties } from '../../src/config/properties.js';
import { interpretCommandConfig } from '../../src/config/command-config.js';
import { parseYaml } from '../../src/config/yaml-parse.js';
import { splitBootstrap } from '../../src/config/resolve.js';
import { parse as parseProfileAdd } from '../../src/commands/profile/add.js';
import { compileFormat, type Sink } from '../../src/commands/consume/format.js';
import { consoleFormatter, parseConsoleProps } from '../../src/commands/consume/console-format.js';
import { jsonLineFormatter } from '../../src/commands/consume/json-line.js';
import { fromEnvelope, toEnvelope, type OutputEncoding } from '../../src/serde/envelope.js';
import { ENVELOPE_FIELDS } from '../../src/serde/envelope-input.js';
import { serdeFor } from '../../src/serde/serde.js';
import { parseConfigNames, parseConfigPairs, unbracket } from '../../src/commands/configs/config-list.js';
import { parseHosts, parseOperations, parsePatternType, parsePrincipals, parseResources } from '../../src/commands/acls/vocabulary.js';
import { compileRegex, keyValues, parseSize, positiveInt, splitPairs } from '../../src/cli/parse-helpers.js';
import { parseDatetime, parsePlanCsv, parseTopicArg } from '../../src/commands/groups/reset-plan.js';
import { parseOffsetFile } from '../../src/commands/delete-records/offset-file.js';
import { LineError, makeLineParser, type ParsedLine } from '../../src/commands/produce/line-parser.js';
import { applyReaderProperties, unescapeSeparator, validateLineFormat } from '../../src/commands/produce/properties.js';
import { mm2Policy, parseRename } from '../../src/commands/mirror/rename.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { toYaml } from '../../src/output/yaml.js';
import { parseEntities } from '../../src/commands/configs/entity.js';
import { parseRate } from '../../src/commands/produce/rate.js';
import { parseAcks } from '../../src/commands/produce/options.js';
import { parseTimeSpec } from '../../src/commands/offsets/time-query.js';
import { parseCut } from '../../src/commands/delete-records/delete-records.js';
import { parseIterations, parseMechanisms, parseUserName } from '../../src/commands/users/mechanisms.js';

/**
 * Per assert, not fc.configureGlobal: the unit tier reuses workers across files (isolate: false), so
 * a global setting would leak into other files. interruptAfterTimeLimit fails a property whose runs
 * together take over 5 s (fast-check cannot stop a synchronous call; SLOW_MS below catches one).
 */
const RUNS = 500;
// A longer hunt by hand: KTOOL_FUZZ_SEED=$RANDOM KTOOL_FUZZ_RUNS=20000 npx vitest run -c vitest.unit.config.ts test/fuzz
const PARAMS = {
  seed: Number(process.env.KTOOL_FUZZ_SEED ?? 0x15f022),
  numRuns: Number(process.env.KTOOL_FUZZ_RUNS ?? RUNS),
  interruptAfterTimeLimit: process.env.KTOOL_FUZZ_RUNS ? 600_000 : 5_000,
  markInterruptAsFailure: true,
};

const NOW = Date.parse('2026-11-30T12:00:00Z');
/**
 * Longest one parse may take (`0-999999`, a million partitions, takes ~300 ms): a regex that backtracks on a
 * long input shows here, not as a hung CLI.
 */
const SLOW_MS = 2_000;
const DOCUMENTED = new Set<number>(Object.values(ExitCode));

/**
 * Runs one parse: its value, or undefined when it threw a typed error with a usage (or other
 * documented) exit code. Anything else thrown fails the property with the input that caused it.
 */
function typed<T>(
  parse: () => T,
  { codes = [ExitCode.usage] as number[], also }: { codes?: number[]; also?: (e: unknown) => boolean } = {},
): T | undefined {
  const started = performance.now();
  let value: T | undefined;
  try {
    value = parse();
  } catch (error) {
    if (also?.(error)) return undefined;
    if (!(error instanceof KtoolError))
      throw new Error(`untyped ${(error as Error)?.constructor?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`, {
        cause: error,
      });
    if (!DOCUMENTED.has(error.exitCode) || !codes.includes(error.exitCode))
      throw new Error(`exit code ${error.exitCode} for: ${error.message}`);
    if (!error.message) throw new Error('a typed error without a message');
  } finally {
    const took = performance.now() - started;
    if (took > SLOW_MS) throw new Error(`took ${Math.round(took)} ms`);
  }
  return value;
}

/** Text of every kind: ASCII, any code point (lone surrogates too), grapheme clusters. */
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...' \t\r\n\\,:;=[]{}"\'#-+@%.0123456789') as fc.Arbitrary<string>, maxLength: 40 }),
);

/** Names every plain object answers to: a lookup table indexed by user text must not find them. */
const PROTO_NAMES = ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty'];

/** Near-valid text: a grammar's own tokens (and the prototype's names) in random order and number. */
const soup = (tokens: string[], maxLength = 10) =>
  fc
    .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) }), {
      maxLength,
    })
    .map((t) => t.join(''));

/** One token repeated hundreds of times, then a tail: what makes a backtracking regex slow. */
const long = (tokens: string[]) =>
  fc
    .tuple(fc.constantFrom(...tokens), fc.integer({ min: 200, max: 5000 }), fc.constantFrom('', '!', ':', ' x', '\n', '=', ','))
    .map(([t, n, tail]) => t.repeat(n) + tail);

const input = (tokens: string[]) =>
  fc.oneof({ weight: 2, arbitrary: anyText }, { weight: 3, arbitrary: soup(tokens) }, { weight: 1, arbitrary: long(tokens) });

const property = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void) => fc.assert(fc.property(arb, check), PARAMS);

const TIME_TOKENS = [
  '@',
  '-',
  '+',
  ':',
  '0',
  '1',
  '17',
  '42',
  '1714521600000',
  '99999999999999999999',
  '2026',
  '-01',
  '-02-29',
  '-12-31',
  '2024-05-01',
  'T',
  ' ',
  '10:00',
  ':59',
  ':60',
  '.250',
  '.123456789',
  'Z',
  'z',
  '+02:00',
  '-0130',
  '+24',
  'h',
  'm',
  's',
  'ms',
  'd',
  'w',
  '.5',
  'P',
  'PT',
  '1H',
  '1D',
  'M',
  'S',
  'end',
  'start',
  'earliest',
  'latest',
  'oldest',
  'beginning',
  'newest',
];

describe('offset specs and times', () => {
  it('parseOffsetSpec: a position or a usage error', () => {
    property(input(TIME_TOKENS), (text) => {
      const spec = typed(() => parseOffsetSpec(text, NOW));
      if (!spec) return;
      for (const p of [spec.start, spec.end]) if (p?.kind === 'time') expect(Number.isSafeInteger(p.ms) && p.ms >= 0).toBe(true);
    });
  });

  it('parseTime / parseTimeArg / parseDatetime: a safe, non-negative epoch ms or a usage error', () => {
    property(input(TIME_TOKENS), (text) => {
      for (const ms of [
        typed(() => parseTime(text, { what: '--time', now: NOW })),
        typed(() => parseTimeArg(text, { what: '--time', now: NOW })),
        typed(() => parseDatetime(text, NOW)),
      ]) {
        if (ms !== undefined) expect(Number.isSafeInteger(ms) && ms >= 0).toBe(true);
      }
      expect(typeof typed(() => isTime(text), { codes: [] })).toBe('boolean');
      const iso = typed(() => parseIsoTime(text), { codes: [] });
      if (iso !== undefined) expect(Number.isFinite(iso)).toBe(true);
    });
  });

  it('offsets --time, delete-records --before: a query or a usage error', () => {
    property(input([...TIME_TOKENS, 'max-timestamp', '-1', '-2', '-3']), (text) => {
      typed(() => parseTimeSpec(text, '--time', NOW));
      const cut = typed(() => parseCut(text, NOW));
      if (cut && typeof cut === 'object' && 'offset' in cut) expect(cut.offset >= 0n).toBe(true);
    });
  });

  it('parseDuration: a finite whole number of ms or a usage error', () => {
    property(
      input([
        '0',
        '1',
        '10',
        '1.5',
        '.',
        'ms',
        's',
        'm',
        'h',
        'd',
        'w',
        'P',
        '-P',
        'T',
        '1D',
        '2H',
        '3M',
        '4.5S',
        ' ',
        '99999999999999999999',
        '9'.repeat(400),
      ]),
      (text) => {
        const ms = typed(() => parseDuration(text, '--timeout'));
        if (ms !== undefined) expect(Number.isSafeInteger(ms)).toBe(true);
      },
    );
  });
});

describe('topics and partitions', () => {
  const tokens = ['orders', 't', '.', '*', 'a\\.b', ':', ',', '-', '0', '1', '3', '10', '999999', '1000001', '99999999999999999999', ' '];
  it('parsePartitionList / parseTopicSelection / parseExactTopicPartitions / parseTopicArg: a selection or a usage error', () => {
    property(input(tokens), (text) => {
      for (const exclusiveUpper of [false, true]) {
        const list = typed(() => parsePartitionList(text, '-p', { exclusiveUpper }));
        if (list) for (const p of list.partitions ?? []) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
        typed(() => parseTopicSelection(text, { exclusiveUpper }));
      }
      const exact = typed(() => parseExactTopicPartitions(text, '--topic'));
      if (exact) expect(exact.topic).not.toBe('');
      typed(() => parseTopicArg(text));
      expect(Array.isArray(typed(() => splitTopicList(text), { codes: [] }))).toBe(true);
    });
  });
});

describe('connection settings', () => {
  const propTokens = [
    '\n',
    '\r\n',
    '\r',
    ' ',
    '\t',
    '\f',
    '#',
    '!',
    '=',
    ':',
    '\\',
    '\\\n',
    '\\u00e9',
    '\\u12',
    '\\t',
    'key',
    'bootstrap.servers',
    'security.protocol',
    'SASL_SSL',
    'SSL',
    'sasl.mechanism',
    'PLAIN',
    'GSSAPI',
    'sasl.jaas.config',
    'org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b\\"c";',
    'request.timeout.ms',
    'default.api.timeout.ms',
    '30000',
    'ssl.truststore.type',
    'PKCS12',
    'PEM',
    'ssl.keystore.location',
    'x',
  ];
  it('parseProperties never throws; interpretCommandConfig gives settings or a usage error', () => {
    property(input(propTokens), (text) => {
      const props = typed(() => parseProperties(text), { codes: [] })!;
      expect(props).toBeInstanceOf(Map);
      const config = typed(() => interpretCommandConfig(props));
      if (config?.timeoutMs !== undefined) expect(Number.isSafeInteger(config.timeoutMs)).toBe(true);
    });
  });

  it('parseJaasConfig: options or undefined, never a throw', () => {
    property(input(['Module', ' ', 'required', 'optional', 'a', '=', '"', '\\', '\\"', ';', 'x.y$z', '\n']), (text) => {
      const jaas = typed(() => parseJaasConfig(text), { codes: [] });
      if (jaas) expect(typeof jaas.module).toBe('string');
    });
  });

  it('splitBootstrap: HOST:PORT list with ports a socket takes, or a usage error', () => {
    const hostPort = fc
      .tuple(
        fc.constantFrom('localhost', 'h', '127.0.0.1', '[::1]', '[fe80::1]', 'a b', ''),
        fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }),
      )
      .map(([h, p]) => (p === undefined ? h : `${h}:${p}`));
    const lists = fc.array(hostPort, { minLength: 1, maxLength: 3 }).map((l) => l.join(','));
    property(
      fc.oneof(
        lists,
        input(['localhost', 'h', '127.0.0.1', '[::1]', '[', ']', ':', '9092', '0', '65535', '65536', '99999', ',', ' ', 'a b']),
      ),
      (text) => {
        const hosts = typed(() => splitBootstrap(text));
        for (const h of hosts ?? []) {
          const port = Number(/:(\d+)$/.exec(h)![1]);
          expect(port >= 1 && port <= 65535, h).toBe(true);
        }
      },
    );
  });

  it('profile add: a profile or a usage error, whatever the flag values', () => {
    const flag = fc.option(input(['localhost:9092', 'PLAIN', 'SCRAM-SHA-512', 'OAUTHBEARER', '10s', 'x', ',', ':']), { nil: undefined });
    const flags = fc.record(
      {
        bootstrapServer: flag,
        clientId: flag,
        timeout: flag,
        saslMechanism: flag,
        username: flag,
        password: flag,
        token: flag,
        ca: flag,
        cert: flag,
        key: flag,
        serverName: flag,
        tls: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    property(
      fc.tuple(input(['prod', 'a.b', '-', '_', ' ', '/']), flags),
      ([name, f]) => void typed(() => parseProfileAdd([name], f as never)),
    );
  });

  const yamlTokens = [
    '\n',
    '  ',
    '    ',
    '- ',
    '-',
    'profiles:',
    'current-profile: prod',
    'prod:',
    'bootstrap: localhost:9092',
    'a: 1',
    'b:',
    'key',
    ': ',
    '"q"',
    '"bad\\',
    "'s'",
    "'",
    '[]',
    '{}',
    '[a]',
    '|',
    '&x',
    '*x',
    '#c',
    ' #c',
    '---',
    'null',
    '~',
    'true',
    '12',
    '-3.5',
    '99999999999999999999',
    '__proto__:',
  ];
  it('parseYaml: a value or a usage error naming the line', () => {
    property(fc.oneof(input(yamlTokens), soup(yamlTokens, 40)), (text) => void typed(() => parseYaml(text, 'config.yaml')));
  });

  it('round trip: any config.yaml ktool writes (toYaml) reads back the same (parseYaml)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom(
        'true',
        '12',
        '-1.5',
        'null',
        '~',
        'a: b',
        'x #y',
        ' pad',
        "'",
        '"',
        '- a',
        'a:b',
        'k:',
        '[]',
        '{}',
        '#',
        '---',
        '',
        ...PROTO_NAMES,
      ),
    );
    const scalar = fc.oneof(text, fc.boolean(), fc.integer(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
      map: fc.dictionary(text, tie('node'), { maxKeys: 4 }),
      // The subset parseYaml reads: sequences of scalars or mappings (a list of lists is not written to config.yaml).
      list: fc.array(fc.oneof(scalar, tie('map')), { maxLength: 3 }),
    })).map;
    // config.yaml's top level is a mapping (loadConfigFile refuses anything else).
    property(
      tree.filter((d) => Object.keys(d).length > 0),
      (doc) => {
        const yaml = toYaml(doc);
        expect(
          typed(() => parseYaml(yaml, 'config.yaml'), { codes: [] }),
          yaml,
        ).toEqual(doc);
      },
    );
  });
});

describe('consume output formats', () => {
  const record = fc.record({
    topic: fc.string({ minLength: 1, maxLength: 10 }),
    partition: fc.nat(1000),
    offset: fc.maxSafeNat(),
    timestamp: fc.integer({ min: -1, max: 8.64e15 }),
    timestampType: fc.constantFrom('CreateTime' as const, 'LogAppendTime' as const),
    key: fc.option(
      fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b)),
      { nil: null },
    ),
    value: fc.option(
      fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b)),
      { nil: null },
    ),
    headers: fc.array(
      fc.tuple(
        fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
        fc.option(
          fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
          { nil: null },
        ),
      ),
      { maxLength: 3 },
    ),
  }) satisfies fc.Arbitrary<ConsumedRecord>;
  const sink = (): Sink & { text: () => string } => {
    const chunks: Buffer[] = [];
    return { put: (c) => void chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c)), text: () => Buffer.concat(chunks).toString('utf8') };
  };

  it('compileFormat (kcat -f): a formatter that never throws on any record, or a usage error', () => {
    property(
      fc.tuple(
        input([
          '%',
          '%t',
          '%p',
          '%o',
          '%k',
          '%v',
          '%s',
          '%S',
          '%K',
          '%h',
          '%T',
          '%d',
          '%%',
          '%x',
          '\\',
          '\\n',
          '\\t',
          '\\0',
          'lit',
          ' ',
          '\n',
        ]),
        record,
      ),
      ([template, r]) => {
        const format = typed(() => compileFormat(template, 'NULL'));
        if (format) format(r, sink());
      },
    );
  });

  it('parseConsoleProps (--property): a formatter that never throws on any record, or a usage error', () => {
    const pair = input([
      'print.key',
      'print.value',
      'print.timestamp',
      'print.partition',
      'print.offset',
      'print.headers',
      'key.separator',
      'line.separator',
      'headers.separator',
      'headers.key.separator',
      'null.literal',
      '=',
      'true',
      'false',
      'TRUE',
      '\\t',
      '\\n',
      ' ',
      'x',
    ]);
    property(fc.tuple(fc.array(pair, { maxLength: 5 }), record), ([pairs, r]) => {
      const props = typed(() => parseConsoleProps(pairs));
      if (props) consoleFormatter(props)(r, sink());
    });
  });

  it('round trip: consume --json (both writers) then produce --input json gives back the bytes', () => {
    const encoding = fc.option(fc.constantFrom<OutputEncoding>('text', 'json', 'base64', 'hex'), { nil: undefined });
    property(fc.tuple(record, encoding, encoding), ([r, keyEncoding, valueEncoding]) => {
      const viaObject = JSON.stringify(toEnvelope(r, { keyEncoding, valueEncoding }));
      const out = sink();
      jsonLineFormatter()(r, out);
      for (const line of [viaObject, out.text()]) {
        const back = fromEnvelope(JSON.parse(line));
        expect(back.key).toEqual(r.key);
        expect(back.value).toEqual(r.value);
        expect(back.topic).toBe(r.topic);
        expect(back.partition).toBe(r.partition);
        if (r.timestamp >= 0) expect(back.timestamp).toBe(r.timestamp);
        // Header values of one name stay in order. Names are the keys of a JSON object, so a name
        // like "0" (an array index to JavaScript) comes back before the others: compared by name.
        // Names are text in the envelope: a non-UTF-8 name comes back as its U+FFFD reading.
        const byName = (pairs: [Buffer, Buffer | null][]) => {
          const out = new Map<string, (Buffer | null)[]>();
          for (const [k, v] of pairs) out.set(k.toString('utf8'), [...(out.get(k.toString('utf8')) ?? []), v]);
          return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        };
        expect(byName(back.headers)).toEqual(byName(r.headers));
      }
    });
  });
});

describe('produce input', () => {
  const jsonScalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('text', 'json', 'base64', 'hex', 'CreateTime', 'LogAppendTime', 'ww==', '76', 'zz', '-5', '99999999999999999999'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const fieldValue = fc.oneof(
    { weight: 4, arbitrary: jsonScalar },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.constantFrom('h', 'bin', 'base64', '__proto__'),
        fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
      ),
    },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.tuple(fc.string({ maxLength: 4 }), jsonScalar), jsonScalar), { maxLength: 3 }) },
  );
  const envelope = fc.dictionary(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ENVELOPE_FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
    fieldValue,
    { maxKeys: 8 },
  );

  it('fromEnvelope: any JSON value gives a record to produce or a usage error', () => {
    property(
      fc.oneof(
        fc.jsonValue(),
        envelope,
        envelope.map((e) => ({ value: 'v', ...e })),
      ),
      (json) => {
        // Through JSON text, as produce reads it (a JSON.parse object holds "__proto__" as an own key).
        const back = typed(() => fromEnvelope(JSON.parse(JSON.stringify(json))));
        if (!back) return;
        if (back.partition !== undefined)
          expect(back.partition >= 0 && back.partition <= 2 ** 31 - 1, `partition ${back.partition}`).toBe(true);
        if (back.timestamp !== undefined) expect(Number.isSafeInteger(back.timestamp)).toBe(true);
        for (const [k, v] of back.headers) expect(Buffer.isBuffer(k) && (v === null || Buffer.isBuffer(v))).toBe(true);
      },
    );
  });

  const propTokens = [
    'parse.key',
    'parse.headers',
    'key.separator',
    'headers.delimiter',
    'headers.separator',
    'headers.key.separator',
    'null.marker',
    'ignore.error',
    '=',
    'true',
    'false',
    '\t',
    ',',
    ':',
    '|',
    'NULL',
    '',
    ' ',
    'x',
  ];
  it('reader properties and the line parser: records or a typed error (LineError: the caller names the line)', () => {
    const lineTokens = ['\t', ',', ':', '|', 'NULL', 'k', 'v', 'h', '=', ' ', 'é', '\u{1F600}', '\\'];
    property(
      fc.tuple(
        fc.array(input(propTokens), { maxLength: 6 }),
        fc.array(fc.oneof(soup(lineTokens, 16), anyText), { maxLength: 5 }),
        fc.constantFrom('text', 'json', 'base64', 'hex', 'avro'),
      ),
      ([items, lines, enc]) => {
        const format = typed(() => applyReaderProperties(items));
        if (!format) return;
        typed(() => validateLineFormat(format));
        if (!isValid(format)) return;
        const serde = typed(() => serdeFor(enc, '--value-encoding'));
        const parse = makeLineParser(format, serde, serde);
        const out: ParsedLine = { key: undefined, value: null, headers: undefined };
        for (const line of lines) typed(() => parse(Buffer.from(line, 'utf8'), out), { also: (e) => e instanceof LineError });
      },
    );
  });

  it('unescapeSeparator never throws', () => {
    property(
      input(['\\', 't', 'n', 'r', '0', '\\\\', 'x']),
      (text) => void expect(typeof typed(() => unescapeSeparator(text), { codes: [] })).toBe('string'),
    );
  });
});

function isValid(format: Parameters<typeof validateLineFormat>[0]): boolean {
  try {
    validateLineFormat(format);
    return true;
  } catch {
    return false;
  }
}

describe('admin command values', () => {
  const configTokens = ['retention.ms', 'cleanup.policy', '=', ',', '[', ']', 'compact', 'delete', '1000', ' ', 'k', 'v'];
  it('config lists (--add-config k=v,k2=[a,b], --delete-config, -X k=v): pairs or a usage error', () => {
    property(fc.array(input(configTokens), { maxLength: 4 }), (values) => {
      const pairs = typed(() => parseConfigPairs(values, '--add-config'));
      for (const [k] of pairs ?? []) expect(k).not.toBe('');
      typed(() => parseConfigNames(values, '--delete-config'));
      typed(() => keyValues(values, '-X'));
      for (const v of values) {
        typed(() => splitPairs(v), { codes: [] });
        typed(() => unbracket(v), { codes: [] });
      }
    });
  });

  it('ACL specs: principals, operations, pattern types, hosts, resources, or a usage error', () => {
    const acl = fc.oneof(
      input([
        'User',
        'Group',
        ':',
        'alice',
        '*',
        ',',
        ' ',
        'Read',
        'read',
        'WRITE',
        'IdempotentWrite',
        'idempotent-write',
        'describe_configs',
        'All',
        'x',
        '-',
        '_',
      ]),
      fc.array(anyText, { maxLength: 3 }),
      fc.constantFrom(undefined, false, true, 3),
    );
    property(fc.tuple(acl, acl, acl, acl), ([a, b, c, d]) => {
      const principals = typed(() => parsePrincipals(a)) ?? [];
      typed(() => parseOperations(b));
      const pattern = typed(() => parsePatternType(c)) ?? 'LITERAL';
      typed(() => parseHosts(d, '--allow-host', principals, '--allow-principal'));
      typed(() => parseResources({ topic: a, group: b, cluster: c, transactionalId: d, delegationToken: a, userPrincipal: b }, pattern));
    });
  });

  it('sizes, counts and regexes: a number (within its bounds) or a usage error', () => {
    property(
      input(['0', '1', '512', '99999999999999999999', 'k', 'KB', 'mib', 'g', ' ', '-', '.', 'e3', '(', '*', '[', '+', '?', '\\']),
      (text) => {
        const size = typed(() => parseSize(text, '--batch-size'));
        if (size !== undefined) expect(Number.isSafeInteger(size) && size >= 1 && size <= 64 * 1024 * 1024).toBe(true);
        const n = typed(() => positiveInt(text, '--partitions'));
        if (n !== undefined) expect(Number.isSafeInteger(n) && n >= 1 && n <= 2 ** 31 - 1).toBe(true);
        typed(() => compileRegex(text, '--include'));
      },
    );
  });

  it('groups reset-offsets --from-file CSV: plan lines or a usage error naming the line', () => {
    property(input(['g', 'orders', ',', '0', '1', '42', '-1', '99999999999999999999', ' ', '\n', '\r\n', '#', 'x']), (text) => {
      for (const line of typed(() => parsePlanCsv(text, 'plan.csv')) ?? [])
        expect(Number.isSafeInteger(line.partition) && Number.isSafeInteger(line.offset)).toBe(true);
    });
  });

  it('delete-records --offset-json-file: entries or a usage error', () => {
    const entry = fc.record(
      {
        topic: fc.oneof(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
        partition: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double(), fc.jsonValue({ maxDepth: 1 })),
        offset: fc.oneof(
          fc.integer({ min: -3, max: 100 }),
          fc.constantFrom('5', '-1', '99999999999999999999', 'x', '1.5'),
          fc.jsonValue({ maxDepth: 1 }),
        ),
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        partitions: fc.oneof(fc.array(entry, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
        version: fc.constantFrom(undefined, 1, 2, '1'),
      },
      { requiredKeys: [] },
    );
    const bigOffset = fc
      .tuple(fc.string({ maxLength: 3 }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }))
      .map(([t, o]) => `{"partitions":[{"topic":${JSON.stringify(t || 't')},"partition":0,"offset":${o}}]}`);
    property(
      fc.oneof(
        anyText,
        doc.map((d) => JSON.stringify(d)),
        bigOffset,
        fc.jsonValue().map((j) => JSON.stringify(j)),
      ),
      (text) => {
        for (const e of typed(() => parseOffsetFile(text, 'offsets.json')) ?? [])
          expect(e.offset >= -1n && Number.isSafeInteger(e.partition)).toBe(true);
      },
    );
  });

  it('configs entities, produce --rate/--acks, users SCRAM flags: a value or a usage error', () => {
    const value = fc.oneof(
      input([
        'topic',
        'topics',
        'broker',
        'user',
        'client-id',
        'ip',
        'group',
        'client-metrics',
        '1000',
        '/s',
        '/m',
        '/h',
        'k',
        'M',
        '.5',
        'all',
        '-1',
        '0',
        '1',
        'SCRAM-SHA-256',
        'sha-512',
        '256',
        ',',
        ' ',
      ]),
      fc.constantFrom(undefined, true, false, 7),
    );
    const flags = fc.record(
      {
        entityType: value,
        entityName: value,
        entityDefault: fc.boolean(),
        topic: value,
        broker: value,
        user: value,
        client: value,
        brokerDefaults: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    property(
      fc.tuple(flags, fc.boolean(), input(['1000', '/s', '/sec', '/m', '/h', 'k', 'M', '.5', '0', ' '])),
      ([f, requireName, text]) => {
        typed(() => parseEntities(f, { requireName }));
        const rate = typed(() => parseRate(text));
        if (rate !== undefined) expect(rate > 0 && Number.isFinite(rate)).toBe(true);
        typed(() => parseAcks(text));
        typed(() => parseMechanisms(f.entityType));
        typed(() => parseIterations(f.entityName));
        typed(() => parseUserName(text));
      },
    );
  });

  it('mirror --rename: a policy (and MirrorMaker 2 mapping) or a usage error', () => {
    property(fc.option(input(['{topic}', '{', '}', 'topic', 'src', '.', '-', '_', '/', ' ']), { nil: undefined }), (pattern) => {
      const policy = typed(() => parseRename(pattern));
      if (!policy) return;
      expect(typeof policy.target('orders')).toBe('string');
      typed(() => mm2Policy(policy));
    });
  });
});
