import { describe, expect, it } from 'vitest';
import { BatchMaker, byPartition, type LibraryProducer } from '../../src/kafka/producer-batches.js';
import { ensureProducerId, retriableInit, type ProducerIdRetry, type ProducerIdSource } from '../../src/kafka/producer-id.js';
import { TransactionState } from '../../src/kafka/producer-transaction.js';
import type { ProducerSettings } from '../../src/kafka/producer-types.js';
import type { ProducePipeline } from '../../src/kafka/produce-pipeline.js';
import * as L from '../../src/kafka/record-batch.js';
import { OperationError } from '../../src/errors.js';

/** The shape of the client library's failed InitProducerId: retries (MultipleErrors) of a response with a broker error. */
const brokerError = (apiId: string) => {
  const protocol = Object.assign(new Error(`broker said ${apiId}`), { apiId, code: 'PLT_KFK_PROTOCOL', canRetry: true });
  const response = Object.assign(new Error('Received response with error'), { code: 'PLT_KFK_RESPONSE', errors: [protocol] });
  return Object.assign(new Error('initProducerId failed 6 times.'), { code: 'PLT_KFK_MULTIPLE', errors: [response] });
};

/** A library producer whose InitProducerId fails with the given errors, one per call, then gives id 42. */
class FakeProducer implements ProducerIdSource {
  producerId: bigint | undefined;
  producerEpoch: number | undefined;
  calls = 0;
  constructor(private readonly failures: unknown[]) {}
  initIdempotentProducer(): Promise<unknown> {
    const failure = this.failures[this.calls++];
    if (failure) return Promise.reject(failure);
    this.producerId = 42n;
    this.producerEpoch = 0;
    return Promise.resolve({ producerId: 42n, producerEpoch: 0 });
  }
}

const retry = (o: Partial<ProducerIdRetry> = {}): ProducerIdRetry => ({ timeoutMs: 10_000, backoffMs: 1, isClosed: () => false, ...o });

describe('the idempotent producer id (InitProducerId retried as Java does)', () => {
  it('waits out COORDINATOR_LOAD_IN_PROGRESS: asked again with backoff until the broker answers', async () => {
    const load = brokerError('COORDINATOR_LOAD_IN_PROGRESS');
    const producer = new FakeProducer([load, load, load, load, load, load, load, load]);
    const warned: unknown[] = [];
    let done = 0;
    await ensureProducerId(producer, retry({ onRetry: (e) => warned.push(e), onDone: () => done++ }));
    expect(producer.calls).toBe(9);
    expect(producer.producerId).toBe(42n);
    expect(warned).toHaveLength(8);
    expect(done).toBe(1);
  });

  it('retries what Java retries (coordinator moving, a lost connection), not what it does not', () => {
    for (const id of ['COORDINATOR_LOAD_IN_PROGRESS', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR', 'CONCURRENT_TRANSACTIONS'])
      expect(retriableInit(brokerError(id)), id).toBe(true);
    expect(retriableInit(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe(true);
    for (const id of ['CLUSTER_AUTHORIZATION_FAILED', 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED', 'UNSUPPORTED_VERSION'])
      expect(retriableInit(brokerError(id)), id).toBe(false);
  });

  it('fails at once on an error not worth retrying', async () => {
    const denied = brokerError('CLUSTER_AUTHORIZATION_FAILED');
    const producer = new FakeProducer([denied]);
    await expect(ensureProducerId(producer, retry())).rejects.toBe(denied);
    expect(producer.calls).toBe(1);
  });

  it('gives up with the last error once delivery.timeout.ms has passed, or on Ctrl-C or close', async () => {
    const load = brokerError('COORDINATOR_LOAD_IN_PROGRESS');
    const forever = new FakeProducer(Array.from({ length: 100 }, () => load));
    await expect(ensureProducerId(forever, retry({ timeoutMs: 50, backoffMs: 5 }))).rejects.toBe(load);
    expect(forever.producerId).toBe(undefined);

    const abort = new AbortController();
    const stopped = new FakeProducer(Array.from({ length: 1_000 }, () => load));
    const run = ensureProducerId(stopped, retry({ signal: abort.signal, backoffMs: 1_000 }));
    abort.abort();
    await expect(run).rejects.toBe(load);

    const closed = new FakeProducer([load, load]);
    await expect(ensureProducerId(closed, retry({ isClosed: () => true }))).rejects.toBe(load);
    expect(closed.calls).toBe(1);
  });

  it("a send's records get the producer id that came after COORDINATOR_LOAD_IN_PROGRESS, instead of failing", async () => {
    const load = brokerError('COORDINATOR_LOAD_IN_PROGRESS');
    const producer = new FakeProducer([load, load, load]);
    const transactions = new TransactionState(undefined, (e) => new OperationError(String(e)));
    const pipeline = { sequence: () => ({ sequence: 0 }) } as unknown as ProducePipeline<undefined>;
    const settings = { compression: 'none', idempotent: true } as ProducerSettings;
    const maker = new BatchMaker(producer as unknown as LibraryProducer, transactions, true, settings, pipeline, retry());
    const records = [{ topic: 't', partition: 0, key: null, value: Buffer.from('v'), timestamp: Date.now() }];
    const [batch] = await maker.make(byPartition(records));
    expect(producer.calls).toBe(4);
    expect(batch.bytes.readBigInt64BE(L.PRODUCER_ID)).toBe(42n);
  });
});
