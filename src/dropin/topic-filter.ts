/**
 * Kafka's tools' IncludeList (org.apache.kafka.tools.filter.TopicFilter): a --topic/--include value
 * is a Java regex on whole names; commas mean `|`, spaces and surrounding quotes are dropped.
 */
/** The regex does not compile: Kafka's RuntimeException words. */
export class InvalidRegexError extends Error {}

export function topicFilter(raw: string): (topic: string) => boolean {
  const regex = raw
    .trim()
    .replaceAll(',', '|')
    .replaceAll(' ', '')
    .replace(/^["']+/, '')
    .replace(/["']+$/, '');
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${regex})$`, 'u');
  } catch {
    throw new InvalidRegexError(`${regex} is an invalid regex.`);
  }
  return (topic) => pattern.test(topic);
}
