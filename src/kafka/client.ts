import { Admin, type BaseOptions } from '@platformatic/kafka';
import type { ConnectionSettings } from '../config/connection.js';
import { platformaticAdmin } from './admin.js';
import { baseClientOptions } from './connect-options.js';
import { answerWithin } from './deadline.js';
import { attribute, OPERATION_BY_METHOD } from './denied.js';
import { toKtoolError } from './errors.js';
import type { ClientPlumbing } from './plumbing.js';
import type { KafkaClients } from './types.js';

/**
 * Opens clients lazily and wraps every call so that a failure becomes a typed ktool error naming
 * the brokers, and nothing waits longer than the connection timeout, nor past Ctrl-C/SIGTERM (the
 * signal). Each capability's module is loaded on its first use: `topics list` never loads the
 * producer.
 */
export function createKafkaClients(
  settings: ConnectionSettings,
  env: Record<string, string | undefined>,
  signal?: AbortSignal,
): KafkaClients {
  let admin: Admin | undefined;
  const apis = new Map<string, Promise<object>>();
  let base: Promise<BaseOptions> | undefined;
  const closers: (() => Promise<void>)[] = [];

  let opening: Promise<Admin> | undefined;
  const openAdmin = () => {
    opening ??= (async () => {
      const options = await plumbing.baseOptions();
      admin = new Admin(options);
      closers.push(() => admin!.close());
      return admin;
    })();
    return opening;
  };
  /** An API over the shared admin connection, built once and guarded like every other. */
  const overAdmin = <T extends object>(key: string, make: (admin: Admin) => Promise<T>): Promise<T> => {
    if (!apis.has(key))
      apis.set(
        key,
        openAdmin().then(async (a) => guard(await make(a), settings, signal)),
      );
    return apis.get(key) as Promise<T>;
  };

  const plumbing: ClientPlumbing = {
    settings,
    signal,
    baseOptions() {
      base ??= baseClientOptions(settings, env);
      return base.then((b) => ({ ...b }));
    },
    onClose(close) {
      closers.push(close);
    },
    admin: () => overAdmin('admin', async (a) => platformaticAdmin(a, settings.timeoutMs)),
    groups: () => overAdmin('groups', async (a) => (await import('./groups.js')).makeGroupsApi(a)),
    configs: () => overAdmin('configs', async (a) => (await import('./configs.js')).makeConfigsApi(a)),
    acls: () => overAdmin('acls', async (a) => (await import('./acls.js')).makeAclsApi(a)),
    cluster: () => overAdmin('cluster', async (a) => (await import('./cluster.js')).makeClusterApi(a)),
    records: () => overAdmin('records', async (a) => (await import('./records.js')).makeRecordsApi(a, settings.timeoutMs)),
    scram: () => overAdmin('scram', async (a) => (await import('./scram.js')).makeScramApi(a)),
    partitions: () => overAdmin('partitions', async (a) => (await import('./partitions.js')).makePartitionsApi(a)),
    transactions: () => overAdmin('transactions', async (a) => (await import('./transactions-admin.js')).makeTransactionsApi(a)),
    tokens: () => overAdmin('tokens', async (a) => (await import('./tokens.js')).makeTokensApi(a)),
    producer: async (producerSettings, hooks) => (await import('./producer.js')).openProducer(plumbing, producerSettings, hooks),
    partitionReader: async (options) => (await import('./partition-reader.js')).openPartitionReader(plumbing, options),
    groupReader: async (options) => (await import('./group-reader.js')).openGroupReader(plumbing, options),
    shareReader: async (options) => (await import('./share-reader.js')).openShareReader(plumbing, options),
    mirrorGroup: async (options) => (await import('./mirror-group.js')).openMirrorGroup(plumbing, options),
    async close() {
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
  return plumbing;
}

/** Every method: answered within --timeout (or a ConnectionError naming the brokers), Ctrl-C stops the wait, errors typed. */
export function guard<T extends object>(api: T, settings: ConnectionSettings, signal?: AbortSignal): T {
  const deadline = { timeoutMs: settings.timeoutMs, brokers: settings.bootstrap, signal };
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await answerWithin(Promise.resolve(value.apply(target, args)), deadline);
        } catch (error) {
          // A refusal gets the principal of these settings and the operation this request needs.
          throw attribute(
            toKtoolError(error, settings.bootstrap, describeAction(String(prop))),
            settings,
            OPERATION_BY_METHOD[String(prop)],
          );
        }
      };
    },
  });
}

function describeAction(method: string): string {
  return method.replace(/([A-Z])/g, ' $1').toLowerCase();
}
