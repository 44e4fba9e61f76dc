/**
 * What kafka-consumer-groups.sh and kafka-share-groups.sh print after `--delete`: the groups in
 * Java's HashMap order, each failure with the exception Java's admin client would have raised.
 */
import { javaHashMapOrderBy } from './java-text.js';
import { javaStringHash } from './java-hash-order.js';

const GROUP_ERRORS: Record<string, string> = {
  GROUP_ID_NOT_FOUND: 'org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.',
  NON_EMPTY_GROUP: 'org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty.',
  GROUP_AUTHORIZATION_FAILED: 'org.apache.kafka.common.errors.GroupAuthorizationException: Group authorization failed.',
};

export const groupError = (code: string | undefined) => GROUP_ERRORS[code ?? ''] ?? `org.apache.kafka.common.KafkaException: ${code}`;

/** `failed`: group -> the exception text; `kind` as the tool names its groups ("consumer", "share"). */
export function deletionReport(kind: string, deleted: string[], failed: Map<string, string>): string {
  const hashOrder = (names: string[]) => javaHashMapOrderBy(names, javaStringHash);
  const quoted = (names: string[]) =>
    hashOrder(names)
      .map((g) => `'${g}'`)
      .join(', ');
  if (!failed.size) return `Deletion of requested ${kind} groups (${quoted(deleted)}) was successful.\n`;
  let text = `\nError: Deletion of some ${kind} groups failed:\n`;
  for (const name of hashOrder([...failed.keys()])) text += `* Group '${name}' could not be deleted due to: ${failed.get(name)}\n`;
  if (deleted.length) text += `\nThese ${kind} groups were deleted successfully: ${quoted(deleted)}\n`;
  return text;
}
