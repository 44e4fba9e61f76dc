import { describe, expect, it } from 'vitest';
import { ACK_GRACE_MS, Sender } from '../../src/commands/produce/sender.js';
import type { ProduceRecord, ProducerApi } from '../../src/kafka/producer-types.js';

/** A producer whose sends are acknowledged (or not) when the test says so. */
function manualProducer() {
  const pending: { records: ProduceRecord[]; ack: () => void; fail: (e: Error) => void }[] = [];
  const producer: Pick<ProducerApi, 'send' | 'sendEncoded'> = {
    send: (records) => new Promise<void>((ack, fail) => pending.push({ records, ack, fail })),
    sendEncoded: () => Promise.reject(new Error('not used')),
  };
  return { producer, pending };
}

const record = (value: string): ProduceRecord => ({ topic: 't', partition: 0, key: null, value: Buffer.from(value), headers: undefined });

describe('produce after Ctrl-C/SIGTERM: the signal stops the waiting, nothing acknowledged is lost', () => {
  it('acknowledged requests count as sent; those never answered count as failed after the grace period', async () => {
    const { producer, pending } = manualProducer();
    const controller = new AbortController();
    const sender = new Sender(producer, 10, 5, controller.signal);
    for (const v of ['a', 'b', 'c']) {
      sender.add(record(v), 10);
      sender.flushNow();
    }
    pending[0].ack();
    await new Promise((r) => setImmediate(r));
    controller.abort('SIGTERM');
    // Acknowledged within the grace period: still counted as sent.
    setTimeout(() => pending[1].ack(), ACK_GRACE_MS / 3);
    const started = Date.now();
    await sender.drain();
    expect(Date.now() - started).toBeLessThan(ACK_GRACE_MS + 500);
    expect(sender.counts).toMatchObject({ sent: 2, failed: 1 });
    // A late answer changes nothing: the record was reported as not acknowledged.
    pending[2].ack();
    await new Promise((r) => setImmediate(r));
    expect(sender.counts).toMatchObject({ sent: 2, failed: 1 });
  });

  it('a flush waiting for room among stuck requests is released, and its records count as failed', async () => {
    const { producer, pending } = manualProducer();
    const controller = new AbortController();
    const sender = new Sender(producer, 10, 1, controller.signal);
    sender.add(record('a'), 10);
    sender.flushNow();
    sender.add(record('b'), 10);
    const waiting = sender.flush();
    controller.abort('SIGINT');
    await waiting;
    await sender.drain();
    expect(pending).toHaveLength(1);
    expect(sender.counts).toMatchObject({ sent: 0, failed: 2 });
  });

  it('without a signal every acknowledgement is awaited, however late', async () => {
    const { producer, pending } = manualProducer();
    const sender = new Sender(producer, 10, 5);
    sender.add(record('a'), 10);
    sender.flushNow();
    setTimeout(() => pending[0].ack(), ACK_GRACE_MS + 200);
    await sender.drain();
    expect(sender.counts).toMatchObject({ sent: 1, failed: 0 });
  });

  it('a failed request is counted once, with its error', async () => {
    const { producer, pending } = manualProducer();
    const sender = new Sender(producer, 10, 5);
    sender.add(record('a'), 10);
    sender.flushNow();
    pending[0].fail(new Error('refused'));
    await sender.drain();
    expect(sender.counts).toMatchObject({ sent: 0, failed: 1 });
    expect((sender.error as Error).message).toBe('refused');
  });
});
