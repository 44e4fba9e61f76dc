import { ProtocolError, ScramMechanisms, type Admin, type alterUserScramCredentialsV0 } from '@platformatic/kafka';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import { SCRAM_MECHANISMS, type ScramApi, type ScramMechanismName, type ScramUser } from './scram-types.js';

export type * from './scram-types.js';

const CODES: Record<ScramMechanismName, number> = {
  'SCRAM-SHA-256': ScramMechanisms.SCRAM_SHA_256,
  'SCRAM-SHA-512': ScramMechanisms.SCRAM_SHA_512,
};
const NAMES = Object.fromEntries(SCRAM_MECHANISMS.map((m) => [CODES[m], m])) as Record<number, ScramMechanismName>;

/** The error fields of every SCRAM answer (the library types them per response): what fail() reads. */
interface AnswerError {
  errorCode: number;
  errorMessage?: string | null;
}
type Deletion = alterUserScramCredentialsV0.AlterUserScramCredentialsRequestDeletions;
type Upsertion = alterUserScramCredentialsV0.AlterUserScramCredentialsRequestUpsertions;

const CLUSTER_AUTHORIZATION_FAILED = 31;

/** The broker's text for a cluster authorisation failure dumps its request internals: say what is missing. */
function fail(error: AnswerError, unauthorised?: string): never {
  throw new ProtocolError(
    error.errorCode,
    error.errorCode === CLUSTER_AUTHORIZATION_FAILED && unauthorised ? `not authorized: ${unauthorised}` : error.errorMessage,
  );
}

/** SCRAM users over the shared admin connection; the library has no Admin method for them. */
export function makeScramApi(admin: Admin): ScramApi {
  return {
    async describeUsers(names) {
      // "Every user" is sent as an empty list, not null: a Kafka 4.3 broker answering null for an
      // unauthorised principal throws a NullPointerException and never replies.
      const response = await callApi(admin, PINNED.DescribeUserScramCredentials, [(names ?? []).map((name) => ({ name }))]);
      if (response.errorCode) fail(response, 'describing SCRAM users needs Describe on the cluster');
      const failed = response.results.find((r) => r.errorCode);
      if (failed) fail(failed);
      return response.results
        .map((r): ScramUser => ({
          user: r.user,
          credentials: r.credentialInfos
            .map((c) => ({ mechanism: NAMES[c.mechanism] ?? (`UNKNOWN(${c.mechanism})` as ScramMechanismName), iterations: c.iterations }))
            .sort((a, b) => (a.mechanism < b.mechanism ? -1 : 1)),
        }))
        .sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
    },

    async alterCredentials(deletions, upsertions) {
      const changes: [Deletion[], Upsertion[], string][] = [
        ...deletions.map((d): [Deletion[], Upsertion[], string] => [[{ name: d.user, mechanism: CODES[d.mechanism] }], [], d.user]),
        ...upsertions.map((u): [Deletion[], Upsertion[], string] => [
          [],
          [{ name: u.user, mechanism: CODES[u.mechanism], iterations: u.iterations, salt: u.salt, saltedPassword: u.saltedPassword }],
          u.user,
        ]),
      ];
      for (const [deletion, upsertion, user] of changes) {
        const response = await callApi(admin, PINNED.AlterUserScramCredentials, [deletion, upsertion]);
        const failed = response.results.find((r) => r.errorCode);
        if (failed)
          fail(
            { errorCode: failed.errorCode, errorMessage: `user ${user}${failed.errorMessage ? `: ${failed.errorMessage}` : ''}` },
            'changing SCRAM users needs Alter on the cluster',
          );
      }
    },
  };
}
