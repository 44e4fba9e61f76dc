import { NotFoundError } from '../errors.js';

/**
 * "topic X does not exist" in the same words wherever a command finds out (its metadata, or a
 * broker's UNKNOWN_TOPIC_OR_PARTITION). Kept free of the client library so that commands can
 * import it without loading the library.
 */
export function topicsNotFound(names: string[], hint = 'ktool topics list shows the topics'): NotFoundError {
  const list = names.join(', ');
  return new NotFoundError(names.length > 1 ? `topics ${list} do not exist` : `topic ${list} does not exist`, hint);
}

export function groupsNotFound(names: string[], hint = 'ktool groups list shows the groups'): NotFoundError {
  const list = names.join(', ');
  return new NotFoundError(names.length > 1 ? `consumer groups ${list} do not exist` : `consumer group ${list} does not exist`, hint);
}
