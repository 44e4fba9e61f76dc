import { UsageError } from '../../errors.js';

/**
 * Target topic names. `{topic}` stands for the source topic name, as in MirrorMaker 2's
 * DefaultReplicationPolicy (`src.{topic}` gives `src.orders`); no pattern keeps the names.
 */
export interface RenamePolicy {
  pattern?: string;
  target(source: string): string;
}

const LEGAL = /^[a-zA-Z0-9._-]+$/;

export function parseRename(pattern: string | undefined): RenamePolicy {
  if (pattern === undefined || pattern === '{topic}') return { target: (s) => s };
  if (!pattern.includes('{topic}'))
    throw new UsageError(`--rename "${pattern}" must contain {topic}`, "e.g. --rename 'src.{topic}' mirrors orders to src.orders");
  if ((pattern.match(/\{topic\}/g) ?? []).length > 1) throw new UsageError(`--rename "${pattern}" may contain {topic} only once`);
  const [prefix, suffix] = pattern.split('{topic}');
  if ((prefix + suffix).length > 0 && !LEGAL.test(prefix + suffix)) {
    throw new UsageError(`--rename "${pattern}" would make illegal topic names`, 'topic names use letters, digits, ".", "_" and "-"');
  }
  return { pattern, target: (s) => `${prefix}${s}${suffix}` };
}

/**
 * MirrorMaker 2 spells renaming as a source cluster alias plus a separator
 * (`replication.policy.separator`): `src.{topic}` is alias "src" and separator ".". Identity names
 * are IdentityReplicationPolicy. Other patterns have no MirrorMaker 2 equivalent.
 */
export function mm2Policy(policy: RenamePolicy): { identity: true } | { identity: false; alias: string; separator: string } {
  if (!policy.pattern) return { identity: true };
  const m = /^([a-zA-Z0-9_-]+)([._-]+)\{topic\}$/.exec(policy.pattern);
  if (!m)
    throw new UsageError(
      `--rename "${policy.pattern}" has no MirrorMaker 2 equivalent`,
      "MirrorMaker 2 renames as ALIAS + SEPARATOR + topic, e.g. --rename 'src.{topic}'",
    );
  return { identity: false, alias: m[1], separator: m[2] };
}
