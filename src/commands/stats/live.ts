/**
 * The live table on a terminal: redrawn in place at most twice a second (updates between two
 * draws are coalesced), newest windows first, with a footer: records, records/s, stream time,
 * late drops, lag. The last draw stays on the screen when reading ends.
 */
import type { Io } from '../../cli/io.js';
import { write } from '../../cli/io.js';
import { renderView } from '../../output/render.js';
import type { Stats } from '../../stats/partitioned.js';
import type { StatsRow, StatsSpec } from '../../stats/types.js';
import { rowsTable, showTime } from './rows-view.js';
import type { RowSink } from './sinks.js';

export const REDRAW_MS = 500;
const MAX_ROWS = 40;

export interface Progress {
  lag: number | null;
}

export class LiveTable implements RowSink {
  readonly closed = false;
  private lastDraw = 0;
  private readonly started: number;
  /** Closed windows (final rows) still worth showing, newest last. */
  private recent: StatsRow[] = [];
  private lastRecords = 0;
  private lastRateAt: number;
  private rate = 0;

  constructor(
    private readonly io: Io,
    private readonly engine: Stats,
    private readonly spec: StatsSpec,
    private readonly grouped: boolean,
    private readonly title: string,
    private readonly format: string,
    private readonly chalk: Parameters<typeof renderView>[1]['chalk'],
  ) {
    this.started = io.now();
    this.lastRateAt = this.started;
  }

  rows(rows: StatsRow[]): Promise<void> {
    for (const r of rows) if (r.final) this.recent.push(r);
    if (this.recent.length > MAX_ROWS * 4) this.recent = this.recent.slice(-MAX_ROWS);
    return Promise.resolve();
  }

  /** Redraws when the last draw is REDRAW_MS old (or `force`). */
  async tick(progress: Progress, force = false): Promise<void> {
    const now = this.io.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    const counts = this.engine.counts();
    if (now - this.lastRateAt >= 1000 || force) {
      this.rate = ((counts.records - this.lastRecords) * 1000) / Math.max(1, now - this.lastRateAt);
      this.lastRecords = counts.records;
      this.lastRateAt = now;
    }
    this.lastDraw = now;
    await write(this.io.stdout, `\x1b[H\x1b[2J${this.screen(progress)}`);
  }

  screen(progress: Progress): string {
    const counts = this.engine.counts();
    const open = this.engine.open();
    const windowed = this.spec.window.kind === 'time' || this.spec.window.kind === 'session';
    const rows = [...open, ...this.recent];
    const when = (r: StatsRow) => (windowed ? (r.windowStart ?? 0) : (r.timestamp ?? 0));
    rows.sort((a, b) => when(b) - when(a) || String(a.key).localeCompare(String(b.key)));
    const shown = rows.slice(0, MAX_ROWS);
    const body = renderView([rowsTable(shown, this.spec, this.grouped)], {
      format: this.format,
      chalk: this.chalk,
      columns: this.io.columns || 120,
    });
    const more = rows.length > shown.length ? `(${rows.length - shown.length} more rows; --json for all)\n` : '';
    const notNumber = counts.notNumber.reduce((a, b) => a + b, 0);
    const footer = [
      `records ${counts.records}`,
      `${Math.round(this.rate)}/s`,
      `stream time ${showTime(Number.isFinite(counts.streamTime) ? counts.streamTime : undefined) || '-'}`,
      `late ${counts.late}`,
      ...(notNumber ? [`not a number ${notNumber}`] : []),
      `lag ${progress.lag ?? '-'}`,
    ].join('  ');
    return `${this.title}\n\n${body}${more}\n${footer}\n`;
  }

  end(): Promise<void> {
    return Promise.resolve();
  }
}
