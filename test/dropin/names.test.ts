import { describe, expect, it } from 'vitest';
import { SCRIPTS } from './cases.js';

/**
 * Every script's set-ups run in one phase per cluster: two scripts creating the same `{x}` make the
 * second set-up fail (TOPIC_ALREADY_EXISTS), which each script run alone (KTOOL_DROPIN_ONLY) never shows.
 */
describe('drop-in harness cases', () => {
  it("no two scripts on a cluster create the same side's name in their set-ups", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of SCRIPTS) {
      const created = new Set(
        s.setup
          .filter((step) => step.args[0] === 'topics' && step.args[1] === 'create')
          .flatMap((step) => step.args.filter((a) => /^\{[a-z0-9._-]+\}$/.test(a))),
      );
      for (const name of created) {
        const key = `${s.cluster ?? 'one'} ${name}`;
        const first = owner.get(key);
        if (first && first !== s.script) clashes.push(`${name}: ${first} and ${s.script}`);
        owner.set(key, first ?? s.script);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("a group that one script's consumers join is named by no other script on that cluster", () => {
    // A member of another script's group commits offsets there: the second script's describe of
    // its group then shows the first one's topics (kcat -G {g1} once met the console consumer's).
    const groupsOf = (s: (typeof SCRIPTS)[number]): Set<string> => {
      const names = new Set<string>();
      for (const c of [...s.setup, ...s.cases])
        for (const [i, a] of c.args.entries())
          if ((a === '--group' || a === '-G' || a === '-g') && /^\{[a-z0-9._-]+\}$/.test(c.args[i + 1] ?? '')) names.add(c.args[i + 1]);
      return names;
    };
    const byCluster = new Map<string, Map<string, string>>();
    const clashes: string[] = [];
    for (const s of SCRIPTS) {
      const seen = byCluster.get(s.cluster ?? 'one') ?? new Map<string, string>();
      byCluster.set(s.cluster ?? 'one', seen);
      for (const name of groupsOf(s)) {
        const first = seen.get(name);
        if (first && first !== s.script && name !== '{nope}') clashes.push(`${name}: ${first} and ${s.script}`);
        seen.set(name, first ?? s.script);
      }
    }
    expect(clashes).toEqual([]);
  });
});
