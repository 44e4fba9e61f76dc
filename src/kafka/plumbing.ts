import type { BaseOptions } from '@platformatic/kafka';
import type { KafkaClients } from './types.js';

/**
 * What the openers in src/kafka/ (producer, readers, group membership) need beyond the public
 * clients: the client library's base options and a way to be closed with the rest. Commands never
 * see it.
 */
export interface ClientPlumbing extends KafkaClients {
  /** Client-library base options (brokers, SASL, TLS, timeouts) with secrets resolved. */
  baseOptions(): Promise<BaseOptions>;
  /** Registers a cleanup run by close(). */
  onClose(close: () => Promise<void>): void;
}
