/**
 * read_committed filtering, as the Java consumer does it: the broker returns aborted transactional
 * batches together with the list of aborted transactions; a batch of a producer whose aborted
 * transaction started at or before it is dropped until that producer's ABORT marker.
 */
import { isControl, isTransactional, type BatchHeader } from './record-batch.js';

/** Returns a predicate telling whether a batch is delivered; call it for batches in offset order. */
export function abortFilter(
  aborted: { producerId: bigint; firstOffset: bigint }[],
): (batch: BatchHeader, isAbortMarker: boolean) => boolean {
  const pending = [...aborted].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const abortedProducers = new Set<bigint>();
  return (batch, isAbortMarker) => {
    const last = batch.firstOffset + BigInt(batch.lastOffsetDelta);
    while (pending.length && pending[0].firstOffset <= last) abortedProducers.add(pending.shift()!.producerId);
    if (isControl(batch.attributes)) {
      if (isAbortMarker) abortedProducers.delete(batch.producerId);
      return false;
    }
    return !(isTransactional(batch.attributes) && abortedProducers.has(batch.producerId));
  };
}
