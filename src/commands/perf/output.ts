/**
 * ktool perf's own output: rows for plotting on stdout (--json: one JSON object per line;
 * --format csv: a header, then one line per row), the summary as a table (or yaml) otherwise, and
 * on a terminal a progress line on stderr, redrawn every second, gone at the end.
 */
import type { Context } from '../../cli/context.js';
import { write } from '../../cli/io.js';

export type Row = Record<string, string | number | null>;

/** Numbers rounded to 3 decimals (microseconds for milliseconds): plots need no more. */
const round = (v: string | number | null) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);

export class Rows {
  private headed = false;

  constructor(
    private readonly ctx: Context,
    /** The CSV columns, in order (a row's other fields are left out of CSV; missing ones are empty). */
    private readonly columns: readonly string[],
  ) {}

  /** Rows go to stdout only as json or csv. */
  get streaming(): boolean {
    return this.ctx.format === 'json' || this.ctx.format === 'csv';
  }

  write(row: Row): void {
    const { format, io } = this.ctx;
    if (format === 'json') {
      void write(io.stdout, `${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)])))}\n`);
    } else if (format === 'csv') {
      let text = '';
      if (!this.headed) text += `${this.columns.join(',')}\n`;
      this.headed = true;
      text += `${this.columns.map((c) => csvField(round(row[c] ?? null))).join(',')}\n`;
      void write(io.stdout, text);
    }
  }
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The live line on a terminal's stderr. */
export class Progress {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: Context) {}

  start(render: () => string, everyMs = 1000): void {
    if (!this.ctx.io.stderrIsTTY) return;
    this.timer = setInterval(() => this.ctx.io.stderr.write(`\r\x1b[K${render()}`), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.ctx.io.stderr.write('\r\x1b[K');
  }
}

/** 1234567.8 -> "1,234,568" (toLocaleString would load ICU's number formatting). */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : '-');
export const mbs = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} MB/s` : '-');
