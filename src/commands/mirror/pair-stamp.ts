/**
 * Which committed offsets a mirror may resume from. A group's committed offset of a source
 * partition is a position in ONE copy, so the mirror stamps each commit with the copy it belongs
 * to (target topic name, target and source topic ids) and resumes only from its own pair's stamp.
 * A target topic written by another run, deleted and re-created, or fed from a re-created source
 * starts again from the source's start (--start) instead of silently getting a partial copy.
 */
import type { Io } from '../../cli/io.js';
import { CancelledError, OperationError } from '../../errors.js';
import type { AdminApi } from '../../kafka/types.js';
import { sleep } from '../../util/sleep.js';
import type { TopicPlan } from './topics.js';

export interface PairIdentity {
  source: string;
  target: string;
  sourceId: string;
  targetId: string;
  /** This run created the target topic (it did not exist). */
  created: boolean;
}

interface Stamp {
  target: string;
  targetId: string;
  sourceId: string;
}

const TAG = 'ktool-mirror';

/** The commit metadata of this pair's offsets (short JSON: the broker keeps up to 4096 bytes). */
export function commitStamp(p: PairIdentity): string {
  return JSON.stringify({ [TAG]: 1, target: p.target, targetId: p.targetId, sourceId: p.sourceId });
}

function parseStamp(metadata: string | null): Stamp | undefined {
  if (!metadata || !metadata.startsWith('{')) return undefined;
  try {
    const m = JSON.parse(metadata) as Record<string, unknown>;
    if (m[TAG] !== 1 || typeof m.target !== 'string' || typeof m.targetId !== 'string' || typeof m.sourceId !== 'string') return undefined;
    return { target: m.target, targetId: m.targetId, sourceId: m.sourceId };
  } catch {
    return undefined;
  }
}

/**
 * Why an offset committed with `metadata` is not a position of this pair, or undefined when the
 * mirror may resume from it. Unstamped offsets (an older ktool, `groups reset-offsets`, another
 * tool) are trusted unless this run had to create the target: then they cannot describe its copy.
 */
export function foreignReason(p: PairIdentity, metadata: string | null): string | undefined {
  const stamp = parseStamp(metadata);
  if (!stamp) return p.created ? `this run created ${p.target}, and they were not committed by a mirror into it` : undefined;
  if (stamp.target !== p.target) return `they belong to the copy into ${stamp.target}`;
  if (stamp.targetId !== p.targetId) return `${p.target} was deleted and re-created since they were committed`;
  if (stamp.sourceId !== p.sourceId) return `${p.source} was deleted and re-created since they were committed`;
  return undefined;
}

/**
 * Topic ids of both ends of every pair. A target created a moment ago may not be in every
 * broker's metadata yet: asked again for up to `waitMs` on the injected clock (io.now), and no
 * longer once Ctrl-C aborted io.signal.
 */
export async function identifyPairs(
  source: AdminApi,
  target: AdminApi,
  plans: TopicPlan[],
  io: Pick<Io, 'now' | 'signal'>,
  waitMs = 15_000,
): Promise<Map<string, PairIdentity>> {
  const { topics: sources } = await source.describeTopics(plans.map((p) => p.source));
  const sourceIds = new Map(sources.map((t) => [t.name, t.id]));
  const targetIds = new Map<string, string>();
  const deadline = io.now() + waitMs;
  for (;;) {
    const missing = plans.map((p) => p.target).filter((t) => !targetIds.has(t));
    if (missing.length === 0) break;
    const { topics } = await target.describeTopics(missing);
    for (const t of topics) targetIds.set(t.name, t.id);
    if (topics.length === missing.length) continue;
    if (io.signal.aborted) throw new CancelledError();
    if (io.now() >= deadline) {
      throw new OperationError(
        `target topic ${missing.find((m) => !targetIds.has(m))} is not in the target's metadata ${waitMs / 1000}s after it was created`,
        { hint: 'check the target cluster with `ktool topics describe`, then run the mirror again' },
      );
    }
    await sleep(200, io.signal);
  }
  return new Map(
    plans.map((p) => [
      p.source,
      {
        source: p.source,
        target: p.target,
        sourceId: sourceIds.get(p.source) ?? '',
        targetId: targetIds.get(p.target)!,
        created: p.created,
      },
    ]),
  );
}
