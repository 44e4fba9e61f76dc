import { Admin } from '@platformatic/kafka';
import type { ConnectionSettings } from '../config/connection.js';
import { platformaticAdmin } from './admin.js';
import { baseClientOptions } from './connect-options.js';
import { answerWithin } from './deadline.js';
import { attribute, OPERATION_BY_METHOD } from './denied.js';
import { toKtoolError } from './errors.js';
import type { AdminApi, KafkaClients } from './types.js';

/**
 * Opens clients lazily and wraps every call so that a failure becomes a typed ktool error naming
 * the brokers, and nothing waits longer than the connection timeout, nor past Ctrl-C/SIGTERM (the
 * signal).
 */
export function createKafkaClients(settings: ConnectionSettings, env: Record<string, string | undefined>, signal?: AbortSignal): KafkaClients {
  let admin: Admin | undefined;
  let adminApi: Promise<AdminApi> | undefined;
  const extensions = new Map<string, Promise<object>>();
  let base: Promise<Record<string, unknown>> | undefined;
  const closers: (() => Promise<void>)[] = [];

  const baseOptions = () => {
    base ??= baseClientOptions(settings, env);
    return base.then((b) => ({ ...b }));
  };
  let opening: Promise<void> | undefined;
  const openAdmin = () => {
    opening ??= (async () => {
      const options = await baseOptions();
      admin = new Admin(options as unknown as ConstructorParameters<typeof Admin>[0]);
      closers.push(() => admin!.close());
    })();
    return opening;
  };

  return {
    settings,
    signal,
    baseOptions,
    onClose(close) {
      closers.push(close);
    },
    admin() {
      adminApi ??= (async () => {
        await openAdmin();
        return guard(platformaticAdmin(admin!, settings.timeoutMs), settings, signal);
      })();
      return adminApi;
    },
    extension<T extends object>(key: string, make: (libraryAdmin: unknown) => T): Promise<T> {
      if (!extensions.has(key)) {
        extensions.set(key, (async () => {
          await openAdmin();
          return guard(make(admin), settings, signal);
        })());
      }
      return extensions.get(key) as Promise<T>;
    },
    async close() {
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
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
          throw attribute(toKtoolError(error, settings.bootstrap, describeAction(String(prop))), settings, OPERATION_BY_METHOD[String(prop)]);
        }
      };
    },
  });
}

function describeAction(method: string): string {
  return method.replace(/([A-Z])/g, ' $1').toLowerCase();
}
