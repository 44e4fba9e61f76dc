/**
 * A hanging transaction, made the way one happens in the field: a transactional record batch on a
 * partition whose producer the transaction coordinator does not know (a producer id taken as an
 * idempotent one, a transactional id nobody initialised). The broker only accepts it with
 * transaction.partition.verification.enable off (KIP-890's check, on by default since Kafka 3.6),
 * so the leader gets that off for the one Produce (a dynamic per-broker setting) and back after.
 * Nothing ends such a transaction but `transactions abort`: it holds read_committed readers of the
 * partition at its first offset.
 */
import { Admin } from '@platformatic/kafka';
import { encodeRecordBatch } from '../../src/kafka/record-batch-encode.js';
import { leadersOf } from '../../src/kafka/leaders.js';
import { PINNED } from '../../src/kafka/pinned-apis.js';
import { partitionError, produceRequest } from '../../src/kafka/produce-request.js';
import { sendProduce } from '../../src/kafka/produce-socket.js';
import { callApi, connectionTo } from '../../src/kafka/raw-api.js';
import { runCli } from '../helpers/cli.js';

const VERIFY = 'transaction.partition.verification.enable';

export interface Hanging {
  producerId: bigint;
  producerEpoch: number;
  /** The offset of the batch: the transaction's start offset. */
  startOffset: bigint;
}

export async function makeHangingTransaction(bootstrap: string, topic: string, partition = 0): Promise<Hanging> {
  const admin = new Admin({ clientId: 'ktool-test-hanging', bootstrapBrokers: bootstrap.split(',') });
  try {
    const init = await callApi(admin, PINNED.InitProducerId, [null, 60_000, -1n, -1]);
    const leaders = await leadersOf(admin, [topic]);
    const leader = leaders.partition(topic, partition)!.leader;
    const bytes = await encodeRecordBatch([{ topic, partition, key: null, value: Buffer.from('left open') }], {
      producerId: init.producerId,
      producerEpoch: init.producerEpoch,
      baseSequence: 0,
      transactional: true,
      compression: 'none',
    });
    const off = await runCli(['configs', 'alter', '--broker', String(leader), '--add-config', `${VERIFY}=false`, '-b', bootstrap]);
    if (off.code !== 0) throw new Error(off.stderr);
    try {
      const connection = await connectionTo(admin, leaders.broker(leader)!);
      // The setting reaches the broker through the metadata log: retried until the batch is taken.
      for (let attempt = 0; ; attempt++) {
        const parts = produceRequest([{ topic, partition, bytes }], -1, 30_000, `ktool-test-unknown-${init.producerId}`);
        const response = await new Promise<Parameters<typeof partitionError>[0]>((resolve, reject) =>
          sendProduce(connection, parts, false, (error, r) => (error ? reject(error) : resolve(r!))),
        );
        const error = partitionError(response, topic, partition);
        if (!error) {
          const p = response.responses[0].partitions[0];
          return { producerId: init.producerId, producerEpoch: init.producerEpoch, startOffset: p.baseOffset };
        }
        if (attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await runCli(['configs', 'alter', '--broker', String(leader), '--delete-config', VERIFY, '-b', bootstrap]);
    }
  } finally {
    await admin.close();
  }
}
