/**
 * A request an older broker does not take, said in one line naming the Kafka release it needs
 * (exit 1), instead of the protocol's UNSUPPORTED_VERSION or the client library's "Unsupported API".
 * Checked by the compatibility suite (test/compat/) against Kafka 3.3 to 4.4.
 */
import { OperationError } from '../errors.js';

interface Since {
  /** The first Kafka release that takes the request (in KRaft mode, which is what `ktool local` runs). */
  version: string;
  /** What the user asked for, in their words. */
  what: string;
  hint: string;
}

const API_HINT = 'ktool cluster api-versions shows what the broker supports';
const KIP_848: Since = {
  version: '4.0',
  what: 'KIP-848 consumer groups, --group-protocol consumer',
  hint: 'use --group-protocol classic (the default) with this broker',
};
const SCRAM: Since = { version: '3.5', what: 'SCRAM users on a KRaft cluster', hint: API_HINT };

/** Requests ktool sends that not every supported broker (Kafka 3.3 and newer) takes, by the protocol's API name. */
export const API_SINCE: Readonly<Record<string, Since>> = {
  ConsumerGroupHeartbeat: KIP_848,
  ConsumerGroupDescribe: { ...KIP_848, what: 'KIP-848 consumer groups' },
  DescribeUserScramCredentials: SCRAM,
  AlterUserScramCredentials: SCRAM,
};

interface Chained {
  message?: unknown;
  code?: unknown;
  apiId?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Every error in the chain: the error, its causes and its aggregated errors. */
function chain(error: unknown): Chained[] {
  const out: Chained[] = [];
  const walk = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 8 || out.includes(e as Chained)) return;
    const c = e as Chained;
    out.push(c);
    walk(c.cause, depth + 1);
    if (Array.isArray(c.errors)) for (const x of c.errors) walk(x, depth + 1);
  };
  walk(error, 0);
  return out;
}

/**
 * The typed error when `error` says the broker does not take a request of API_SINCE: the library's
 * UnsupportedApiError (the broker's ApiVersions lacks it) or the broker's UNSUPPORTED_VERSION (a
 * 3.7-3.9 broker lists ConsumerGroupHeartbeat but refuses it unless its preview is switched on).
 * The API's name comes from the library's messages ("Unsupported API X.", "... executing API X(v0)").
 */
export function brokerTooOld(error: unknown, where: string, action: string): OperationError | undefined {
  const errors = chain(error);
  if (!errors.some((e) => e.code === 'PLT_KFK_UNSUPPORTED_API' || e.apiId === 'UNSUPPORTED_VERSION')) return undefined;
  for (const e of errors) {
    const api = /\bAPI (\w+)/.exec(typeof e.message === 'string' ? e.message : '')?.[1];
    const since = api === undefined ? undefined : API_SINCE[api];
    if (since)
      return new OperationError(
        `${action}: needs Kafka ${since.version}+ (${since.what}); the broker at ${where} does not support ${api}`,
        { hint: since.hint, cause: error, kafkaCode: 'UNSUPPORTED_VERSION' },
      );
  }
  return undefined;
}
