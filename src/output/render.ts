import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { toYaml } from './yaml.js';
import { isTable, type TableBlock, type View } from './view.js';

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
      parts.push(block.lines.join('\n') + (block.lines.length ? '\n' : ''));
      continue;
    }
    const title = block.title ? opts.chalk.bold(block.title) + '\n' : '';
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
  const head = block.head.filter((_, i) => keep[i]);
  const numeric = new Set(block.head.map((_, i) => i).filter((i) => block.numeric?.includes(i)).map((i) => keep.slice(0, i).filter(Boolean).length));
  const rows = block.rows.map((row) => row.filter((_, i) => keep[i]).map(cell));
  if (opts.columns <= 0) return plainColumns(head, rows, numeric);
  const table = new Table({
    head: head.map((h) => opts.chalk.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
    colAligns: head.map((_, i) => (numeric.has(i) ? 'right' : 'left')),
    wordWrap: false,
  });
  for (const row of rows) table.push(row);
  const text = table.toString().split('\n').map((l) => l.trimEnd()).join('\n');
  return fitWidth(text, opts.columns) + '\n';
}

/** Off a terminal: header and rows separated by at least two spaces, easy for awk/cut. */
function plainColumns(head: string[], rows: string[][], numeric: Set<number>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 && !numeric.has(i) ? c : numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

function fitWidth(text: string, columns: number): string {
  // Long cells are cut at the terminal edge rather than wrapped, so rows stay one line each.
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
