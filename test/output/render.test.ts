import { describe, expect, it } from 'vitest';
import { renderView } from '../../src/output/render.js';
import { makeChalk } from '../../src/output/color.js';
import type { TableBlock } from '../../src/output/view.js';
import { splitHeader, wrapLine, wrapText } from '../../src/output/wrap.js';
import { columnShown, widest } from './table-helpers.js';

const chalk = makeChalk(false);
const render = (block: TableBlock, columns: number, format = 'table') => renderView([block], { format, chalk, columns });

/** A lag-like table: two names, five numbers, three owner columns shown with wide only. */
const lag: TableBlock = {
  head: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'TIME-LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'],
  rows: [
    [
      'billing-consumers-prod',
      'orders.events.v2',
      0,
      12345678,
      12345999,
      321,
      '1h2m',
      'consumer-billing-1-5f2c8a9e-0b1d-4c3e-9f7a-1234567890ab',
      '10.0.12.34',
      'consumer-billing-1',
    ],
    ['billing-consumers-prod', 'orders.events.v2', 1, 22345678, 23345999, 1000321, '-', null, null, null],
  ],
  numeric: [2, 3, 4, 5, 6],
  wideOnly: [7, 8, 9],
  wrap: [0, 1, 7, 8, 9],
  drop: [7, 9, 8],
};

describe('tables on a terminal', () => {
  for (const columns of [70, 80, 100, 120]) {
    it(`${columns} columns: every number and both names are there, no line is wider`, () => {
      for (const format of ['table', 'wide']) {
        const out = render(lag, columns, format);
        expect(widest(out)).toBeLessThanOrEqual(columns);
        for (const name of ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'TIME-LAG'])
          expect(columnShown(out, name), `${format}: ${name}\n${out}`).toBe(true);
        // Numbers are whole on one line.
        for (const n of ['12345678', '12345999', '1000321', '23345999']) expect(out).toContain(n);
      }
    });
  }

  it('wide drops the owner columns in the declared order, only as far as needed', () => {
    const at120 = render(lag, 120, 'wide');
    expect(['CONSUMER-ID', 'HOST', 'CLIENT-ID'].map((h) => columnShown(at120, h))).toEqual([true, true, true]);
    const at100 = render(lag, 100, 'wide');
    expect(['CONSUMER-ID', 'HOST', 'CLIENT-ID'].map((h) => columnShown(at100, h))).toEqual([false, true, true]);
    const at70 = render(lag, 70, 'wide');
    expect(['CONSUMER-ID', 'HOST', 'CLIENT-ID'].map((h) => columnShown(at70, h))).toEqual([false, false, false]);
  });

  it('names wrap onto more lines instead of being cut: nothing of them is lost', () => {
    const out = render(lag, 70);
    expect(out).not.toContain('…');
    const text = out.replace(/\s+/g, '');
    expect(text).toContain('billing-consumers-prod'.slice(0, 8));
    expect(out.split('\n').some((l) => l.startsWith('prod') || /^\S*prod\b/.test(l.trim()))).toBe(true);
  });

  it('a table that fits is laid out as before: one header line, columns two spaces apart', () => {
    const out = render({ head: ['NAME', 'PARTITIONS'], rows: [['orders', 3]], numeric: [1] }, 80);
    expect(out).toBe('NAME    PARTITIONS\norders           3\n');
  });

  it('off a terminal nothing wraps or shrinks: plain aligned columns, full width', () => {
    const out = render(lag, 0);
    expect(out.split('\n')[0]).toBe(
      'GROUP                   TOPIC             PARTITION  CURRENT-OFFSET  LOG-END-OFFSET      LAG  TIME-LAG',
    );
    expect(out.split('\n')[1]).toBe(
      'billing-consumers-prod  orders.events.v2          0        12345678        12345999      321      1h2m',
    );
  });

  it('lines blocks (a topic header, its configs) wrap at spaces and commas on a terminal', () => {
    const line = 'Topic: orders.events.v2  TopicId: AbCdEfGhIjKlMnOpQrStUv  PartitionCount: 12  ReplicationFactor: 3';
    const out = renderView([{ lines: [line] }], { format: 'table', chalk, columns: 50 });
    expect(widest(out)).toBeLessThanOrEqual(50);
    expect(
      out
        .split('\n')
        .slice(1, -1)
        .every((l) => l.startsWith('  ')),
    ).toBe(true);
    expect(out.replace(/\s+/g, ' ')).toBe(line.replace(/\s+/g, ' ') + ' ');
    expect(renderView([{ lines: [line] }], { format: 'table', chalk, columns: 0 })).toBe(line + '\n');
  });
});

describe('wrapping helpers', () => {
  it('breaks after the last separator past a third of the width, else hard', () => {
    expect(wrapText('orders.events.v2', 10)).toEqual(['orders.', 'events.v2']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('billing-consumers-prod', 15)).toEqual(['billing-', 'consumers-prod']);
    expect(wrapText('ab.cdefghijklmn', 12)).toEqual(['ab.cdefghijk', 'lmn']);
    expect(wrapText('short', 10)).toEqual(['short']);
  });

  it('splits a header at the hyphen that balances it', () => {
    expect(splitHeader('CURRENT-OFFSET')).toEqual(['CURRENT-', 'OFFSET']);
    expect(splitHeader('LOG-END-OFFSET')).toEqual(['LOG-END-', 'OFFSET']);
    expect(splitHeader('PARTITION')).toEqual(['PARTITION']);
  });

  it('wrapLine indents continuation lines', () => {
    expect(wrapLine('Configs: a=1,b=2,c=3', 14)).toEqual(['Configs: a=1,', '  b=2,c=3']);
  });
});
