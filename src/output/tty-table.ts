import type { ChalkInstance } from 'chalk';
import { GAP, layoutTable, type ColumnSpec } from './table-layout.js';
import { wrapText } from './wrap.js';

/**
 * A table for a terminal `columns` wide: bold headers, numbers right-aligned, no borders. What does
 * not fit is handled by layoutTable (headers on two lines, free text wrapped, declared columns
 * dropped); a row whose text wraps takes several lines, the other cells on its first.
 */
export function ttyTable(cols: ColumnSpec[], drop: number[], columns: number, chalk: ChalkInstance): string {
  const { keep, widths, heads } = layoutTable(cols, drop, columns);
  const shown = keep.map((i) => cols[i]);
  const pad = (text: string, i: number) => (shown[i].numeric ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const lines: string[] = [];

  // Header lines aligned at the bottom, so the last one sits on the data.
  const height = Math.max(...heads.map((h) => h.length));
  for (let line = 0; line < height; line++) {
    const cells = heads.map((h, i) => {
      const text = h[line - (height - h.length)] ?? '';
      return text ? boldPadded(pad(text, i), chalk) : ' '.repeat(widths[i]);
    });
    lines.push(cells.join(' '.repeat(GAP)).trimEnd());
  }

  const rows = shown[0]?.cells.length ?? 0;
  for (let r = 0; r < rows; r++) {
    const parts = shown.map((c, i) => (c.numeric ? [c.cells[r]] : wrapText(c.cells[r], widths[i])));
    const tall = Math.max(...parts.map((p) => p.length));
    for (let line = 0; line < tall; line++) {
      lines.push(
        parts
          .map((p, i) => pad(p[line] ?? '', i))
          .join(' '.repeat(GAP))
          .trimEnd(),
      );
    }
  }
  return lines.join('\n');
}

/** Bold on the text only, so that padding stays plain (and trimEnd still trims it). */
function boldPadded(padded: string, chalk: ChalkInstance): string {
  const start = padded.length - padded.trimStart().length;
  const text = padded.trim();
  return padded.slice(0, start) + chalk.bold(text) + padded.slice(start + text.length);
}
