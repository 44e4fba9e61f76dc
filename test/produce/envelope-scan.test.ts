import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyScan, EnvelopeScanner, type ScannedEnvelope } from '../../src/serde/envelope-scan.js';
import { fromEnvelope, toEnvelope, type OutputEncoding } from '../../src/serde/envelope.js';

/** What a record comes to, as text for comparing: hex bytes. */
interface Shape {
  topic?: string;
  partition?: number;
  timestamp?: number;
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

const hex = (b: Buffer | null, start = 0, end = b?.length ?? 0) => (b === null || start < 0 ? null : b.toString('hex', start, end));

/** The general path: JSON.parse + fromEnvelope (undefined: an error there). */
function reference(line: Buffer): Shape | undefined {
  try {
    const d = fromEnvelope(JSON.parse(line.toString('utf8')));
    const shape: Shape = { key: hex(d.key), value: hex(d.value), headers: d.headers.map(([k, v]) => [hex(k)!, hex(v)]) };
    if (d.topic !== undefined) shape.topic = d.topic;
    if (d.partition !== undefined) shape.partition = d.partition;
    if (d.timestamp !== undefined) shape.timestamp = d.timestamp;
    return shape;
  } catch {
    return undefined;
  }
}

const scanner = new EnvelopeScanner();
const out: ScannedEnvelope = emptyScan();

/** The fast path (undefined: it leaves the line to the general path). `global` headers are there before it. */
function fast(line: Buffer, global = 0): Shape | undefined {
  out.headers.count = global;
  for (let i = 0; i < 2 * global; i++) [out.headers.bufs[i], out.headers.starts[i], out.headers.ends[i]] = [Buffer.from('g'), 0, 1];
  if (!scanner.scan(line, out)) {
    expect(out.headers.count).toBe(global);
    return undefined;
  }
  const h = out.headers;
  const headers: [string, string | null][] = [];
  for (let i = 2 * global; i < 2 * h.count; i += 2)
    headers.push([hex(h.bufs[i], h.starts[i], h.ends[i])!, hex(h.bufs[i + 1], h.starts[i + 1], h.ends[i + 1])]);
  const shape: Shape = { key: hex(out.key, out.keyStart, out.keyEnd), value: hex(out.value, out.valueStart, out.valueEnd), headers };
  if (out.topicStart >= 0) shape.topic = line.toString('utf8', out.topicStart, out.topicEnd);
  if (out.partition >= 0) shape.partition = out.partition;
  if (out.timestamp !== undefined) shape.timestamp = out.timestamp;
  return shape;
}

/** The fast path, when it takes a line, reads it as the general path does. */
function agrees(line: Buffer | string, global = 0): Shape | undefined {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  const got = fast(bytes, global);
  if (got !== undefined) expect(got).toEqual(reference(bytes));
  return got;
}

/** Lines the fast path must take (and read as the general path does). */
const TAKEN = [
  '{"topic":"t","partition":1,"offset":5,"timestamp":1700000000000,"timestampType":"CreateTime","key":"k","value":"v","headers":{"h":"1"}}',
  '{"key":null,"value":null,"headers":{}}',
  '{"value":"only"}',
  ' { "value" : "spaced" , "key" : "k" , "headers" : { "a" : null , "b" : [ "1" , null , "2" ] , "c" : [ ] } } ',
  '{"value":"tab\\tquote\\"backslash\\\\slash\\/nl\\n\\u00e9\\ud83d\\ude00 lone \\ud800 end"}',
  '{"value":"héllo wörld ✓ 😀","key":"ключ","headers":{"名前":"値"}}',
  '{"key":"AP+A","keyEncoding":"base64","value":"00ff10","valueEncoding":"hex","headers":{}}',
  '{"key":"a2V5","value":"dmFsdWU=","encoding":"base64"}',
  '{"key":"k","keyEncoding":"text","value":"v","valueEncoding":null,"encoding":"text"}',
  '{"value":"x","timestamp":-5,"partition":0,"offset":-1,"topic":"a.b-c_d"}',
  '{"value":"x","timestamp":null,"partition":null,"offset":null,"topic":null,"timestampType":null,"headers":null}',
  '{"value":"x","keySchemaId":null,"keyBytes":null,"valueSchemaId":null,"valueBytes":null,"headerEncoding":null}',
  '{"value":"x","timestampType":"LogAppendTime","partition":2147483647,"timestamp":999999999999999}',
  '{"value":"","key":"","headers":{"":""}}',
  '{"value":"x","headers":{"__proto__":"p","constructor":"c"}}',
  '{"value":"\\ud83d\\u0041 \\udc00\\ud83d \\u00E9\\u00e9 \\b\\f\\r \\u0000 \\u007f \\u0080 \\u07ff \\u0800 \\uffff"}',
  '{"key":"a\\/b","keyEncoding":"base64","value":"\\u0030\\u0030","valueEncoding":"hex","headers":{"n\\u00e4me":["v\\"1",null]}}',
  '{"value":"x".repeat(200)}'.replace('"x".repeat(200)', JSON.stringify('x'.repeat(200))),
];

/** Lines left to the general path (some are fine there, some are errors it words). */
const LEFT = [
  '',
  '   ',
  '[]',
  '"value"',
  '{}',
  '{"key":"k"}',
  '{"value":"v",}',
  '{"value":"v"} x',
  '{"value":"v"',
  '{"value":"v","value":"w"}',
  '{"value":"v","k":"x"}',
  '{"val\\u0075e":"v"}',
  '{"value":1}',
  '{"value":{"a":1}}',
  '{"value":true}',
  '{"value":"{}","valueEncoding":"json"}',
  '{"value":{"a":1},"valueEncoding":"json"}',
  '{"value":"x","valueEncoding":"avro","valueSchemaId":1}',
  '{"value":"x","valueBytes":"AAAA"}',
  '{"value":"x","keySchemaId":3}',
  '{"value":"x","encoding":"json"}',
  '{"value":"x","valueEncoding":"base32"}',
  '{"value":"not base64!","valueEncoding":"base64"}',
  '{"value":"abc","valueEncoding":"hex"}',
  '{"value":"x","timestamp":1.5}',
  '{"value":"x","timestamp":1.0}',
  '{"value":"x","timestamp":1e3}',
  '{"value":"x","timestamp":-0}',
  '{"value":"x","timestamp":01}',
  '{"value":"x","timestamp":12345678901234567}',
  '{"value":"x","timestamp":"1700000000000"}',
  '{"value":"x","partition":-1}',
  '{"value":"x","partition":2147483648}',
  '{"value":"x","offset":"5"}',
  '{"value":"x","topic":""}',
  '{"value":"x","topic":"t\\u0041"}',
  '{"value":"x","topic":5}',
  '{"value":"x","timestampType":"Other"}',
  '{"value":"x","headers":[["a","b"]]}',
  '{"value":"x","headers":{"a":1}}',
  '{"value":"x","headers":{"a":{"base64":"AA=="}}}',
  '{"value":"x","headers":{"a":[["b"]]}}',
  '{"value":"x","headers":{"a":"1","a":"2"}}',
  '{"value":"x","headers":{"b":"1","2":"x"}}',
  '{"value":"x","headers":{"a":"1"},"headerEncoding":{"a":"base64"}}',
  '{"value":"raw\ttab"}',
  '{"value":"bad \\x escape"}',
  '{"value":"bad \\u12G4 escape"}',
  '{"value":"short \\u12"}',
  '{"value":"ctl \\\t"}',
  '\ufeff{"value":"bom"}',
  '{"value":nul}',
  '{"value":"x"}}',
];

describe('envelope scan: the common envelope read in place, exactly as JSON.parse + fromEnvelope read it', () => {
  it.each(TAKEN)('takes %s', (line) => {
    expect(agrees(line)).toBeDefined();
  });

  it.each(LEFT)('leaves %s to the general path', (line) => {
    expect(fast(Buffer.from(line, 'utf8'))).toBeUndefined();
  });

  it('leaves bytes that are not UTF-8 to the general path (it sends U+FFFD for them)', () => {
    const line = Buffer.concat([Buffer.from('{"value":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('"}')]);
    expect(fast(line)).toBeUndefined();
    expect(reference(line)!.value).toBe(Buffer.from('a\ufffd\ufffd').toString('hex'));
  });

  it('adds the envelope headers after the -H ones already there; a line left alone leaves them as they were', () => {
    expect(agrees('{"value":"v","headers":{"h":"1"}}', 2)!.headers).toEqual([[hex(Buffer.from('h')), hex(Buffer.from('1'))]]);
    expect(fast(Buffer.from('{"value":"v","headers":{"h":"1"},"bad":1}'), 2)).toBeUndefined();
  });

  it('every envelope consume --json prints is taken unless it is embedded JSON or typed, and reads back byte for byte', () => {
    const bytes = fc.oneof(
      fc.string({ unit: 'binary' }).map((s) => Buffer.from(s, 'utf8')),
      fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
      fc.constantFrom('{"a":1}', '[1,2]', '12', 'null', '"q"', 'a\\b"c', '\u2028').map((s) => Buffer.from(s)),
    );
    const side = fc.option(bytes, { nil: null });
    const encoding = fc.constantFrom<OutputEncoding>('text', 'json', 'base64', 'hex');
    const header = fc.tuple(fc.string({ unit: 'binary', maxLength: 6 }), fc.option(bytes, { nil: null }));
    fc.assert(
      fc.property(
        side,
        side,
        fc.array(header, { maxLength: 4 }),
        encoding,
        encoding,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (key, value, headers, keyEncoding, valueEncoding, partition) => {
          const env = toEnvelope(
            {
              topic: 't',
              partition,
              offset: 7n,
              timestamp: 1_700_000_000_000n,
              timestampType: 'CreateTime',
              key,
              value,
              headers: headers.map(([k, v]) => [Buffer.from(k, 'utf8'), v]),
            },
            { keyEncoding, valueEncoding },
          );
          const line = Buffer.from(JSON.stringify(env), 'utf8');
          const got = agrees(line);
          const embedded = env.keyEncoding === 'json' || env.valueEncoding === 'json';
          const indexLike = headers.some(([k]) => /^[0-9]/.test(k));
          if (!embedded && !indexLike && env.headerEncoding === undefined) expect(got).toBeDefined();
        },
      ),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it('a line changed anywhere is either left alone or read as the general path reads it', () => {
    const base = Buffer.from(TAKEN[0] + TAKEN[4].slice(0, 0));
    const chars = fc.constantFrom(' ', '"', '\\', ',', ':', '{', '}', '[', ']', 'n', '0', '-', '.', 'e', '\t', '\u00e9', 'u', 'a');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(2), chars), { minLength: 1, maxLength: 3 }), (edits) => {
        let s = base.toString('utf8');
        for (const [at, op, c] of edits) {
          const i = at % (s.length + 1);
          s = op === 0 ? s.slice(0, i) + c + s.slice(i) : op === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i + 1);
        }
        agrees(s);
      }),
      { seed: 20261201, numRuns: 5000 },
    );
  });
});
