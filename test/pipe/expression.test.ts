import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { compileExpression } from '../../src/commands/pipe/expression.js';
import { decodeSide, RecordView } from '../../src/commands/pipe/record-view.js';
import { toBytes, Transform } from '../../src/commands/pipe/transform.js';

const record = (value: string | null, over: Partial<ConsumedRecord> = {}): ConsumedRecord => ({
  topic: 'in',
  partition: 2,
  offset: 41,
  timestamp: 1767225600000,
  timestampType: 'CreateTime',
  key: Buffer.from('k1'),
  value: value === null ? null : Buffer.from(value),
  headers: [[Buffer.from('region'), Buffer.from('eu')]],
  ...over,
});

function syntaxError(source: string, flag = '--where'): UsageError {
  try {
    compileExpression(source, flag);
  } catch (error) {
    return error as UsageError;
  }
  throw new Error(`compiled: ${source}`);
}

describe('expression syntax errors point into the expression (exit 2)', () => {
  it.each([
    ['value.price > > 3', 15, "Unexpected token '>'"],
    ['foo bar', 5, 'Unexpected identifier'],
    ['value.price >', 14, 'the expression ends too early'],
    ['{a: 1', 6, ''],
    ['"abc', 1, 'Invalid or unexpected token'],
  ])('%s: column %i', (source, column, words) => {
    const e = syntaxError(source);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`--where: ${words}`);
    expect(e.message).toMatch(new RegExp(`at column ${column}$`));
    // The hint shows the expression and a caret under the column.
    const [, shown, caret] = e.hint!.split('\n');
    expect(shown).toBe(`  ${source}`);
    expect(caret).toBe(`  ${' '.repeat(column - 1)}^`);
  });

  it('a multi-line expression names the line', () => {
    const e = syntaxError('value.a +\n  value.b * * 2', '--map');
    expect(e.message).toMatch(/^--map: Unexpected token '\*' at line 2, column 13$/);
    expect(e.hint!.split('\n')[1]).toBe('    value.b * * 2');
  });

  it('an empty expression is refused', () => {
    expect(syntaxError('  ').message).toBe('--where: the expression is empty');
  });
});

describe('evaluation over the envelope', () => {
  const run = (source: string, r = record('{"price":12,"tags":["a"]}')) => compileExpression(source, '--map').evaluate(new RecordView(r));

  it.each([
    ['value.price * 2', 24],
    ['value.tags[0]', 'a'],
    ['key', 'k1'],
    ['headers.region', 'eu'],
    ['topic + ":" + partition + "@" + offset', 'in:2@41'],
    ['timestamp', 1767225600000],
    ['r.value.price', 12],
    ['value?.missing?.x ?? "none"', 'none'],
    ['keyBytes.length', 2],
  ])('%s', (source, expected) => expect(run(source)).toEqual(expected));

  it('a value that is not JSON is its text; a JSON string keeps its quotes; bytes that are not UTF-8 a Buffer', () => {
    expect(decodeSide(Buffer.from('hello'))).toBe('hello');
    expect(decodeSide(Buffer.from('"quoted"'))).toBe('"quoted"');
    expect(decodeSide(Buffer.from('42'))).toBe(42);
    expect(decodeSide(Buffer.from('1.0'))).toBe('1.0');
    expect(decodeSide(Buffer.from('true'))).toBe(true);
    expect(decodeSide(Buffer.from('nope'))).toBe('nope');
    expect(decodeSide(Buffer.from('{"a":1'))).toBe('{"a":1');
    expect(decodeSide(null)).toBe(null);
    expect(decodeSide(Buffer.from([0xff, 0xfe]))).toEqual(Buffer.from([0xff, 0xfe]));
  });

  it('fields are decoded only when read: a --where on the partition never parses the value', () => {
    const view = new RecordView(record('{not json'));
    expect(compileExpression('partition === 2', '--where').evaluate(view)).toBe(true);
    expect((view as unknown as { v: unknown }).v).not.toBe('{not json');
  });

  it('r serialises as the envelope', () => {
    expect(JSON.parse(String(toBytes(run('r'), compileExpression('r', '--map'))))).toEqual({
      topic: 'in',
      partition: 2,
      offset: 41,
      timestamp: 1767225600000,
      timestampType: 'CreateTime',
      key: 'k1',
      value: { price: 12, tags: ['a'] },
      headers: { region: 'eu' },
    });
  });
});

describe('results as bytes', () => {
  const e = compileExpression('1', '--map');
  it.each([
    [null, null],
    ['text', 'text'],
    [12, '12'],
    [{ a: [1, 'x'] }, '{"a":[1,"x"]}'],
    [true, 'true'],
    [10n, '10'],
    [Buffer.from('raw'), 'raw'],
  ])('%s', (result, bytes) => expect(toBytes(result, e)?.toString() ?? null).toBe(bytes));

  it('undefined is an error, not a tombstone', () => {
    expect(() => toBytes(undefined, e)).toThrow('--map gave undefined (null writes a null value)');
  });
});

describe('Transform', () => {
  const where = compileExpression('value.price > 10', '--where');
  const map = compileExpression('({id: value.id})', '--map');
  const key = compileExpression('String(value.id)', '--key');

  it('keeps, drops, maps and re-keys; headers are the input record’s', () => {
    const t = new Transform({ where, map, key }, 'stop', () => undefined);
    expect(t.apply(record('{"id":1,"price":5}'))).toBeNull();
    const out = t.apply(record('{"id":2,"price":50}'))!;
    expect(out.value!.toString()).toBe('{"id":2}');
    expect(out.key!.toString()).toBe('2');
    expect(t.counts).toEqual({ read: 2, filtered: 1, failed: 0 });
  });

  it('without expressions the record passes with its bytes untouched', () => {
    const t = new Transform({}, 'stop', () => undefined);
    const r = record('{"id":1}');
    const out = t.apply(r)!;
    expect(out.value).toBe(r.value);
    expect(out.key).toBe(r.key);
  });

  it('a runtime error stops the run naming the partition, offset and the error (exit 1)', () => {
    const t = new Transform({ map: compileExpression('value.a.b', '--map') }, 'stop', () => undefined);
    expect(() => t.apply(record('{"x":1}'))).toThrow(
      "--map 'value.a.b' failed on in partition 2 offset 41: TypeError: Cannot read properties of undefined (reading 'b')",
    );
  });

  it('a misspelt field gets a hint listing the fields', () => {
    const t = new Transform({ where: compileExpression('price > 1', '--where') }, 'stop', () => undefined);
    try {
      t.apply(record('{}'));
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(1);
      expect((error as UsageError).hint).toMatch(/topic, partition, offset, timestamp, key, value, headers/);
    }
  });

  it('--on-error skip counts the failures and names the first five', () => {
    const warnings: string[] = [];
    const t = new Transform({ map: compileExpression('value.a.b', '--map') }, 'skip', (m) => warnings.push(m));
    for (let i = 0; i < 8; i++) expect(t.apply(record('{}', { offset: i }))).toBeNull();
    expect(t.apply(record('{"a":{"b":1}}'))!.value!.toString()).toBe('1');
    expect(t.counts).toEqual({ read: 9, filtered: 0, failed: 8 });
    expect(warnings).toHaveLength(5);
    expect(warnings[4]).toMatch(/^--map failed on in partition 2 offset 4, skipped: TypeError/);
  });
});
