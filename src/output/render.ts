import type { ChalkInstance } from 'chalk';
import { toYaml } from './yaml.js';
import { ttyTable } from './tty-table.js';
import { isTable, type TableBlock, type View } from './view.js';
import { wrapLine } from './wrap.js';

export interface RenderOptions {
  format: string;
  chalk: ChalkInstance;
  /** Terminal width; 0 means not a terminal: plain aligned columns, no borders. */
  columns: number;
}

export function renderData(data: unknown, format: 'json' | 'yaml'): string {
  if (format === 'yaml') return toYaml(toPlain(data));
  return JSON.stringify(toPlain(data), null, 2) + '\n';
}

/** BigInt-safe conversion: int64 values become numbers where exact, strings otherwise. */
export function toPlain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => {
      if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
      if (v instanceof Map) return Object.fromEntries(v);
      return v;
    }),
  );
}

export function renderView(view: View, opts: RenderOptions): string {
  const wide = opts.format === 'wide';
  const parts: string[] = [];
  for (const block of view) {
    if (!isTable(block)) {
      // On a terminal, long lines (a topic's header, its configs) wrap instead of running past the edge.
      const lines = opts.columns > 0 ? block.lines.flatMap((l) => wrapLine(l, opts.columns)) : block.lines;
      parts.push(lines.join('\n') + (lines.length ? '\n' : ''));
      continue;
    }
    const title = block.title
      ? (opts.columns > 0 ? wrapLine(block.title, opts.columns) : [block.title]).map((l) => opts.chalk.bold(l)).join('\n') + '\n'
      : '';
    parts.push(title + renderTable(block, wide, opts));
  }
  return parts.join('\n');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return String(value);
}

function renderTable(block: TableBlock, wide: boolean, opts: RenderOptions): string {
  const keep = block.head.map((_, i) => wide || !block.wideOnly?.includes(i));
  const kept = block.head.map((_, i) => i).filter((i) => keep[i]);
  const position = (i: number) => kept.indexOf(i);
  const head = kept.map((i) => block.head[i]);
  const numeric = new Set(kept.filter((i) => block.numeric?.includes(i)).map(position));
  const rows = block.rows.map((row) => kept.map((i) => cell(row[i])));
  if (opts.columns <= 0) return plainColumns(head, rows, numeric, opts.chalk);
  const columns = kept.map((i, p) => ({
    head: block.head[i],
    cells: rows.map((r) => r[p]),
    numeric: numeric.has(p),
    wrap: block.wrap ? block.wrap.includes(i) : !numeric.has(p),
  }));
  const drop = (block.drop ?? []).filter((i) => keep[i]).map(position);
  return fitWidth(ttyTable(columns, drop, opts.columns, opts.chalk), opts.columns) + '\n';
}

/**
 * Off a terminal: header and rows separated by at least two spaces, easy for awk/cut. The header is
 * bold only when colour was asked for (FORCE_COLOR): the padding stays outside the escape codes.
 */
function plainColumns(head: string[], rows: string[][], numeric: Set<number>, chalk: ChalkInstance): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[], style: (s: string) => string = (s) => s) =>
    cells
      .map((c, i) => {
        const gap = ' '.repeat(widths[i] - c.length);
        if (i === cells.length - 1 && !numeric.has(i)) return style(c);
        return numeric.has(i) ? gap + style(c) : style(c) + gap;
      })
      .join('  ')
      .trimEnd();
  return [line(head, (s) => chalk.bold(s)), ...rows.map((r) => line(r))].join('\n') + '\n';
}

function fitWidth(text: string, columns: number): string {
  // The last resort, for a table that does not fit even wrapped: lines are cut at the terminal edge.
  if (columns <= 0) return text;
  // eslint-disable-next-line no-control-regex
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  return text
    .split('\n')
    .map((l) => (visible(l) > columns ? truncateAnsi(l, columns) : l))
    .join('\n');
}

function truncateAnsi(line: string, max: number): string {
  let out = '';
  let seen = 0;
  // eslint-disable-next-line no-control-regex
  const re = /(\u001b\[[0-9;]*m)|([^\u001b]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    if (m[1]) {
      out += m[1];
      continue;
    }
    const room = max - 1 - seen;
    if (room <= 0) break;
    out += m[2].slice(0, room);
    seen += Math.min(room, m[2].length);
  }
  return out + '…' + (/\u001b\[/.test(line) ? '\u001b[0m' : '');
}
