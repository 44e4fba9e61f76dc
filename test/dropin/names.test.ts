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
});
