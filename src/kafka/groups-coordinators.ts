import type { Admin } from '@platformatic/kafka';
import type { KtoolError } from '../errors.js';
import { errorForKafkaCode, errorName, errorText, isBrokerGone } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';

export interface Broker {
  nodeId: number;
  host: string;
  port: number;
}

const GROUP_KEY = 0;
/** Load in progress, not available, not coordinator: find the coordinator again and retry. */
export const RETRY_COORDINATOR = new Set([14, 15, 16]);
export const COORDINATOR_ATTEMPTS = 50;
/** A coordinator killed without a word stays the answer of FindCoordinator until the controller fences it (9 s). */
const UNREACHABLE_COORDINATOR_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `names`: the group (or topic) the answer was about, for a refusal to name it. */
export function kafkaError(code: number, what: string, message?: string | null, names?: string[]): KtoolError {
  return errorForKafkaCode(errorName(code), `${what}: ${errorText(code, message)} (${errorName(code)})`, undefined, { names });
}

/**
 * The coordinator moved or is still loading the group (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS
 * ...): find it again and retry, as Java's admin client does. `typed` is what the user sees if it
 * never settles.
 */
export class CoordinatorMoved extends Error {
  constructor(readonly typed: KtoolError) {
    super(typed.message);
  }
}

/** For answers of a group's coordinator: a moved coordinator is retried by Coordinators.perCoordinator. */
export function groupError(code: number, what: string, message?: string | null, names?: string[]): Error {
  const typed = kafkaError(code, what, message, names);
  return RETRY_COORDINATOR.has(code) ? new CoordinatorMoved(typed) : typed;
}

/** Where each group's coordinator is, remembered until it moves. */
export class Coordinators {
  private readonly known = new Map<string, Broker>();

  constructor(
    private readonly admin: Admin,
    private readonly unreachableMs = UNREACHABLE_COORDINATOR_MS,
  ) {}

  /** The coordinator moved: the next request for the group finds it again. */
  forget(group: string): void {
    this.known.delete(group);
  }

  /** Coordinators for many groups in one FindCoordinator (v4+ batches keys); retried while loading. */
  async find(groups: string[]): Promise<Map<string, Broker>> {
    let missing = groups.filter((g) => !this.known.has(g));
    for (let attempt = 0; missing.length; attempt++) {
      const r = await callApi(this.admin, PINNED.FindCoordinator, [GROUP_KEY, missing]);
      const retry: string[] = [];
      for (const c of r.coordinators) {
        if (!c.errorCode) this.known.set(c.key, { nodeId: c.nodeId, host: c.host, port: c.port });
        else if (RETRY_COORDINATOR.has(c.errorCode) && attempt < COORDINATOR_ATTEMPTS) retry.push(c.key);
        else throw kafkaError(c.errorCode, `finding the coordinator of group ${c.key}`, c.errorMessage, [c.key]);
      }
      missing = retry;
      if (missing.length) await sleep(100);
    }
    return new Map(groups.map((g) => [g, this.known.get(g)!]));
  }

  /**
   * Groups batched per coordinator; `send` gets each coordinator and its groups. A batch whose
   * coordinator moved (`send` threw CoordinatorMoved) or could not be reached is sent again to where
   * its groups are now; the other batches' answers stand (a delete is not sent twice).
   */
  async perCoordinator<T>(groups: string[], send: (broker: Broker, groups: string[]) => Promise<T[]>): Promise<T[]> {
    const giveUpAt = Date.now() + this.unreachableMs;
    const answers: T[] = [];
    let pending = groups;
    for (let attempt = 1; pending.length; attempt++) {
      const batches = new Map<number, { broker: Broker; groups: string[] }>();
      for (const [group, broker] of await this.find(pending)) {
        const batch = batches.get(broker.nodeId) ?? { broker, groups: [] };
        batch.groups.push(group);
        batches.set(broker.nodeId, batch);
      }
      const list = [...batches.values()];
      const settled = await Promise.allSettled(list.map((b) => send(b.broker, b.groups)));
      pending = [];
      let lost = false;
      settled.forEach((result, i) => {
        if (result.status === 'fulfilled') return void answers.push(...result.value);
        const error: unknown = result.reason;
        if (this.unreachable(error, giveUpAt)) lost = true;
        else if (!(error instanceof CoordinatorMoved)) throw error;
        else if (attempt >= COORDINATOR_ATTEMPTS) throw error.typed;
        for (const group of list[i].groups) this.forget(group);
        pending.push(...list[i].groups);
      });
      // Rounds lost to an unreachable coordinator are bounded by giveUpAt, not by the attempts.
      if (lost) attempt--;
      if (pending.length) await sleep(lost ? 250 : 100);
    }
    return answers;
  }

  /** One group's request to its coordinator, sent again while `moved(response)` says the coordinator moved. */
  async atCoordinator<T>(group: string, send: (broker: Broker) => Promise<T>, moved: (response: T) => boolean): Promise<T> {
    const giveUpAt = Date.now() + this.unreachableMs;
    for (let attempt = 1; ; attempt++) {
      let response: T;
      try {
        response = await send((await this.find([group])).get(group)!);
      } catch (error) {
        if (!this.unreachable(error, giveUpAt)) throw error;
        this.forget(group);
        await sleep(100);
        attempt--;
        continue;
      }
      if (!moved(response) || attempt >= COORDINATOR_ATTEMPTS) return response;
      this.forget(group);
      await sleep(100);
    }
  }

  /**
   * The coordinator could not be reached (refused, closed; not a timeout): asked again after a fresh
   * FindCoordinator, as Java's admin client does, until `giveUpAt` (a killed coordinator is still named
   * until the controller fences it).
   */
  private unreachable(error: unknown, giveUpAt: number): boolean {
    return isBrokerGone(error) && Date.now() < giveUpAt;
  }
}
