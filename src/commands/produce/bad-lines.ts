/** Thrown inside the read loop to stop reading (bad line in fail mode, a failed request). */
export class Stop extends Error {}

const MAX_SKIP_WARNINGS = 20;

/** --on-error for a bad input line: skip it (a warning for each of the first 20), or stop reading there. */
export class BadLines {
  skipped = 0;
  /** Where and why reading stopped (fail mode). */
  stoppedAt: string | undefined;

  constructor(
    private readonly mode: 'fail' | 'skip',
    private readonly warn: (message: string) => void,
  ) {}

  /** A bad line at `where`: counted and warned about, or Stop thrown. */
  readonly report = (where: string, message: string): void => {
    if (this.mode === 'skip') {
      this.skipped++;
      if (this.skipped <= MAX_SKIP_WARNINGS) this.warn(`${where}: ${message} (skipped)`);
      else if (this.skipped === MAX_SKIP_WARNINGS + 1) this.warn('more bad lines skipped; the summary counts them');
      return;
    }
    this.stoppedAt = `${where}: ${message}`;
    throw new Stop();
  };
}
