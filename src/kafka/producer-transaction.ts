/** The transaction state of ktool's producer (producer.ts). */
import { OperationError, type KtoolError } from '../errors.js';
import type { TxnGroup, TxnOffset } from './producer-types.js';
import type { PartitionRecords } from './producer-batches.js';
import { GroupFencedError, type Transactions } from './transactions.js';

/**
 * A failure as ktool reports it: a refusal names this connection's principal (producing needs Write, on the
 * topic and on the transactional id).
 */
export type Fail = (error: unknown, action: string) => KtoolError;

/**
 * The transaction state: ktool's own transactions (transactions.ts), not the library's; whether
 * one is open, and the producer id and epoch it gives the batches.
 */
export class TransactionState {
  open = false;

  constructor(
    readonly txn: Transactions | undefined,
    private readonly fail: Fail,
  ) {}

  async begin(): Promise<void> {
    const txn = this.txn;
    if (!txn) throw new OperationError('no --transactional-id: this producer is not transactional');
    if (this.open) throw new OperationError('a transaction is already open');
    try {
      // Once per session, as Java's initTransactions(): the producer id and epoch last until close.
      if (txn.producerId < 0n) await txn.init();
    } catch (error) {
      throw this.fail(error, 'begin the transaction');
    }
    this.open = true;
  }

  async commit(): Promise<void> {
    if (!this.txn || !this.open) throw new OperationError('no transaction is open');
    this.open = false;
    try {
      await this.txn.end(true);
    } catch (error) {
      throw this.fail(error, 'commit the transaction');
    }
  }

  async abort(): Promise<void> {
    if (!this.txn || !this.open) return;
    this.open = false;
    try {
      await this.txn.end(false);
    } catch (error) {
      throw this.fail(error, 'abort the transaction');
    }
  }

  async sendOffsets(group: TxnGroup, offsets: TxnOffset[]): Promise<void> {
    if (!this.txn || !this.open) throw new OperationError('offsets go into a transaction: none is open');
    try {
      await this.txn.sendOffsets(group, offsets);
    } catch (error) {
      // A rebalance is the caller's to handle (abort and redo), not a failure of the producer.
      if (error instanceof GroupFencedError) throw error;
      throw this.fail(error, 'commit offsets in the transaction');
    }
  }

  /** Before a transactional send: the transaction learns its partitions (AddPartitionsToTxn). */
  async addPartitions(items: PartitionRecords[]): Promise<void> {
    if (!this.open) throw new OperationError('a transactional producer sends only inside a transaction');
    await this.txn!.add(items);
  }
}
