/**
 * The work's outcome, unless `stopper` rejects first. `stopper` arms whatever may end the wait
 * (a timer, an abort listener) and returns what disarms it; it is disarmed once either side
 * settles. The work itself goes on (nothing here can cancel it); a late outcome is ignored.
 */
export function raceWith<T>(work: Promise<T>, stopper: (reject: (error: unknown) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let disarm: (() => void) | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      disarm?.();
      finish();
    };
    disarm = stopper((error) => settle(() => reject(error)));
    if (settled) disarm();
    work.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
