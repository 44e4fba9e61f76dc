import { positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS } from '../../kafka/scram-credential.js';
import { SCRAM_MECHANISMS, type ScramMechanismName } from '../../kafka/scram-types.js';
import { strings } from '../acls/vocabulary.js';

/** `--mechanism SCRAM-SHA-256,scram-sha-512` (repeatable); also 256 / 512 / sha-512. */
export function parseMechanisms(values: unknown): ScramMechanismName[] {
  const items = strings(values)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return [
    ...new Set(
      items.map((item) => {
        const digits = /^(?:scram-)?(?:sha-?)?(256|512)$/i.exec(item);
        if (digits) return `SCRAM-SHA-${digits[1]}` as ScramMechanismName;
        throw new UsageError(`unknown SCRAM mechanism "${item}"`, `use ${SCRAM_MECHANISMS.join(' or ')}`);
      }),
    ),
  ];
}

/** Kafka's bounds for a SCRAM iteration count (4096..16384); default 8192 like kafka-configs.sh. */
export function parseIterations(value: unknown): number {
  return positiveInt(value, '--iterations', { min: MIN_ITERATIONS, max: MAX_ITERATIONS }) ?? DEFAULT_ITERATIONS;
}

/** A SCRAM user name as the broker stores it: anything non-empty. */
export function parseUserName(text: string): string {
  if (!text.trim()) throw new UsageError('a user name cannot be empty');
  return text;
}
