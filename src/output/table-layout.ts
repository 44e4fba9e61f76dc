import { splitHeader, wrapText } from './wrap.js';

/** One column as the layout sees it: plain text cells, before colour. */
export interface ColumnSpec {
  head: string;
  cells: string[];
  /** Numbers keep their width: a cut or wrapped number is a wrong number. */
  numeric: boolean;
  /** Free text (names, hosts, client ids, config values) that may wrap onto more lines. */
  wrap: boolean;
}

export interface Layout {
  /** Indexes of the columns shown, in order. */
  keep: number[];
  /** Width of each shown column. */
  widths: number[];
  /** Header lines of each shown column (one, or two when it is split at a hyphen or wrapped). */
  heads: string[][];
}

export const GAP = 2;
/** Wrapped columns keep at least this many characters before a declared column is dropped... */
const MIN_WRAP_COMFORTABLE = 10;
/** ...and at least this many once every declared column is gone. */
const MIN_WRAP = 8;
/** The last resort, when no declared column is left to drop: very narrow wrapped columns. */
const MIN_WRAP_TIGHT = 4;

const total = (widths: number[]) => widths.reduce((s, w) => s + w, 0) + GAP * Math.max(0, widths.length - 1);

/**
 * Fits a table into `columns` characters, in this order: headers wider than their values go on two
 * lines (CURRENT- / OFFSET); free-text columns wrap, the widest first, down to 10 characters; the
 * columns in `drop` are left out, in that order; free text wraps down to 8, then 4 characters. Numeric
 * columns never shrink, and columns not in `drop` are never left out, so a table may still be too
 * wide for a very narrow terminal (the renderer then cuts its lines).
 */
export function layoutTable(cols: ColumnSpec[], drop: number[], columns: number): Layout {
  let keep = cols.map((_, i) => i);
  let widths = fit(cols, keep, columns, MIN_WRAP_COMFORTABLE);
  for (const d of drop) {
    if (total(widths) <= columns) break;
    keep = keep.filter((i) => i !== d);
    widths = fit(cols, keep, columns, MIN_WRAP_COMFORTABLE);
  }
  for (const min of [MIN_WRAP, MIN_WRAP_TIGHT]) if (total(widths) > columns) widths = fit(cols, keep, columns, min);
  return { keep, widths, heads: keep.map((c, i) => headLines(cols[c], widths[i])) };
}

function dataWidth(col: ColumnSpec): number {
  return col.cells.reduce((m, c) => Math.max(m, c.length), 0);
}

function fit(cols: ColumnSpec[], keep: number[], columns: number, minWrap: number): number[] {
  const shown = keep.map((i) => cols[i]);
  const widths = shown.map((c) => Math.max(c.head.length, dataWidth(c)));
  if (total(widths) <= columns) return widths;
  // Headers first: splitting CURRENT-OFFSET costs a line of header, not a character of data.
  const savings = shown
    .map((c, i) => ({ i, to: Math.max(dataWidth(c), Math.max(...splitHeader(c.head).map((p) => p.length))) }))
    .filter((s) => s.to < widths[s.i])
    .sort((a, b) => widths[b.i] - b.to - (widths[a.i] - a.to));
  for (const s of savings) {
    if (total(widths) <= columns) return widths;
    widths[s.i] = s.to;
  }
  // Then the widest free-text column, one character at a time, so that wide ones give up the most.
  for (let excess = total(widths) - columns; excess > 0; excess--) {
    let widest = -1;
    shown.forEach((c, i) => {
      if (c.wrap && !c.numeric && widths[i] > minWrap && (widest < 0 || widths[i] > widths[widest])) widest = i;
    });
    if (widest < 0) break;
    widths[widest]--;
  }
  return widths;
}

function headLines(col: ColumnSpec, width: number): string[] {
  if (col.head.length <= width) return [col.head];
  const split = splitHeader(col.head);
  if (split.every((p) => p.length <= width)) return split;
  return wrapText(col.head, width);
}
