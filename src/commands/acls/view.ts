import type { AclBinding } from '../../kafka/acls-types.js';
import type { Block } from '../../output/view.js';

export const ACL_HEAD = ['PRINCIPAL', 'HOST', 'OPERATION', 'PERMISSION', 'RESOURCE-TYPE', 'NAME', 'PATTERN'];

export function aclRows(bindings: AclBinding[]): string[][] {
  return bindings.map((b) => [b.principal, b.host, b.operation, b.permission, b.resourceType, b.resourceName, b.patternType]);
}

export function aclTable(bindings: AclBinding[], title?: string): Block {
  return { title, head: ACL_HEAD, rows: aclRows(bindings) };
}

/** One line per binding, for prompts: ALLOW User:alice READ on TOPIC orders (LITERAL) from *. */
export function aclLine(b: AclBinding): string {
  return `${b.permission} ${b.principal} ${b.operation} on ${b.resourceType} ${b.resourceName} (${b.patternType}) from ${b.host}`;
}
